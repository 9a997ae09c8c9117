import { useDebounced } from '../layout/useDebounced';
import { useWhileScanning } from '../layout/useWhileScanning';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { AccessLevel } from '../../../../common/scan/access-level';
import type { FileFinding } from '../../../../common/scan/types';
import { useBridge } from '../../state/hooks';
import { t } from '../../strings';
import { ErrorNotice } from '../layout/ErrorNotice';
import { usePagedRows } from '../layout/usePagedRows';
import { AccessBreakdown, useAccessCounts } from './AccessBreakdown';
import { ExportButtons } from './ExportButtons';
import { FindingsFilters, NO_FILTERS, type Filters } from './FindingsFilters';
import { FindingsTable, type SortKey } from './FindingsTable';
import { LocationsPanel } from './LocationsPanel';
import { useFindingsSort } from './useFindingsSort';
import { ScreenHeading } from '../layout/ScreenHeading';

const REFRESH_MS = 3000;

/** The rows the filters, search and sort select, a page at a time. */
function useFindingsRows(filters: Filters, sort: SortKey, order: 'asc' | 'desc') {
  const bridge = useBridge();
  const search = useDebounced(filters.search, 250);
  const { accessLevels, inspection, reason, status, sensitiveOnly } = filters;
  const query = useMemo(
    () => ({
      accessLevels: accessLevels.length ? accessLevels : undefined,
      inspection: inspection ? [inspection] : undefined,
      reasons: reason ? [reason] : undefined,
      status: status ? [status] : undefined,
      sensitiveOnly: sensitiveOnly || undefined,
      search: search.trim() || undefined,
      sort,
      order,
    }),
    [accessLevels, inspection, reason, status, sensitiveOnly, search, sort, order],
  );
  const fetchPage = useCallback(
    (offset: number, limit: number) => bridge.listFindings({ ...query, offset, limit }),
    [bridge, query],
  );
  return usePagedRows(JSON.stringify(query), fetchPage);
}

/** The row whose locations are open; closing puts the keyboard back on that row (or the table). */
function useOpenRow() {
  const [open, setOpen] = useState<FileFinding | null>(null);
  const closeLocations = useCallback(() => {
    const fileId = open?.fileId;
    setOpen(null);
    const button = fileId
      ? document.querySelector<HTMLElement>(`[data-row-key="${CSS.escape(fileId)}"] .row-open`)
      : null;
    (button ?? document.querySelector<HTMLElement>('[data-testid="findings-scroll"]'))?.focus();
  }, [open]);
  return { open, setOpen, closeLocations };
}

interface Props {
  /** Filters to open with (the dashboard's "failed, by reason" links); none by default. */
  initialFilters?: Partial<Filters>;
}

/**
 * Files by access level, owner, external collaborators and content: filter, search, sort, export;
 * a row opens where its sensitive data is.
 */
export function FindingsScreen({ initialFilters }: Props) {
  const [filters, setFilters] = useState<Filters>(() => ({ ...NO_FILTERS, ...initialFilters }));
  const { open, setOpen, closeLocations } = useOpenRow();
  const { sort, order, onSort } = useFindingsSort();
  const rows = useFindingsRows(filters, sort, order);
  const s = t.findings;
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
      <div className={`findings-layout ${open ? 'with-locations' : ''}`}>
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
          <FindingsTable
            rows={rows}
            openKey={open?.fileId ?? null}
            onOpen={setOpen}
            sort={sort}
            order={order}
            onSort={onSort}
            onRange={onRange}
          />
        </div>
        {open ? (
          <LocationsPanel row={open} onClose={closeLocations} />
        ) : (
          <AccessBreakdown counts={counts.byLevel} selected={filters.accessLevels} onToggle={toggleLevel} />
        )}
      </div>
    </section>
  );
}
