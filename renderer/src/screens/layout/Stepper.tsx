import type { FirstRunStep } from '../../../../common/settings';
import { t } from '../../strings';

export const FIRST_RUN_STEPS: readonly FirstRunStep[] = ['welcome', 'allowlist', 'connect', 'test', 'scan'];

interface Props {
  current: FirstRunStep;
  /** Steps whose outcome is known to be good (signed in): they get a check mark. */
  complete: Partial<Record<FirstRunStep, boolean>>;
  onChoose(step: FirstRunStep): void;
}

/**
 * Where the admin is in the first run; every step stays reachable. Only a step whose result is
 * known gets a check mark: passing the allowlist step (the sandbox skips it) proves nothing.
 */
export function Stepper({ current, complete, onChoose }: Props) {
  const index = FIRST_RUN_STEPS.indexOf(current);
  return (
    <nav aria-label={t.flow.stepperLabel} className="stepper">
      <ol>
        {FIRST_RUN_STEPS.map((step, position) => {
          const state =
            position === index ? 'current' : complete[step] ? 'done' : position < index ? 'visited' : 'todo';
          return (
            <li key={step} className={`stepper-step stepper-${state}`}>
              <button
                type="button"
                aria-current={state === 'current' ? 'step' : undefined}
                onClick={() => onChoose(step)}
              >
                <span className="stepper-number" aria-hidden="true">
                  {state === 'done' ? '✓' : position + 1}
                </span>
                <span className="visually-hidden">{t.flow.stepOf(position + 1, FIRST_RUN_STEPS.length)} </span>
                {t.flow.steps[step]}
                {state === 'done' && <span className="visually-hidden"> {t.flow.complete}</span>}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
