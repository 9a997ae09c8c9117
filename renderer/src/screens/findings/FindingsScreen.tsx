import { useDebounced } from '../layout/useDebounced';
import { useWhileScanning } from '../layout/useWhileScanning';
import { useCallback, useMemo, useRef, useState } from 'react';
import { FILE_STATUSES, INSPECTION_STATES } from '../../../../common/bridge/scan-calls';
import { ACCESS_LEVELS, type AccessLevel } from '../../../../common/scan/access-level';
import type { FileStatus, InspectionState } from '../../../../common/scan/types';
import { useBridge } from '../../state/hooks';
import { t } from '../../strings';
import { ErrorNotice } from '../layout/ErrorNotice';
import { usePagedRows } from '../layout/usePagedRows';
import { AccessBreakdown, useAccessCounts } from './AccessBreakdown';
import { ExportButtons } from './ExportButtons';
import { FindingsTable, type SortKey } from './FindingsTable';

const REFRESH_MS = 3000;

interface Filters {
  accessLevels: AccessLevel[];
  inspection: InspectionState | '';
  status: FileStatus | '';
  sensitiveOnly: boolean;
  search: string;
}
const NO_FILTERS: Filters = { accessLevels: [], inspection: '', status: '', sensitiveOnly: false, search: '' };

/** Files by access level, owner, external collaborators and content: filter, search, sort, export. */
export function FindingsScreen() {
  const bridge = useBridge();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [sort, setSort] = useState<SortKey>('accessLevel');
  const [order, setOrder] = useState<'asc' | 'desc'>('asc');
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
  const fetchPage = useCallback((offset: number, limit: number) => bridge.listFindings({ ...query, offset, limit }), [bridge, query]);
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
    setFilters((f) => ({ ...f, accessLevels: f.accessLevels.includes(level) ? f.accessLevels.filter((l) => l !== level) : [...f.accessLevels, level] }));
  const onSort = useCallback(
    (key: SortKey) => {
      if (key === sort) setOrder((o) => (o === 'asc' ? 'desc' : 'asc'));
      else {
        setSort(key);
        setOrder('asc');
      }
    },
    [sort],
  );
  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);

  return (
    <section aria-labelledby="findings-heading" className="findings">
      <div className="dash-top">
        <div>
          <h2 id="findings-heading" className="screen-heading">
            {s.heading}
          </h2>
          <p className="intro">{s.intro}</p>
        </div>
        <ExportButtons />
      </div>
      <div className="findings-layout">
        <div className="findings-main">
          <form className="filters" aria-label={s.filters} onSubmit={(event) => event.preventDefault()}>
            <fieldset className="access-filter">
              <legend>{s.accessLevel}</legend>
              {ACCESS_LEVELS.map((level) => (
                <label key={level} className="chip">
                  <input type="checkbox" checked={filters.accessLevels.includes(level)} onChange={() => toggleLevel(level)} />
                  {level}
                </label>
              ))}
            </fieldset>
            <div className="filter-row">
              <label>
                {s.inspection}{' '}
                <select value={filters.inspection} onChange={(event) => setFilters((f) => ({ ...f, inspection: event.target.value as InspectionState | '' }))}>
                  <option value="">{s.anyInspection}</option>
                  {INSPECTION_STATES.map((state) => (
                    <option key={state}>{state}</option>
                  ))}
                </select>
              </label>
              <label>
                {s.status}{' '}
                <select value={filters.status} onChange={(event) => setFilters((f) => ({ ...f, status: event.target.value as FileStatus | '' }))}>
                  <option value="">{s.anyStatus}</option>
                  {FILE_STATUSES.map((status) => (
                    <option key={status}>{status}</option>
                  ))}
                </select>
              </label>
              <label className="choice inline">
                <input type="checkbox" checked={filters.sensitiveOnly} onChange={(event) => setFilters((f) => ({ ...f, sensitiveOnly: event.target.checked }))} />
                {s.sensitiveOnly}
              </label>
              <label className="search">
                <span className="visually-hidden">{s.search}</span>
                <input type="search" placeholder={s.search} value={filters.search} onChange={(event) => setFilters((f) => ({ ...f, search: event.target.value }))} />
              </label>
              {filtered && (
                <button type="button" onClick={() => setFilters(NO_FILTERS)}>
                  {s.clear}
                </button>
              )}
            </div>
          </form>
          <p className="detail" role="status" data-testid="findings-total">
            {rows.total === null ? t.loading : s.total(rows.total, counts.all ?? rows.total)}
          </p>
          {rows.error && <ErrorNotice what={t.errors.queryFailed} error={rows.error} actions={{ retry: () => refresh(range.current[0], range.current[1]) }} />}
          {rows.total === 0 && <p className="empty">{s.noRows}</p>}
          <FindingsTable rows={rows} sort={sort} order={order} onSort={onSort} onRange={onRange} />
        </div>
        <AccessBreakdown counts={counts.byLevel} selected={filters.accessLevels} onToggle={toggleLevel} />
      </div>
    </section>
  );
}
