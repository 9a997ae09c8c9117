import { useCallback, useMemo, useRef, useState } from 'react';
import { useBridge } from '../../state/hooks';
import { t } from '../../strings';
import { ErrorNotice } from '../layout/ErrorNotice';
import { useDebounced } from '../layout/useDebounced';
import { usePagedRows } from '../layout/usePagedRows';
import { useWhileScanning } from '../layout/useWhileScanning';
import { ActivityFilters, NO_ACTIVITY_FILTERS } from './ActivityFilters';
import { ActivityTable } from './ActivityTable';
import { ScreenHeading } from '../layout/ScreenHeading';

const REFRESH_MS = 2000;

/** Backfilled and live events, newest first, filterable; read-only kinds are marked as such. */
export function ActivityScreen() {
  const bridge = useBridge();
  const [filters, setFilters] = useState(NO_ACTIVITY_FILTERS);
  const settledUser = useDebounced(filters.user.trim(), 300);
  const settledFile = useDebounced(filters.fileId.trim(), 300);
  const s = t.activity;
  const { type, kind, source } = filters;

  const query = useMemo(
    () => ({
      types: type ? [type] : undefined,
      user: settledUser || undefined,
      fileId: /^\d+$/.test(settledFile) ? settledFile : undefined,
      readOnly: kind === '' ? undefined : kind === 'readOnly',
      source: source || undefined,
    }),
    [type, settledUser, settledFile, kind, source],
  );
  const fetchPage = useCallback(
    (offset: number, limit: number) => bridge.listActivity({ ...query, offset, limit }),
    [bridge, query],
  );
  const rows = usePagedRows(JSON.stringify(query), fetchPage);

  // New events arrive at the top while the scan runs: re-read what is on screen.
  const range = useRef<[number, number]>([0, 0]);
  const onRange = useCallback((start: number, end: number) => {
    range.current = [start, end];
  }, []);
  const { refresh } = rows;
  const refreshShown = useCallback(() => refresh(range.current[0], range.current[1]), [refresh]);
  useWhileScanning(REFRESH_MS, refreshShown);

  return (
    <section aria-labelledby="activity-heading" className="activity">
      <ScreenHeading id="activity-heading">{s.heading}</ScreenHeading>
      <p className="intro">{s.intro}</p>
      <ActivityFilters values={filters} onChange={setFilters} />
      <p className="detail" role="status" data-testid="activity-total">
        {rows.total === null ? t.loading : s.total(rows.total)}
      </p>
      {rows.error && <ErrorNotice what={t.errors.queryFailed} error={rows.error} actions={{ retry: refreshShown }} />}
      {rows.total === 0 && <p className="empty">{s.noRows}</p>}
      <ActivityTable rows={rows} onRange={onRange} />
    </section>
  );
}
