import { CONSOLE_GENERATION_INFO, consoleGenerationInfo, type ConsoleGeneration } from '../../../../common/allowlist';
import { t } from '../../strings';
import { LockedSetting } from '../layout/LockedSetting';
import { RadioChoices } from '../layout/RadioChoices';

interface Props {
  selected: ConsoleGeneration | null;
  onChoose(consoleGeneration: ConsoleGeneration): void;
  /** Set by the organisation: shown, with no question asked. */
  locked?: boolean;
}

/** One plain question about the left-hand menu picks the Box Admin Console generation. */
export function ConsoleSection({ selected, onChoose, locked = false }: Props) {
  const s = t.walkthrough.console;
  if (locked && selected) {
    const generation = consoleGenerationInfo(selected);
    return (
      <section aria-labelledby="console-heading" className="panel walkthrough-section">
        <h3 id="console-heading">{s.heading}</h3>
        <LockedSetting label={t.managed.keys['walkthrough.consoleGeneration']} testId="locked-console">
          {generation.name} <span className="detail">({generation.era})</span>
        </LockedSetting>
      </section>
    );
  }
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
