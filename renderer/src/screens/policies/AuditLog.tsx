import { useState } from 'react';
import type { ActionRun, AuditEntry } from '../../../../common/policy/types';
import { describeError, type DescribedError } from '../../errors/describe-error';
import { useBridge } from '../../state/hooks';
import { t } from '../../strings';
import { formatDateTime } from '../dashboard/format';
import { ErrorNotice } from '../layout/ErrorNotice';
import { Pager } from './Pager';
import { RunProgress } from './RunProgress';
import { actionWords, changeWords } from './state-words';
import { AUDIT_PAGE, useAuditLog } from './useAuditLog';
import { useRun } from './useRun';

const a = t.policies.audit;

function UndoCell({ entry, busy, onUndo }: { entry: AuditEntry; busy: boolean; onUndo(entry: AuditEntry): void }) {
  // An undone row says so in its Result column already.
  if (entry.state === 'undone') return <span className="detail">—</span>;
  if (entry.undoneBy) return <span>{a.undone}</span>;
  if (!entry.undoable || entry.state !== 'applied') return <span className="detail">{a.notUndoable}</span>;
  return (
    <button type="button" disabled={busy} aria-label={a.undo(entry.fileName)} onClick={() => onUndo(entry)}>
      {a.undoShort}
    </button>
  );
}

interface TableProps {
  entries: AuditEntry[];
  policyName(policyId: string): string;
  busy: boolean;
  onUndo(entry: AuditEntry): void;
}

function AuditTable({ entries, policyName, busy, onUndo }: TableProps) {
  const c = a.columns;
  return (
    <div className="table-scroll audit-scroll" tabIndex={0} role="region" aria-label={a.tableLabel}>
      <table className="policy-table" aria-label={a.tableLabel}>
        <thead>
          <tr>
            {[c.at, c.by, c.policy, c.file, c.action, c.change, c.state, c.undo].map((label) => (
              <th key={label} scope="col">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.actionId} data-testid="audit-row" data-file-id={entry.fileId} data-state={entry.state}>
              <td>{formatDateTime(entry.at)}</td>
              <td>{entry.by}</td>
              <td>{policyName(entry.policyId)}</td>
              <th scope="row">{entry.fileName}</th>
              <td>{actionWords(entry.action)}</td>
              <td>{changeWords(entry.before, entry.after)}</td>
              <td title={entry.reason ?? undefined}>
                {a.states[entry.state]}
                {entry.reason && <span className="detail">{entry.reason}</span>}
              </td>
              <td>
                <UndoCell entry={entry} busy={busy} onUndo={onUndo} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ExportAudit() {
  const bridge = useBridge();
  const [said, setSaid] = useState<string | null>(null);
  const [problem, setProblem] = useState<DescribedError | null>(null);
  const run = (format: 'csv' | 'json') => {
    setProblem(null);
    bridge.exportAudit({ format }).then(
      (result) => setSaid(a.exported(result.path, result.rows)),
      (error: unknown) => setProblem(describeError(error)),
    );
  };
  return (
    <div className="export">
      <div className="button-row">
        <button type="button" onClick={() => run('csv')}>
          {a.exportCsv}
        </button>
        <button type="button" onClick={() => run('json')}>
          {a.exportJson}
        </button>
      </div>
      <p className="detail" role="status" data-testid="audit-exported">
        {said}
      </p>
      {problem && <ErrorNotice error={problem} actions={{}} />}
    </div>
  );
}

/** An undo run's progress, followed like any run. */
function UndoProgress({ run }: { run: ActionRun }) {
  const controls = useRun(run);
  return <RunProgress controls={controls} />;
}

function RunChoice(props: { runs: ActionRun[]; runId: string | null; onChange(runId: string | null): void }) {
  return (
    <label className="policy-field inline-field">
      <span>{a.runFilter}</span>
      <select value={props.runId ?? ''} onChange={(event) => props.onChange(event.target.value || null)}>
        <option value="">{a.allRuns}</option>
        {props.runs
          .filter((run) => run.state !== 'preview')
          .map((run) => (
            <option key={run.runId} value={run.runId}>
              {a.runLabel(run.policyName, formatDateTime(run.confirmedAt ?? run.createdAt), run.counts.planned)}
            </option>
          ))}
      </select>
    </label>
  );
}

interface Props {
  /** The run to show first (after "Open the audit log" from a run), or every run. */
  initialRunId?: string | null;
}

/** Every applied change, one row per file, with Undo per row and per run, and the export. */
export function AuditLog({ initialRunId = null }: Props) {
  const bridge = useBridge();
  const [runId, setRunId] = useState<string | null>(initialRunId);
  const log = useAuditLog(runId);
  const [undo, setUndo] = useState<ActionRun | null>(null);
  const [problem, setProblem] = useState<DescribedError | null>(null);
  const [busy, setBusy] = useState(false);
  const names = new Map(log.runs.map((run) => [run.policyId, run.policyName]));
  const chosen = log.runs.find((run) => run.runId === runId) ?? null;
  const startUndo = (call: () => Promise<ActionRun>) => {
    setBusy(true);
    setProblem(null);
    call()
      .then(setUndo, (error: unknown) => setProblem(describeError(error)))
      .finally(() => {
        setBusy(false);
        log.reload();
      });
  };
  const total = log.page?.total ?? 0;
  return (
    <section aria-labelledby="audit-heading" className="policy-audit">
      <div className="dash-top">
        <div>
          <h3 id="audit-heading">{a.heading}</h3>
          <p className="intro">{a.intro}</p>
        </div>
        <ExportAudit />
      </div>
      <div className="button-row">
        <RunChoice runs={log.runs} runId={runId} onChange={setRunId} />
        {chosen && !chosen.undoOf && chosen.counts.applied > 0 && (
          <button
            type="button"
            disabled={busy}
            onClick={() => startUndo(() => bridge.undoRun({ runId: chosen.runId }))}
          >
            {a.undoRun}
          </button>
        )}
      </div>
      {undo && <UndoProgress key={undo.runId} run={undo} />}
      {problem && <ErrorNotice what={t.errors.actionFailed(a.undoShort)} error={problem} actions={{}} />}
      {log.error && <ErrorNotice what={a.loadFailed} error={log.error} actions={{ retry: log.reload }} />}
      <p className="detail" data-testid="audit-total">
        {log.page ? a.total(total) : t.loading}
      </p>
      {log.page && total === 0 && <p className="empty">{a.empty}</p>}
      {log.page && total > 0 && (
        <AuditTable
          entries={log.page.entries}
          policyName={(id) => names.get(id) ?? id}
          busy={busy}
          onUndo={(entry) => startUndo(() => bridge.undoAction({ actionId: entry.actionId }))}
        />
      )}
      <Pager offset={log.offset} total={total} pageSize={AUDIT_PAGE} onOffset={log.setOffset} />
    </section>
  );
}
