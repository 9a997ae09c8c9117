/**
 * An export of the findings while the scan writes. The export used to iterate on the engine's
 * own connection: while its stream waited for the disk (or a slow reader), every write threw
 * "This database connection is busy executing a query", and listing pages, results and live
 * events were lost. Now it reads page by page on the read-only connection.
 */
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileState } from '../../../common/scan/states';
import { writeFindings } from '../../../main/core/scan/export';
import { findingsPage } from '../../../main/core/scan/store/queries';
import type { ScanStore } from '../../../main/core/scan/store/scan-store';
import {
  listedTextFile,
  openTempScanStore,
  PRIVATE_NOTHING_FOUND,
  type TempScanStore,
} from '../../helpers/temp-scan-store';

const FILES = 5_000;
let temp: TempScanStore;
let store: ScanStore;

beforeEach(() => {
  temp = openTempScanStore('bcc-export-busy-');
  store = temp.store;
  store.tx(() => {
    store.insertFolder({
      id: 'D',
      name: 'D',
      path: '/D',
      parent_id: '0',
      owner_id: 'u1',
      as_user: 'u1',
      has_collabs: 0,
      collab_ext: null,
      collab_int: 0,
      collab_known: 0,
    });
    for (let i = 0; i < FILES; i++) store.insertListedFile(listedTextFile(`f${i}`, 'D'));
  });
});
afterEach(() => temp.remove());

/** A destination that takes chunks only when told to: the export waits on it, mid-way. */
function heldWritable() {
  const held: Array<() => void> = [];
  const chunks: string[] = [];
  let flowing = false;
  const out = new Writable({
    highWaterMark: 1024,
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk.toString());
      if (flowing) done();
      else held.push(done);
    },
  });
  return {
    out,
    chunks,
    release: () => {
      flowing = true;
      for (const d of held.splice(0)) d();
    },
  };
}

async function until(what: string, ok: () => boolean, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setImmediate(r));
  }
}

describe('export during a scan', () => {
  it('lets every kind of scan write go on while the export waits mid-way, and exports every file once', async () => {
    const dest = heldWritable();
    const exporting = writeFindings(store, 'csv', dest.out);
    await until('the export to wait on its destination', () => dest.out.writableNeedDrain);

    // What the engine does meanwhile: finish a file, list a folder page with new files, store a live event, fail a file.
    store.tx(() => store.finish('f1', 0, PRIVATE_NOTHING_FOUND));
    store.tx(() => {
      store.insertFolder({
        id: 'E',
        name: 'E',
        path: '/E',
        parent_id: '0',
        owner_id: 'u1',
        as_user: 'u1',
        has_collabs: 0,
        collab_ext: null,
        collab_int: 0,
        collab_known: 0,
      });
      store.insertListedFile(listedTextFile('late', 'E'));
      store.folderPage('E', null, 1);
    });
    store.tx(() =>
      store.insertEvent({
        event_id: 'e1',
        source: 'live',
        event_type: 'EDIT',
        created_at: '2026-12-01T10:00:00Z',
        item_type: 'file',
        item_id: 'f2',
        item_name: 'f2.txt',
        actor_login: null,
        json: '{}',
      }),
    );
    store.tx(() => store.fail('f3', 0, FileState.failed, 'HTTP 403'));
    // The dashboard reads too.
    expect(findingsPage(store.reader(), { sort: 'name', order: 'asc', offset: 0, limit: 5 }).total).toBe(FILES + 1);

    dest.release();
    const exported = await exporting;
    expect(exported).toBe(FILES + 1);
    const ids = dest.chunks
      .join('')
      .trim()
      .split('\r\n')
      .slice(1)
      .map((line) => line.split(',')[0]);
    expect(new Set(ids).size).toBe(FILES + 1);
    expect(store.counts()).toMatchObject({ files: FILES + 1, done: 1, failed: 1, events: 1, listed: 1 });
  });
});
