/**
 * An event that queues a file again while it is being scanned wins: the scan in flight does not
 * finish the file (it stays queued for a fresh scan) and tells the engine not to count it, so
 * "scanned" can never pass "found" on the dashboard.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
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
  temp = openTempScanStore('bcc-requeued-');
  store = temp.store;
  store.tx(() => {
    for (const id of ['1', '2']) {
      store.insertListedFile(listedTextFile(id));
    }
  });
});
afterEach(() => temp.remove());

const requeue = (id: string) =>
  store.prioritise({
    id,
    name: `${id}.txt`,
    ext: 'txt',
    folderId: null,
    ownerId: 'u1',
    ownerLogin: 'a@x.com',
    asUser: 'u1',
    reason: 'EDIT by b@x.com',
    eventId: `e${id}`,
  });

it('a scan that finishes after an edit queued its file again is not counted, and the file stays queued', () => {
  const scanning = store.file('1')!;
  requeue('1'); // the edit lands while the scan of generation `scanning.gen` is in flight
  expect(store.finish('1', scanning.gen, result)).toBe(false);
  expect(store.file('1')).toMatchObject({ state: FileState.queued, priority: 0 });
  // The scan of the new generation counts.
  expect(store.finish('1', store.file('1')!.gen, result)).toBe(true);
  expect(store.file('1')!.state).toBe(FileState.done);
});

it('a failure after such an edit is not counted either; an undisturbed scan is', () => {
  const scanning = store.file('2')!;
  requeue('2');
  expect(store.fail('2', scanning.gen, FileState.failed, 'download error')).toBe(false);
  expect(store.file('2')!.state).toBe(FileState.queued);
  expect(store.fail('2', store.file('2')!.gen, FileState.failed, 'download error')).toBe(true);
  expect(store.file('2')!.state).toBe(FileState.failed);
});
