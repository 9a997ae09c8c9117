import type { ActivityEntry } from '../../../../common/scan/types';
import { t } from '../../strings';
import { formatDateTime } from '../dashboard/format';
import type { PagedRows } from '../layout/usePagedRows';
import { VirtualTable, type VirtualColumn } from '../layout/VirtualTable';

function effectOf(entry: ActivityEntry): { text: string; tone: string } {
  const s = t.activity;
  if (entry.readOnly) return { text: s.readOnly, tone: 'read-only' };
  if (entry.movesFile) return { text: s.moves, tone: 'moves' };
  return { text: s.noEffect, tone: 'none' };
}

const labels = t.activity.columns;
const COLUMNS: Array<VirtualColumn<ActivityEntry>> = [
  { key: 'time', label: labels.time, width: '7.5rem', cell: (e) => formatDateTime(e.createdAt) },
  { key: 'type', label: labels.type, width: '11rem', cell: (e) => e.type },
  { key: 'actor', label: labels.actor, width: 'minmax(0, 1.2fr)', cell: (e) => e.actorLogin ?? '—' },
  {
    key: 'item',
    label: labels.item,
    width: 'minmax(0, 1.4fr)',
    cell: (e) => e.itemName ?? e.itemId ?? '—',
    title: (e) => e.itemId ?? '',
  },
  {
    key: 'source',
    label: labels.source,
    width: '5rem',
    cell: (e) => (e.source === 'live' ? t.activity.live : t.activity.backfill),
  },
  {
    key: 'effect',
    label: labels.effect,
    width: '20.5rem',
    cell: (e) => effectOf(e).text,
    cellClass: (e) => `effect-${effectOf(e).tone}`,
  },
];

/** Backfilled and live events, newest first, a page at a time. */
export function ActivityTable({
  rows,
  onRange,
}: {
  rows: PagedRows<ActivityEntry>;
  onRange(start: number, end: number): void;
}) {
  return (
    <VirtualTable
      label={t.activity.tableLabel}
      columns={COLUMNS}
      rows={rows}
      rowKey={(entry) => entry.eventId}
      rowTestId="activity-row"
      scrollTestId="activity-scroll"
      onRange={onRange}
    />
  );
}
