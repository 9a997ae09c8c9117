/**
 * Near real time: follows admin_logs_streaming from the saved position. The stream repeats and
 * reorders events, so every event is de-duplicated by event_id; a page's new content/sharing
 * events move their files to the front in event (created_at) order.
 */
import type { BoxApi } from '../box-api';
import type { ScanStore } from '../store/scan-store';
import { applyEventToQueue, storeEvent, type BoxEvent } from './events';

export async function currentStreamPosition(api: BoxApi): Promise<string> {
  const page: { next_stream_position: string | number } = await api.get('/events?stream_type=admin_logs_streaming&stream_position=now', { kind: 'events' });
  return String(page.next_stream_position);
}

/** One poll; returns the events that moved a file, and whether the page was full. */
export async function pollLive(api: BoxApi, store: ScanStore): Promise<{ moved: BoxEvent[]; stored: number; full: boolean }> {
  const position = store.meta('live_position') ?? 'now';
  const page: { entries: BoxEvent[]; next_stream_position: string | number } = await api.get(
    `/events?stream_type=admin_logs_streaming&limit=500&stream_position=${encodeURIComponent(position)}`,
    { kind: 'events' },
  );
  const moved: BoxEvent[] = [];
  let stored = 0;
  const ordered = [...page.entries].sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : 0));
  store.tx(() => {
    for (const e of ordered) {
      if (!storeEvent(store, e, 'live')) continue;
      stored++;
      if (applyEventToQueue(store, e)) moved.push(e);
    }
    store.setMeta('live_position', String(page.next_stream_position));
  });
  return { moved, stored, full: page.entries.length >= 500 };
}
