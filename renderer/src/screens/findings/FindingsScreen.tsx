import { useDebounced } from '../layout/useDebounced';
import { useWhileScanning } from '../layout/useWhileScanning';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { AccessLevel } from '../../../../common/scan/access-level';
import { useBridge } from '../../state/hooks';
import { t } from '../../strings';
import { ErrorNotice } from '../layout/ErrorNotice';
import { usePagedRows } from '../layout/usePagedRows';
import { AccessBreakdown, useAccessCounts } from './AccessBreakdown';
import { ExportButtons } from './ExportButtons';
import { FindingsFilters, NO_FILTERS, type Filters } from './FindingsFilters';
import { FindingsTable } from './FindingsTable';
import { useFindingsSort } from './useFindingsSort';
import { ScreenHeading } from '../layout/ScreenHeading';

const REFRESH_MS = 3000;

/** Files by access level, owner, external collaborators and content: filter, search, sort, export. */
export function FindingsScreen() {
  const bridge = useBridge();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const { sort, order, onSort } = useFindingsSort();
  const search = useDebounced(filters.search, 250);
  const s = t.findings;

  const query = useMemo(
    () => ({
      accessLevels: filters.accessLevels.length ? filters.accessLevels : undefined,
      inspection: filters.inspection ? [filters.inspection] : undefined,
      status: filters.status ? [filters.status] : undefined,
      sensitiveOnly: filters.sensitiveOnly || undefined,
      search: search.trim() || undefined,
      sort,
      order,
    }),
    [filters.accessLevels, filters.inspection, filters.status, filters.sensitiveOnly, search, sort, order],
  );
  const queryKey = JSON.stringify(query);
  const fetchPage = useCallback(
    (offset: number, limit: number) => bridge.listFindings({ ...query, offset, limit }),
    [bridge, query],
  );
  const rows = usePagedRows(queryKey, fetchPage);
  const counts = useAccessCounts();

  // While a scan runs, re-read the rows on screen and the counts every few seconds.
  const range = useRef<[number, number]>([0, 0]);
  const onRange = useCallback((start: number, end: number) => {
    range.current = [start, end];
  }, []);
  const { refresh } = rows;
  const refreshCounts = counts.refresh;
  useWhileScanning(REFRESH_MS, () => {
    refresh(range.current[0], range.current[1]);
    refreshCounts();
  });

  const toggleLevel = (level: AccessLevel) =>
    setFilters((f) => ({
      ...f,
      accessLevels: f.accessLevels.includes(level)
        ? f.accessLevels.filter((l) => l !== level)
        : [...f.accessLevels, level],
    }));

  return (
    <section aria-labelledby="findings-heading" className="findings">
      <div className="dash-top">
        <div>
          <ScreenHeading id="findings-heading">{s.heading}</ScreenHeading>
          <p className="intro">{s.intro}</p>
        </div>
        <ExportButtons />
      </div>
      <div className="findings-layout">
        <div className="findings-main">
          <FindingsFilters filters={filters} setFilters={setFilters} onToggleLevel={toggleLevel} />
          <p className="detail" role="status" data-testid="findings-total">
            {rows.total === null ? t.loading : s.total(rows.total, counts.all ?? rows.total)}
          </p>
          {rows.error && (
            <ErrorNotice
              what={t.errors.queryFailed}
              error={rows.error}
              actions={{ retry: () => refresh(range.current[0], range.current[1]) }}
            />
          )}
          {rows.total === 0 && <p className="empty">{s.noRows}</p>}
          <FindingsTable rows={rows} sort={sort} order={order} onSort={onSort} onRange={onRange} />
        </div>
        <AccessBreakdown counts={counts.byLevel} selected={filters.accessLevels} onToggle={toggleLevel} />
      </div>
    </section>
  );
}
