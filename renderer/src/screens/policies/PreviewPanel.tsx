import { useCallback } from 'react';
import type { PolicyFilter } from '../../../../common/policy/types';
import type { FileFinding } from '../../../../common/scan/types';
import { useBridge } from '../../state/hooks';
import { t } from '../../strings';
import { findingsText } from '../findings/inspection-text';
import { ErrorNotice } from '../layout/ErrorNotice';
import { useDebounced } from '../layout/useDebounced';
import { usePagedRows } from '../layout/usePagedRows';
import { VirtualTable, type VirtualColumn } from '../layout/VirtualTable';

/** Long enough to wait for a pause in typing, short enough to feel live. */
const PREVIEW_DEBOUNCE_MS = 300;

const labels = t.findings.columns;
const COLUMNS: Array<VirtualColumn<FileFinding>> = [
  {
    key: 'name',
    label: labels.name,
    width: 'minmax(0, 1.6fr)',
    cell: (r) => r.name,
    title: (r) => `${r.path}/${r.name}`,
  },
  { key: 'accessLevel', label: labels.accessLevel, width: '8.5rem', cell: (r) => r.accessLevel ?? '—' },
  { key: 'owner', label: labels.owner, width: 'minmax(0, 1fr)', cell: (r) => r.ownerLogin, title: (r) => r.ownerLogin },
  {
    key: 'inspection',
    label: labels.inspection,
    width: 'minmax(0, 1.2fr)',
    cell: (r) => [r.inspection, findingsText(r.findings)].filter(Boolean).join(' · '),
  },
];

/** What the filter matches now, without saving it: the total and the files, a page at a time. */
export function PreviewPanel({ filter }: { filter: PolicyFilter | null }) {
  const bridge = useBridge();
  const settled = useDebounced(filter, PREVIEW_DEBOUNCE_MS);
  const key = settled ? JSON.stringify(settled) : 'invalid';
  const fetchPage = useCallback(
    (offset: number, limit: number) =>
      settled
        ? bridge.previewPolicy({ filter: settled, offset, limit })
        : Promise.resolve({ total: 0, offset, limit, entries: [] }),
    [bridge, settled],
  );
  const rows = usePagedRows(key, fetchPage);
  const e = t.policies.editor;
  const stale = filter !== settled || rows.total === null;
  return (
    <section className="panel dash-panel policy-preview" aria-labelledby="policy-preview-heading">
      <h3 id="policy-preview-heading">{e.previewHeading}</h3>
      <p className="detail" role="status" aria-live="polite" data-testid="preview-total" aria-busy={stale}>
        {filter === null ? e.previewInvalid : rows.total === null ? e.previewBusy : e.previewTotal(rows.total)}
      </p>
      {rows.error && <ErrorNotice what={e.previewFailed} error={rows.error} actions={{}} />}
      {filter !== null && rows.total === 0 && <p className="empty">{e.previewNone}</p>}
      {/* A rejected field: the last rows would say what the filter no longer is. */}
      {filter !== null && (
        <VirtualTable
          label={e.previewTable}
          columns={COLUMNS}
          rows={rows}
          rowKey={(row) => row.fileId}
          rowTestId="preview-row"
          className="preview-table"
          resetKey={key}
        />
      )}
    </section>
  );
}
