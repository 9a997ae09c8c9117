import { CONSOLE_GENERATION_INFO, type ConsoleGeneration } from '../../../../common/allowlist';
import { t } from '../../strings';

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
      <fieldset className="choices">
        <legend>{s.question}</legend>
        {CONSOLE_GENERATION_INFO.map((generation) => (
          <label key={generation.id} className="choice">
            <input
              type="radio"
              name="console-generation"
              value={generation.id}
              checked={selected === generation.id}
              onChange={() => onChoose(generation.id)}
            />
            <span>
              {generation.leftMenuAnswer}
              <span className="detail">
                {generation.name} ({generation.era})
              </span>
            </span>
          </label>
        ))}
      </fieldset>
    </section>
  );
}
