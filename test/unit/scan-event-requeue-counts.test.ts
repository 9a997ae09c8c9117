/**
 * A file event re-queues a file whatever its state. The engine keeps live counters (the store's
 * COUNT queries are too slow to run on every poll of a million-file store), so what the event
 * reports must be exactly how the store's own counts moved: otherwise the dashboard's "failed"
 * or "not scanned" keeps counting a file that is back in the queue.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { applyEventToQueue, type BoxEvent } from '../../main/core/scan/phases/events';
import { FileState } from '../../common/scan/states';
import { type ScanStore } from '../../main/core/scan/store/scan-store';
import {
  listedTextFile,
  openTempScanStore,
  PRIVATE_NOTHING_FOUND as result,
  type TempScanStore,
} from '../helpers/temp-scan-store';

let temp: TempScanStore;
let store: ScanStore;

beforeEach(() => {
  temp = openTempScanStore('bcc-event-counts-');
  store = temp.store;
  store.tx(() => {
    for (const id of ['queued', 'done', 'failed', 'notScanned']) {
      store.insertListedFile(listedTextFile(id));
    }
  });
  store.finish('done', store.file('done')!.gen, result);
  store.fail('failed', store.file('failed')!.gen, FileState.failed, 'download error');
  store.fail('notScanned', store.file('notScanned')!.gen, FileState.notScanned, "another admin's file");
});
afterEach(() => temp.remove());

const edit = (id: string): BoxEvent => ({
  event_id: `e-${id}`,
  event_type: 'EDIT',
  created_at: '2026-11-23T10:00:00Z',
  created_by: { login: 'b@x.com' },
  source: {
    item_type: 'file',
    item_id: id,
    item_name: `${id}.txt`,
    parent: { id: '0' },
    owned_by: { id: 'u1', login: 'a@x.com' },
  },
});

it.each(['queued', 'done', 'failed', 'notScanned', 'new'])(
  'an edit of a %s file reports exactly how the counts moved',
  (id) => {
    const before = store.counts();
    const r = applyEventToQueue(store, edit(id))!;
    const after = store.counts();
    expect(after.files - before.files).toBe(r.isNew ? 1 : 0);
    expect(after.queued - before.queued).toBe(r.queued ? 1 : 0);
    expect(before.done - after.done).toBe(r.wasDone ? 1 : 0);
    expect(before.failed - after.failed).toBe(r.wasFailed ? 1 : 0);
    expect(before.notScanned - after.notScanned).toBe(r.wasNotScanned ? 1 : 0);
    expect(store.file(id)!.state).toBe(FileState.queued);
  },
);
