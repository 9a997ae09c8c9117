import { useDebounced } from '../layout/useDebounced';
import { useWhileScanning } from '../layout/useWhileScanning';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { BoxCompanionApi } from '../../../../common/bridge/contract';
import { CONTENT_OR_SHARING_EVENTS, READ_ONLY_EVENTS } from '../../../../common/scan/priority';
import type { ActivityEntry } from '../../../../common/scan/types';
import { t } from '../../strings';
import { formatDateTime } from '../dashboard/format';
import { ErrorNotice } from '../layout/ErrorNotice';
import { usePagedRows } from '../layout/usePagedRows';

const ROW_HEIGHT = 30;
const REFRESH_MS = 2000;
const EVENT_TYPES = [...CONTENT_OR_SHARING_EVENTS, ...READ_ONLY_EVENTS].sort();

function effectOf(entry: ActivityEntry): { text: string; tone: string } {
  const s = t.activity;
  if (entry.readOnly) return { text: s.readOnly, tone: 'read-only' };
  if (entry.movesFile) return { text: s.moves, tone: 'moves' };
  return { text: s.noEffect, tone: 'none' };
}

/** Backfilled and live events, newest first, filterable; read-only kinds are marked as such. */
export function ActivityScreen({ api }: { api: BoxCompanionApi }) {
  const [type, setType] = useState('');
  const [user, setUser] = useState('');
  const [fileId, setFileId] = useState('');
  const [kind, setKind] = useState<'' | 'moving' | 'readOnly'>('');
  const [source, setSource] = useState<'' | 'backfill' | 'live'>('');
  const settledUser = useDebounced(user.trim(), 300);
  const settledFile = useDebounced(fileId.trim(), 300);
  const s = t.activity;

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
  const fetchPage = useCallback((offset: number, limit: number) => api.listActivity({ ...query, offset, limit }), [api, query]);
  const rows = usePagedRows(JSON.stringify(query), fetchPage);

  const scroller = useRef<HTMLDivElement>(null);
  const total = rows.total ?? 0;
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const { ensure, refresh } = rows;
  useEffect(() => {
    if (total > 0) ensure(first, last);
  }, [first, last, total, ensure]);

  // New events arrive at the top while the scan runs: re-read what is on screen.
  const range = useRef<[number, number]>([0, 0]);
  range.current = [first, last];
  useWhileScanning(api, REFRESH_MS, () => refresh(range.current[0], range.current[1]));

  return (
    <section aria-labelledby="activity-heading" className="activity">
      <h2 id="activity-heading" className="screen-heading">
        {s.heading}
      </h2>
      <p className="intro">{s.intro}</p>
      <form className="filters filters-inline" aria-label={t.findings.filters} onSubmit={(event) => event.preventDefault()}>
        <label>
          {s.type}{' '}
          <select value={type} onChange={(event) => setType(event.target.value)}>
            <option value="">{s.anyType}</option>
            {EVENT_TYPES.map((name) => (
              <option key={name}>{name}</option>
            ))}
          </select>
        </label>
        <label>
          {s.user} <input type="text" value={user} onChange={(event) => setUser(event.target.value)} spellCheck={false} />
        </label>
        <label>
          {s.file} <input type="text" inputMode="numeric" value={fileId} onChange={(event) => setFileId(event.target.value)} size={12} />
        </label>
        <label>
          {s.readOnlyFilter}{' '}
          <select value={kind} onChange={(event) => setKind(event.target.value as typeof kind)}>
            <option value="">{s.anyKind}</option>
            <option value="moving">{s.onlyMoving}</option>
            <option value="readOnly">{s.onlyReadOnly}</option>
          </select>
        </label>
        <label>
          {s.source}{' '}
          <select value={source} onChange={(event) => setSource(event.target.value as typeof source)}>
            <option value="">{s.anySource}</option>
            <option value="backfill">{s.backfill}</option>
            <option value="live">{s.live}</option>
          </select>
        </label>
      </form>
      <p className="detail" role="status" data-testid="activity-total">
        {rows.total === null ? t.loading : s.total(rows.total)}
      </p>
      {rows.error && <ErrorNotice what={t.errors.queryFailed} detail={rows.error} actions={{ retry: () => refresh(first, last) }} />}
      {rows.total === 0 && <p className="empty">{s.noRows}</p>}
      <div className="findings-table activity-table" role="table" aria-label={s.tableLabel} aria-rowcount={total + 1} data-version={rows.version}>
        <div role="rowgroup" className="ft-head">
          <div role="row" aria-rowindex={1} className="ft-row">
            {(Object.keys(s.columns) as Array<keyof typeof s.columns>).map((key) => (
              <div key={key} role="columnheader" className={`ft-cell at-${key}`}>
                {s.columns[key]}
              </div>
            ))}
          </div>
        </div>
        <div ref={scroller} className="ft-scroll" tabIndex={0} role="rowgroup" aria-label={t.findings.keyboardHint}>
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const entry = rows.row(item.index);
              const effect = entry ? effectOf(entry) : null;
              return (
                <div
                  key={item.key}
                  role="row"
                  aria-rowindex={item.index + 2}
                  className={`ft-row ${item.index % 2 ? 'odd' : ''}`}
                  data-testid={entry ? 'activity-row' : 'activity-row-loading'}
                  style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                >
                  {entry && effect ? (
                    <>
                      <div role="cell" className="ft-cell at-time">
                        {formatDateTime(entry.createdAt)}
                      </div>
                      <div role="cell" className="ft-cell at-type">
                        {entry.type}
                      </div>
                      <div role="cell" className="ft-cell at-actor">
                        {entry.actorLogin ?? '—'}
                      </div>
                      <div role="cell" className="ft-cell at-item" title={entry.itemId ?? ''}>
                        {entry.itemName ?? entry.itemId ?? '—'}
                      </div>
                      <div role="cell" className="ft-cell at-source">
                        {entry.source === 'live' ? s.live : s.backfill}
                      </div>
                      <div role="cell" className={`ft-cell at-effect effect-${effect.tone}`}>
                        {effect.text}
                      </div>
                    </>
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
    </section>
  );
}
