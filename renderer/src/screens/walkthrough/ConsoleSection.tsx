import { CONSOLE_GENERATION_INFO, type ConsoleGeneration } from '../../../../common/allowlist';
import { t } from '../../strings';
import { RadioChoices } from '../layout/RadioChoices';

interface Props {
  selected: ConsoleGeneration | null;
  onChoose(consoleGeneration: ConsoleGeneration): void;
}

/** One plain question about the left-hand menu picks the Box Admin Console generation. */
export function ConsoleSection({ selected, onChoose }: Props) {
  const s = t.walkthrough.console;
  return (
    <section aria-labelledby="console-heading" className="panel walkthrough-section">
      <h3 id="console-heading">{s.heading}</h3>
      <RadioChoices
        legend={s.question}
        name="console-generation"
        choices={CONSOLE_GENERATION_INFO}
        selected={selected}
        onChoose={onChoose}
      >
        {(generation) => (
          <span>
            {generation.leftMenuAnswer}
            <span className="detail">
              {generation.name} ({generation.era})
            </span>
          </span>
        )}
      </RadioChoices>
    </section>
  );
}
