import { useEffect, useState } from 'react';
import { UNDO_OF, type PlannedChange } from '../../../../common/policy/types';
import { describeError, type DescribedError } from '../../errors/describe-error';
import { useBridge } from '../../state/hooks';
import { t } from '../../strings';
import { ErrorNotice } from '../layout/ErrorNotice';
import { Pager } from './Pager';
import type { RunControls } from './useRun';

const REVIEW_PAGE = 50;
/** Above this many files the admin types the count to confirm (the rule). */
export const TYPE_COUNT_ABOVE = 100;

/** One page of the planned changes; the plan's own first changes show before any request. */
function useChangesPage(runId: string, firstChanges: PlannedChange[]) {
  const bridge = useBridge();
  const [offset, setOffset] = useState(0);
  const [entries, setEntries] = useState(firstChanges.slice(0, REVIEW_PAGE));
  const [error, setError] = useState<DescribedError | null>(null);
  useEffect(() => {
    let live = true;
    bridge.listRunChanges({ runId, offset, limit: REVIEW_PAGE }).then(
      (page) => live && setEntries(page.entries),
      (reason: unknown) => live && setError(describeError(reason)),
    );
    return () => {
      live = false;
    };
  }, [bridge, runId, offset]);
  return { offset, setOffset, entries, error };
}

function ChangesTable({ entries }: { entries: PlannedChange[] }) {
  const c = t.policies.review.columns;
  return (
    // Focusable, so the keyboard scrolls it (the rows hold no control of their own).
    <div className="table-scroll review-scroll" tabIndex={0} role="region" aria-label={t.policies.review.tableLabel}>
      <table className="policy-table" aria-label={t.policies.review.tableLabel}>
        <thead>
          <tr>
            <th scope="col">{c.file}</th>
            <th scope="col">{c.path}</th>
            <th scope="col">{c.owner}</th>
            <th scope="col">{c.change}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((change) => (
            <tr key={change.fileId} data-testid="review-row" data-file-id={change.fileId}>
              <th scope="row">{change.name}</th>
              <td>{change.path}</td>
              <td>{change.ownerLogin}</td>
              <td>{change.change}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface Props {
  controls: RunControls;
  firstChanges: PlannedChange[];
  onDiscarded(): void;
}

/** The dry run: the count, each file's exact change a page at a time, then Confirm (the count typed above 100 files). */
export function DryRunReview({ controls, firstChanges, onDiscarded }: Props) {
  const { run, busy, problem, apply, cancel } = controls;
  const r = t.policies.review;
  const planned = run.counts.planned;
  const page = useChangesPage(run.runId, firstChanges);
  const [typed, setTyped] = useState('');
  const needsCount = planned > TYPE_COUNT_ABOVE;
  const confirmed = !needsCount || Number(typed.replace(/[\s,.]/g, '')) === planned;
  const undo = UNDO_OF[run.action.name];
  return (
    <section aria-labelledby="review-heading" className="policy-run">
      <h3 id="review-heading">{r.heading(run.policyName)}</h3>
      <p className="intro">{r.intro}</p>
      <p className="run-count" data-testid="review-count">
        {planned ? r.count(planned) : r.nothing}
      </p>
      <p className="detail">{undo ? r.undoHint(undo) : r.noUndo}</p>
      {needsCount && (
        <label className="policy-field confirm-count">
          <span>{r.typeCount(planned)}</span>
          <input inputMode="numeric" value={typed} onChange={(event) => setTyped(event.target.value)} />
          <span className="detail">{r.typeCountHint}</span>
        </label>
      )}
      {problem && <ErrorNotice what={t.errors.actionFailed(r.confirm(planned))} error={problem} actions={{}} />}
      <div className="button-row">
        {planned > 0 && (
          <button
            type="button"
            className="primary danger"
            disabled={busy || !confirmed}
            onClick={() => void apply(needsCount ? planned : undefined)}
          >
            {r.confirm(planned)}
          </button>
        )}
        <button type="button" disabled={busy} onClick={() => void cancel().then((next) => next && onDiscarded())}>
          {r.discard}
        </button>
      </div>
      {/* Confirm sits above the changes: at 1280×800 the first shots had it below the fold. */}
      {page.error && <ErrorNotice what={t.errors.queryFailed} error={page.error} actions={{}} />}
      {planned > 0 && <ChangesTable entries={page.entries} />}
      <Pager offset={page.offset} total={planned} pageSize={REVIEW_PAGE} onOffset={page.setOffset} />
    </section>
  );
}
