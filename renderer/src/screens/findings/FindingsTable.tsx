import { useMemo } from 'react';
import type { FINDINGS_SORTS } from '../../../../common/bridge/scan-calls';
import type { Findings } from '../../../../common/scan/detectors';
import type { FileFinding } from '../../../../common/scan/types';
import { t } from '../../strings';
import { formatDateTime } from '../dashboard/format';
import type { PagedRows } from '../layout/usePagedRows';
import { VirtualTable, type VirtualColumn } from '../layout/VirtualTable';

export type SortKey = (typeof FINDINGS_SORTS)[number];

function findingsText(findings: Findings | null): string {
  if (!findings) return '';
  const parts = (Object.keys(findings) as Array<keyof Findings>)
    .filter((kind) => findings[kind] > 0)
    .map((kind) => `${findings[kind]} ${t.findings.sensitive[kind]}`);
  return parts.join(', ');
}

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

const COLUMNS: Column[] = [
  {
    key: 'name',
    label: labels.name,
    width: 'minmax(0, 2fr)',
    sort: 'name',
    cell: (r) => r.name,
    title: (r) => `${r.path}/${r.name}`,
  },
  {
    ...textColumn(
      { key: 'accessLevel', label: labels.accessLevel, width: '9.5rem', sort: 'accessLevel' },
      (r) => r.accessLevel ?? '—',
    ),
    cellClass: accessClass,
  },
  textColumn({ key: 'owner', label: labels.owner, width: 'minmax(0, 1.3fr)', sort: 'owner' }, (r) => r.ownerLogin),
  textColumn({ key: 'external', label: labels.external, width: 'minmax(0, 1fr)' }, (r) =>
    r.externalCollaborators.length ? r.externalCollaborators.join(', ') : t.findings.none,
  ),
  textColumn({ key: 'inspection', label: labels.inspection, width: 'minmax(0, 1.3fr)', sort: 'inspection' }, (r) =>
    [r.inspection, findingsText(r.findings), r.inspectionReason].filter(Boolean).join(' · '),
  ),
  textColumn({ key: 'status', label: labels.status, width: '5.5rem', sort: 'status' }, (r) =>
    r.reason ? `${r.status}: ${r.reason}` : r.status,
  ),
  textColumn({ key: 'scannedAt', label: labels.scannedAt, width: '7.5rem', sort: 'scannedAt' }, (r) =>
    formatDateTime(r.scannedAt),
  ),
];

interface Props {
  rows: PagedRows<FileFinding>;
  sort: SortKey;
  order: 'asc' | 'desc';
  onSort(sort: SortKey): void;
  /** Reports the visible range, for refreshing it while a scan runs. */
  onRange(start: number, end: number): void;
}

/** The findings, a million rows or ten, sortable by every column but the collaborators. */
export function FindingsTable({ rows, sort, order, onSort, onRange }: Props) {
  const tableSort = useMemo(() => ({ key: sort, order, onSort }), [sort, order, onSort]);
  return (
    <VirtualTable
      label={t.findings.tableLabel}
      columns={COLUMNS}
      rows={rows}
      rowKey={(row) => row.fileId}
      rowData={(row) => ({ 'data-file-id': row.fileId })}
      rowTestId="finding-row"
      scrollTestId="findings-scroll"
      sort={tableSort}
      onRange={onRange}
      // A new sort starts at the top.
      resetKey={`${sort}:${order}`}
    />
  );
}
