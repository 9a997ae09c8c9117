import { useMemo } from 'react';
import type { FINDINGS_SORTS } from '../../../../common/bridge/scan-calls';
import type { FileFinding } from '../../../../common/scan/types';
import { t } from '../../strings';
import { formatDateTime } from '../dashboard/format';
import type { PagedRows } from '../layout/usePagedRows';
import { VirtualTable, type VirtualColumn } from '../layout/VirtualTable';
import { findingsText, reasonOrMethodText } from './inspection-text';

export type SortKey = (typeof FINDINGS_SORTS)[number];

/** "Public (Internet)" → "access-public-internet": the access level's colour. */
function accessClass(row: FileFinding): string {
  return `access-${(row.accessLevel ?? 'none').replace(/\W+/g, '-').replace(/-$/, '').toLowerCase()}`;
}

type Column = VirtualColumn<FileFinding, SortKey>;
const labels = t.findings.columns;

/** A column whose tooltip is its own text (a narrow cell cuts long text off). */
function textColumn(column: Omit<Column, 'cell' | 'title'>, text: (row: FileFinding) => string): Column {
  return { ...column, cell: text, title: text };
}

export const LOCATIONS_PANEL_ID = 'finding-locations';

/**
 * The file's name as the row's button: Enter or Space on it opens the locations (its click
 * bubbles to the row, which a mouse click anywhere on the row also reaches).
 */
function nameColumn(openKey: string | null): Column {
  return {
    key: 'name',
    label: labels.name,
    width: 'minmax(0, 1.8fr)',
    sort: 'name',
    cell: (r) => (
      <button
        type="button"
        className="row-open"
        aria-expanded={r.fileId === openKey}
        aria-controls={r.fileId === openKey ? LOCATIONS_PANEL_ID : undefined}
        aria-label={t.findings.openRow(r.name)}
      >
        {r.name}
      </button>
    ),
    title: (r) => `${r.path}/${r.name}`,
  };
}

const OTHER_COLUMNS: Column[] = [
  {
    ...textColumn(
      { key: 'accessLevel', label: labels.accessLevel, width: '9.5rem', sort: 'accessLevel' },
      (r) => r.accessLevel ?? '—',
    ),
    cellClass: accessClass,
  },
  textColumn({ key: 'owner', label: labels.owner, width: 'minmax(0, 1fr)', sort: 'owner' }, (r) => r.ownerLogin),
  textColumn({ key: 'external', label: labels.external, width: 'minmax(0, 1fr)' }, (r) =>
    r.externalCollaborators.length ? r.externalCollaborators.join(', ') : t.findings.none,
  ),
  textColumn({ key: 'inspection', label: labels.inspection, width: 'minmax(0, 1.2fr)', sort: 'inspection' }, (r) =>
    [r.inspection, findingsText(r.findings)].filter(Boolean).join(' · '),
  ),
  textColumn({ key: 'reason', label: labels.reason, width: 'minmax(0, 1.4fr)' }, reasonOrMethodText),
  textColumn({ key: 'status', label: labels.status, width: '5.5rem', sort: 'status' }, (r) =>
    r.reason ? `${r.status}: ${r.reason}` : r.status,
  ),
  textColumn({ key: 'scannedAt', label: labels.scannedAt, width: '7.5rem', sort: 'scannedAt' }, (r) =>
    formatDateTime(r.scannedAt),
  ),
];

/** What the locations panel shows of the open file, so the table can leave it out meanwhile. */
const IN_THE_PANEL = new Set(['owner', 'external', 'scannedAt']);
/** Beside the panel, the content column gets the room: its counts are what the panel explains. */
const COMPACT_COLUMNS = OTHER_COLUMNS.filter((column) => !IN_THE_PANEL.has(column.key)).map((column) =>
  column.key === 'inspection' ? { ...column, width: 'minmax(0, 1.6fr)' } : column,
);

interface Props {
  rows: PagedRows<FileFinding>;
  /** The file whose locations are open, if any. */
  openKey: string | null;
  onOpen(row: FileFinding): void;
  sort: SortKey;
  order: 'asc' | 'desc';
  onSort(sort: SortKey): void;
  /** Reports the visible range, for refreshing it while a scan runs. */
  onRange(start: number, end: number): void;
}

/** The findings, a million rows or ten, sortable by every column but the collaborators. */
export function FindingsTable({ rows, openKey, onOpen, sort, order, onSort, onRange }: Props) {
  const tableSort = useMemo(() => ({ key: sort, order, onSort }), [sort, order, onSort]);
  // With the locations open beside it the table is narrower: the columns the panel repeats go.
  const columns = useMemo(() => [nameColumn(openKey), ...(openKey ? COMPACT_COLUMNS : OTHER_COLUMNS)], [openKey]);
  return (
    <VirtualTable
      label={t.findings.tableLabel}
      columns={columns}
      rows={rows}
      rowKey={(row) => row.fileId}
      rowData={(row) => ({ 'data-file-id': row.fileId })}
      rowTestId="finding-row"
      scrollTestId="findings-scroll"
      sort={tableSort}
      onRange={onRange}
      onRowOpen={onOpen}
      openKey={openKey}
      // A new sort starts at the top.
      resetKey={`${sort}:${order}`}
    />
  );
}
