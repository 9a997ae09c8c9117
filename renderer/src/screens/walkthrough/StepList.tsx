import { useState, type ReactNode } from 'react';
import type { Walkthrough } from '../../../../common/allowlist';
import { t } from '../../strings';
import { illustrationUrl } from './illustrations';

interface Props {
  walkthrough: Walkthrough;
  ticked: readonly string[];
  onTick(stepId: string, ticked: boolean): void;
  onStartOver(): Promise<void>;
}

/** The console generation's steps, each with a box to tick and a drawing of the screen. */
export function StepList({ walkthrough, ticked, onTick, onStartOver }: Props) {
  const s = t.walkthrough.steps;
  const [startedOver, setStartedOver] = useState(false);
  const identifiers = [walkthrough.key, walkthrough.companionClientId].filter((value): value is string =>
    Boolean(value),
  );
  const done = walkthrough.steps.filter((step) => ticked.includes(step.id)).length;

  return (
    <section aria-labelledby="steps-heading" className="panel walkthrough-section">
      <h3 id="steps-heading">{s.heading(walkthrough.console.name)}</h3>
      <p role="status" data-testid="steps-progress">
        {s.progress(done, walkthrough.steps.length)}
        {startedOver && done === 0 ? ` ${s.startedOver}` : ''}
      </p>
      <ol className="steps">
        {walkthrough.steps.map((step) => {
          const checkboxId = `step-${step.id}`;
          const url = illustrationUrl(step.illustration);
          return (
            <li key={step.id} className={ticked.includes(step.id) ? 'step done' : 'step'}>
              <div className="step-head">
                <input
                  id={checkboxId}
                  type="checkbox"
                  checked={ticked.includes(step.id)}
                  onChange={(event) => {
                    setStartedOver(false);
                    onTick(step.id, event.target.checked);
                  }}
                  aria-describedby={`${checkboxId}-text`}
                />
                <h4>
                  <label htmlFor={checkboxId}>{s.tickLabel(step.number, step.title)}</label>
                </h4>
              </div>
              <div id={`${checkboxId}-text`} className="step-text">
                {step.instructions.map((paragraph) => (
                  <p key={paragraph}>{markIdentifiers(paragraph, identifiers)}</p>
                ))}
              </div>
              {url && (
                <figure className="illustration">
                  <img src={url} alt={step.illustrationAlt} />
                </figure>
              )}
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        onClick={() => {
          void onStartOver().then(() => setStartedOver(true));
        }}
      >
        {s.startOver}
      </button>
    </section>
  );
}

/**
 * Sets the key and client ID in monospace inside running text: in a proportional font "l", "1"
 * and "I" look alike, and an admin typing the key by hand must be able to tell them apart.
 */
function markIdentifiers(paragraph: string, identifiers: readonly string[]): ReactNode[] {
  const parts: ReactNode[] = [paragraph];
  for (const identifier of identifiers) {
    for (let index = parts.length - 1; index >= 0; index--) {
      const part = parts[index];
      if (typeof part !== 'string' || !part.includes(identifier)) continue;
      const pieces = part.split(identifier);
      const replaced: ReactNode[] = [];
      pieces.forEach((piece, position) => {
        if (position > 0)
          replaced.push(
            <code key={`${identifier}-${index}-${position}`} className="inline-identifier">
              {identifier}
            </code>,
          );
        if (piece) replaced.push(piece);
      });
      parts.splice(index, 1, ...replaced);
    }
  }
  return parts;
}
