import type { ActionRun } from '../../../../common/policy/types';
import { t } from '../../strings';
import { formatNumber, formatRate } from '../dashboard/format';
import { ErrorNotice } from '../layout/ErrorNotice';
import { actionWords } from './state-words';
import type { RunControls } from './useRun';

const p = t.policies.progress;

function done(run: ActionRun): number {
  const { applied, skipped, failed, undone } = run.counts;
  return applied + skipped + failed + undone;
}

function RunCounts({ run }: { run: ActionRun }) {
  const items: Array<[string, number, string]> = [
    ['applied', run.counts.applied, p.applied],
    ['skipped', run.counts.skipped, p.skipped],
    ['failed', run.counts.failed, p.failed],
  ];
  if (run.counts.undone) items.push(['undone', run.counts.undone, p.undone]);
  return (
    <dl className="counters run-counters">
      {items.map(([key, value, label]) => (
        <div key={key} className={`counter ${key === 'failed' && value ? 'warn' : ''}`}>
          <dt>{label}</dt>
          <dd data-testid={`run-${key}`}>{formatNumber(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

interface Props {
  controls: RunControls;
  onOpenAudit?(): void;
  onBack?(): void;
}

/** A run being applied (or an undo): how far, how fast, what was skipped or failed; Pause, Resume, Cancel at once. */
export function RunProgress({ controls, onOpenAudit, onBack }: Props) {
  const { run, busy, problem, pause, resume, cancel } = controls;
  const finished = run.state === 'done' || run.state === 'cancelled';
  const planned = run.counts.planned;
  return (
    <section aria-labelledby={`run-heading-${run.runId}`} className="policy-run" data-testid="run-progress">
      <h3 id={`run-heading-${run.runId}`}>{run.undoOf ? p.undoHeading(run.policyName) : p.heading(run.policyName)}</h3>
      <p className="detail">{actionWords(run.action)}</p>
      <p role="status" aria-live="polite" className="run-state" data-testid="run-state" data-state={run.state}>
        {p.states[run.state]}
      </p>
      <div className="progress-row">
        <progress max={Math.max(planned, 1)} value={done(run)} aria-label={p.label} />
        <span data-testid="run-done">{p.counts(done(run), planned)}</span>
        {run.state === 'applying' && <span className="detail">{p.perSecond(formatRate(run.perSecond))}</span>}
      </div>
      <RunCounts run={run} />
      {problem && <ErrorNotice error={problem} actions={{}} />}
      <div className="button-row">
        {run.state === 'applying' && (
          <button type="button" disabled={busy} onClick={() => void pause()}>
            {p.pause}
          </button>
        )}
        {(run.state === 'paused' || run.state === 'interrupted') && (
          <button type="button" className="primary" disabled={busy} onClick={() => void resume()}>
            {p.resume}
          </button>
        )}
        {!finished && run.state !== 'preview' && (
          <button type="button" disabled={busy} onClick={() => void cancel()}>
            {p.cancel}
          </button>
        )}
        {onOpenAudit && (
          <button type="button" className={finished ? 'primary' : undefined} onClick={onOpenAudit}>
            {p.openAudit}
          </button>
        )}
        {onBack && (
          <button type="button" onClick={onBack}>
            {p.back}
          </button>
        )}
      </div>
    </section>
  );
}
