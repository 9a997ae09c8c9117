import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { FINDINGS_SORTS } from '../../../../common/bridge/scan-calls';
import type { Findings } from '../../../../common/scan/detectors';
import type { FileFinding } from '../../../../common/scan/types';
import { t } from '../../strings';
import { formatDateTime } from '../dashboard/format';

export type SortKey = (typeof FINDINGS_SORTS)[number];
/** 30 px rows: a million rows make a 30,000,000 px scroll height, inside Chromium's limit. */
export const ROW_HEIGHT = 30;

interface Column {
  key: keyof typeof t.findings.columns;
  sort: SortKey | null;
  cell(row: FileFinding): string;
}

function findingsText(findings: Findings | null): string {
  if (!findings) return '';
  const parts = (Object.keys(findings) as Array<keyof Findings>).filter((kind) => findings[kind] > 0).map((kind) => `${findings[kind]} ${t.findings.sensitive[kind]}`);
  return parts.join(', ');
}

const COLUMNS: Column[] = [
  { key: 'name', sort: 'name', cell: (r) => r.name },
  { key: 'accessLevel', sort: 'accessLevel', cell: (r) => r.accessLevel ?? '—' },
  { key: 'owner', sort: 'owner', cell: (r) => r.ownerLogin },
  { key: 'external', sort: null, cell: (r) => (r.externalCollaborators.length ? r.externalCollaborators.join(', ') : t.findings.none) },
  {
    key: 'inspection',
    sort: 'inspection',
    cell: (r) => [r.inspection, findingsText(r.findings), r.inspectionReason].filter(Boolean).join(' · '),
  },
  { key: 'status', sort: 'status', cell: (r) => (r.reason ? `${r.status}: ${r.reason}` : r.status) },
  { key: 'scannedAt', sort: 'scannedAt', cell: (r) => formatDateTime(r.scannedAt) },
];

interface Props {
  total: number;
  row(index: number): FileFinding | undefined;
  ensure(start: number, end: number): void;
  /** Changes whenever new rows arrived, so the visible rows re-render. */
  version: number;
  sort: SortKey;
  order: 'asc' | 'desc';
  onSort(sort: SortKey): void;
  /** Reports the visible range, for refreshing it while a scan runs. */
  onRange(start: number, end: number): void;
}

/**
 * The findings as an ARIA table whose rows are virtualised: only the rows on screen (plus a
 * few) exist in the DOM, whatever the total, so a million rows scroll like ten.
 */
export function FindingsTable({ total, row, ensure, version, sort, order, onSort, onRange }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (total > 0) ensure(first, last);
    onRange(first, last);
  }, [first, last, total, ensure, onRange]);

  // A new query starts at the top.
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
  }, [sort, order]);

  return (
    <div className="findings-table" role="table" aria-label={t.findings.tableLabel} aria-rowcount={total + 1} data-version={version}>
      <div role="rowgroup" className="ft-head">
        <div role="row" aria-rowindex={1} className="ft-row">
          {COLUMNS.map((column) => {
            const active = column.sort === sort;
            return (
              <div
                key={column.key}
                role="columnheader"
                className={`ft-cell ft-${column.key}`}
                aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : column.sort ? 'none' : undefined}
              >
                {column.sort ? (
                  <button type="button" className="sort-button" aria-label={t.findings.sortBy(t.findings.columns[column.key])} onClick={() => onSort(column.sort!)}>
                    {t.findings.columns[column.key]}
                    <span aria-hidden="true">{active ? (order === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                  </button>
                ) : (
                  t.findings.columns[column.key]
                )}
              </div>
            );
          })}
        </div>
      </div>
      <div
        ref={scroller}
        className="ft-scroll"
        tabIndex={0}
        role="rowgroup"
        aria-label={t.findings.keyboardHint}
        data-testid="findings-scroll"
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const r = row(item.index);
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                className={`ft-row ${item.index % 2 ? 'odd' : ''}`}
                data-testid={r ? 'finding-row' : 'finding-row-loading'}
                data-file-id={r?.fileId}
                data-index={item.index}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
              >
                {r ? (
                  COLUMNS.map((column) => {
                    const text = column.cell(r);
                    return (
                      <div key={column.key} role="cell" className={`ft-cell ft-${column.key} ${column.key === 'accessLevel' ? `access-${(r.accessLevel ?? 'none').replace(/\W+/g, '-').replace(/-$/, '').toLowerCase()}` : ''}`} title={column.key === 'name' ? `${r.path}/${r.name}` : text}>
                        {text}
                      </div>
                    );
                  })
                ) : (
                  <div role="cell" className="ft-cell ft-loading">
                    {t.findings.loadingRow}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
