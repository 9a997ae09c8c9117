/**
 * Near real time: follows admin_logs_streaming from the saved position. The stream repeats and
 * reorders events, so every event is de-duplicated by event_id; a page's new content/sharing
 * events move their files (a folder sharing event: every file beneath the folder) to the front
 * in event (created_at) order.
 */
import { CodedError } from '../../../../common/errors/error-codes';
import type { BoxApi } from '../box-api';
import { BoxApiError } from '../box-api';
import { sanitiseMessage } from '../failures';
import type { ScanStore } from '../store/scan-store';
import { applyEventToQueue, applyFolderEventToQueue, storeEvent, type BoxEvent } from './events';

/** Activity the signed-in account may not read (a co-admin without the reports permission). */
export class ActivityUnavailableError extends CodedError {
  constructor(readonly boxMessage: string) {
    super(
      'activity_unavailable',
      `Activity is not available to this account: Box answered ${boxMessage}; the scan goes on without it`,
    );
  }
}

/** The live stream's current position; ActivityUnavailableError when Box refuses enterprise events (403). */
export async function currentStreamPosition(api: BoxApi): Promise<string> {
  try {
    const page: { next_stream_position: string | number } = await api.get(
      '/events?stream_type=admin_logs_streaming&stream_position=now',
      { kind: 'events' },
    );
    return String(page.next_stream_position);
  } catch (e) {
    if (e instanceof BoxApiError && e.status === 403)
      throw new ActivityUnavailableError(sanitiseMessage(`403 ${e.code}`));
    throw e;
  }
}

/** One poll; returns the events that moved files, and whether the page was full. */
export async function pollLive(
  api: BoxApi,
  store: ScanStore,
): Promise<{
  moved: BoxEvent[];
  stored: number;
  full: boolean;
  newFiles: number;
  newlyQueued: number;
  wasDone: number;
  wasFailed: number;
  wasNotScanned: number;
  folderRefresh: boolean;
}> {
  const position = store.meta('live_position') ?? 'now';
  const page: { entries: BoxEvent[]; next_stream_position: string | number } = await api.get(
    `/events?stream_type=admin_logs_streaming&limit=500&stream_position=${encodeURIComponent(position)}`,
    { kind: 'events' },
  );
  const moved: BoxEvent[] = [];
  let newFiles = 0;
  let newlyQueued = 0;
  let wasDone = 0;
  let wasFailed = 0;
  let wasNotScanned = 0; // only a single file's event can re-queue a file that was not scanned
  let folderRefresh = false;
  let stored = 0;
  const ordered = [...page.entries].sort((a, b) =>
    a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : 0,
  );
  store.tx(() => {
    for (const e of ordered) {
      if (!storeEvent(store, e, 'live')) continue;
      stored++;
      const folder = applyFolderEventToQueue(store, e);
      if (folder) {
        folderRefresh = true;
        if (folder.moved > 0) moved.push(e);
        newlyQueued += folder.newlyQueued;
        wasDone += folder.wasDone;
        wasFailed += folder.wasFailed;
        continue;
      }
      const applied = applyEventToQueue(store, e);
      if (!applied) continue;
      moved.push(e);
      if (applied.isNew) newFiles++;
      if (applied.queued) newlyQueued++;
      if (applied.wasDone) wasDone++;
      if (applied.wasFailed) wasFailed++;
      if (applied.wasNotScanned) wasNotScanned++;
    }
    store.setMeta('live_position', String(page.next_stream_position));
  });
  return {
    moved,
    stored,
    full: page.entries.length >= 500,
    newFiles,
    newlyQueued,
    wasDone,
    wasFailed,
    wasNotScanned,
    folderRefresh,
  };
}
