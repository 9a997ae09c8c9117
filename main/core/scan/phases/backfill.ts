/**
 * Phase 2: the activity backfill from admin_logs for the chosen window. Each page is stored
 * (de-duplicated by event_id) together with the next stream position in one transaction, so
 * a restart resumes where it stopped. A page may hold fewer events than asked while more
 * remain: only an empty page ends the backfill. A folder sharing event moves the folder's
 * files as a live one does (file events do not: the full scan that follows reads every file
 * anyway). The backfill runs before discovery, so today the store rarely knows such a folder
 * yet; its files are then listed with the current access and nothing needs moving.
 */
import type { BoxApi } from '../box-api';
import type { ScanStore } from '../store/scan-store';
import { applyFolderEventToQueue, storeEvent, type BoxEvent } from './events';

export interface BackfillWindow {
  from: string;
  to: string;
}

export async function runBackfill(
  api: BoxApi,
  store: ScanStore,
  window: BackfillWindow,
  isStopped: () => boolean,
  onPage: (n: number, movedFiles: number) => void,
): Promise<void> {
  let position = store.meta('backfill_position');
  while (!isStopped()) {
    const q = new URLSearchParams({
      stream_type: 'admin_logs',
      created_after: window.from,
      created_before: window.to,
      limit: '500',
    });
    if (position) q.set('stream_position', position);
    const page: { entries: BoxEvent[]; next_stream_position: string | number } = await api.get(`/events?${q}`, {
      kind: 'events',
    });
    const next = String(page.next_stream_position);
    let added = 0;
    let moved = 0;
    store.tx(() => {
      for (const e of page.entries) {
        if (!storeEvent(store, e, 'backfill')) continue;
        added++;
        moved += applyFolderEventToQueue(store, e)?.moved ?? 0;
      }
      store.setMeta('backfill_position', next);
      if (page.entries.length === 0) store.setMeta('backfill_done', '1');
    });
    onPage(added, moved);
    if (page.entries.length === 0) return;
    position = next;
  }
}
