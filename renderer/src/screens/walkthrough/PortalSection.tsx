import {
  PORTAL_GENERATION_INFO,
  buildPortalHalf,
  type PortalGeneration,
  type PortalHalf,
} from '../../../../common/allowlist';
import { CHECK_TITLES } from '../../../../common/conntest';
import { t } from '../../strings';
import { RadioChoices } from '../layout/RadioChoices';

interface Props {
  selected: PortalGeneration | null;
  ticked: readonly string[];
  onChoose(portalGeneration: PortalGeneration): void;
  onTick(stepId: string, ticked: boolean): void;
}

/**
 * The other half of the set-up: one plain question picks the security portal's generation, then
 * its steps, each with a box to tick and what the admin should see, and the portal's errors
 * explained.
 */
export function PortalSection({ selected, ticked, onChoose, onTick }: Props) {
  const s = t.walkthrough.portal;
  const half = selected ? buildPortalHalf(selected) : null;
  return (
    <section aria-labelledby="portal-heading" className="panel walkthrough-section">
      <h3 id="portal-heading">{s.heading}</h3>
      <p>{s.intro}</p>
      <RadioChoices
        legend={s.question}
        name="portal-generation"
        choices={PORTAL_GENERATION_INFO}
        selected={selected}
        onChoose={onChoose}
      >
        {(portal) => (
          <span>
            {portal.whatYouSee}
            <span className="detail">
              {portal.name} ({portal.era})
            </span>
          </span>
        )}
      </RadioChoices>
      {half ? <PortalSteps half={half} ticked={ticked} onTick={onTick} /> : <p>{s.needsChoice}</p>}
    </section>
  );
}

function PortalSteps({
  half,
  ticked,
  onTick,
}: {
  half: PortalHalf;
  ticked: readonly string[];
  onTick: Props['onTick'];
}) {
  const s = t.walkthrough.portal;
  const done = half.steps.filter((step) => ticked.includes(step.id)).length;
  return (
    <>
      <h4 id="portal-steps-heading">{s.stepsHeading(half.portal.name)}</h4>
      <p role="status" data-testid="portal-steps-progress">
        {s.progress(done, half.steps.length)}
      </p>
      <ol className="steps" aria-labelledby="portal-steps-heading">
        {half.steps.map((step) => {
          const checkboxId = `portal-step-${step.id}`;
          return (
            <li key={step.id} className={ticked.includes(step.id) ? 'step done' : 'step'}>
              <div className="step-head">
                <input
                  id={checkboxId}
                  type="checkbox"
                  checked={ticked.includes(step.id)}
                  onChange={(event) => onTick(step.id, event.target.checked)}
                  aria-describedby={`${checkboxId}-text`}
                />
                <h4>
                  <label htmlFor={checkboxId}>{s.tickLabel(step.number, step.title)}</label>
                </h4>
              </div>
              <div id={`${checkboxId}-text`} className="step-text">
                {step.instructions.map((paragraph) => (
                  <p key={paragraph}>{paragraph}</p>
                ))}
                <p className="step-expect">
                  <strong>{s.expect}</strong> {step.expect}
                </p>
              </div>
            </li>
          );
        })}
      </ol>
      <h4>{s.errorsHeading}</h4>
      <dl className="portal-errors">
        {half.errors.map((error) => (
          <div key={error.message}>
            <dt>{error.message}</dt>
            <dd>
              {error.meaning} {error.whatToDo} {error.ourCheck ? s.ourCheck(CHECK_TITLES[error.ourCheck]) : ''}
            </dd>
          </div>
        ))}
      </dl>
    </>
  );
}
