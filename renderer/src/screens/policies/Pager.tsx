import { t } from '../../strings';

interface Props {
  offset: number;
  total: number;
  pageSize: number;
  onOffset(offset: number): void;
}

/** Previous / "51–100 of 240" / Next, for the short tables paged by the core (dry run, audit log). */
export function Pager({ offset, total, pageSize, onOffset }: Props) {
  const r = t.policies.review;
  if (total <= pageSize) return null;
  return (
    <div className="button-row pager">
      <button type="button" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - pageSize))}>
        {r.previous}
      </button>
      <span data-testid="pager-range">{r.page(offset + 1, Math.min(total, offset + pageSize), total)}</span>
      <button type="button" disabled={offset + pageSize >= total} onClick={() => onOffset(offset + pageSize)}>
        {r.next}
      </button>
    </div>
  );
}
