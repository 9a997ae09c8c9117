/**
 * A rescan of everything on a big store must not hold the core's thread for its whole length
 * (about 2 s at 1,000,000 files as one statement): it runs in chunks, each committed on its own,
 * and other work (a bridge call, a progress read) runs between them.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { FileState } from '../../common/scan/states';
import { RESCAN_CHUNK_ROWS } from '../../main/core/scan/store/scan-store';
import { countAll, seedScale } from '../helpers/scan-store-seed';
import { openTempScanStore, type TempScanStore } from '../helpers/temp-scan-store';

let temp: TempScanStore;
const FILES = 6 * RESCAN_CHUNK_ROWS;

beforeEach(() => {
  temp = openTempScanStore('bcc-chunks-');
  seedScale(temp.path, { users: 50, files: FILES });
});
afterEach(() => temp.remove());

it('rescanAll lets other work run between chunks, and in the end has queued every file again', async () => {
  const store = temp.store;
  const queuedBefore = store.counts().queued;
  // What a bridge call reading progress would see, each time the event loop gets a turn.
  const seen: number[] = [];
  let sampling = true;
  const sample = () => {
    if (!sampling) return;
    seen.push(store.counts().queued);
    setImmediate(sample);
  };
  setImmediate(sample);
  await store.rescanAll('periodic');
  sampling = false;
  const during = new Set(seen.filter((n) => n > queuedBefore && n < FILES));
  expect(during.size).toBeGreaterThanOrEqual(3); // turns of the event loop mid-rescan, each seeing more queued
  const notScanned = countAll(temp.path).notScanned;
  expect(store.counts()).toEqual(countAll(temp.path));
  expect(store.counts().queued).toBe(FILES - notScanned);
  const stillDone = store.reader().prepare(`SELECT COUNT(*) n FROM files WHERE state = ${FileState.done}`).get() as {
    n: number;
  };
  expect(stillDone.n).toBe(0);
});
