import { useEffect, useRef, useState } from 'react';
import type { ActionRun, AuditPage } from '../../../../common/policy/types';
import { describeError, type DescribedError } from '../../errors/describe-error';
import { useBridge, useRunReports } from '../../state/hooks';

export const AUDIT_PAGE = 50;
/** While a run moves, the log is read again at most this often. */
const REREAD_MS = 1000;

/** A number that goes up (at most once a second) while any run reports progress: the log to read again. */
function useRunActivity(): number {
  const reports = useRunReports();
  const [version, setVersion] = useState(0);
  const last = useRef(0);
  useEffect(() => {
    if (reports === 0) return;
    const wait = Math.max(0, last.current + REREAD_MS - performance.now());
    const timer = window.setTimeout(() => {
      last.current = performance.now();
      setVersion((v) => v + 1);
    }, wait);
    return () => window.clearTimeout(timer);
  }, [reports]);
  return version;
}

/** One page of the audit log (all runs, or one), the runs to choose from, kept fresh while runs move. */
export function useAuditLog(runId: string | null) {
  const bridge = useBridge();
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<AuditPage | null>(null);
  const [runs, setRuns] = useState<ActionRun[]>([]);
  const [error, setError] = useState<DescribedError | null>(null);
  const [asked, setAsked] = useState(0);
  const activity = useRunActivity();
  useEffect(() => setOffset(0), [runId]);
  useEffect(() => {
    let live = true;
    Promise.all([
      bridge.listAudit({ runId: runId ?? undefined, offset, limit: AUDIT_PAGE }),
      bridge.listRuns({ offset: 0, limit: 200 }),
    ]).then(
      ([audit, runList]) => {
        if (!live) return;
        setPage(audit);
        setRuns(runList.entries);
        setError(null);
      },
      (reason: unknown) => live && setError(describeError(reason)),
    );
    return () => {
      live = false;
    };
  }, [bridge, runId, offset, activity, asked]);
  return { page, runs, error, offset, setOffset, reload: () => setAsked((n) => n + 1) };
}
