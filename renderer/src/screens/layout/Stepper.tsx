import type { FirstRunStep } from '../../../../common/settings';
import { t } from '../../strings';

export const FIRST_RUN_STEPS: readonly FirstRunStep[] = ['welcome', 'allowlist', 'connect', 'test', 'scan'];

interface Props {
  current: FirstRunStep;
  onChoose(step: FirstRunStep): void;
}

/** Where the admin is in the first run; earlier and later steps stay reachable. */
export function Stepper({ current, onChoose }: Props) {
  const index = FIRST_RUN_STEPS.indexOf(current);
  return (
    <nav aria-label={t.flow.stepperLabel} className="stepper">
      <ol>
        {FIRST_RUN_STEPS.map((step, position) => {
          const state = position < index ? 'done' : position === index ? 'current' : 'todo';
          return (
            <li key={step} className={`stepper-step stepper-${state}`}>
              <button type="button" aria-current={state === 'current' ? 'step' : undefined} onClick={() => onChoose(step)}>
                <span className="stepper-number" aria-hidden="true">
                  {state === 'done' ? '✓' : position + 1}
                </span>
                <span className="visually-hidden">{t.flow.stepOf(position + 1, FIRST_RUN_STEPS.length)} </span>
                {t.flow.steps[step]}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
