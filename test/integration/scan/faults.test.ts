/**
 * Bounded retries and outages (issue 13). A folder and a file that answer 500 forever are
 * given up after their attempts, with the reason, and the scan still reaches idle; a network
 * outage (outages.test.ts: 60 s mid-scan) burns no attempts.
 * The scheduler's own retries are cut to one so the engine sees each failure quickly.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scanRig, truthJson, type ScanRig } from './support';

interface TruthFiles {
  entries: Array<{ id: string; folder_id: string; ext: string }>;
}

async function control(rig: ScanRig, path: string, body: unknown): Promise<void> {
  const res = await fetch(`${rig.sandbox.info.controlUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
}

describe('items that fail forever, and outages', () => {
  let rig: ScanRig;
  beforeEach(async () => {
    rig = await scanRig({ files: 1200, users: 10, seed: 51 });
  }, 60_000);
  afterEach(async () => rig?.cleanup());

  it('gives up a folder and a file answering 500 forever, with the reason, and reaches idle', async () => {
    const files = (await truthJson<TruthFiles>(rig, '/truth/files?offset=0&limit=10000')).entries;
    const folderId = files[files.length - 1]!.folder_id;
    const textFile = files.find((f) => f.ext === 'txt' && f.folder_id !== folderId)!;
    await control(rig, '/faults', {
      fail_items: [
        { type: 'folder', id: folderId },
        { type: 'file', id: textFile.id },
      ],
    });
    const engine = rig.engine({ maxRetries: 1, concurrency: 8 });
    await engine.start({ none: true }, true);
    const p = engine.snapshot();
    expect(p.files.queued).toBe(0);
    expect(p.files.scanned + p.files.failed + p.files.notScanned).toBe(p.files.discovered);
    const given = engine.store.failedItems(100);
    expect(given.find((i) => i.kind === 'folder' && i.id === folderId)?.reason).toMatch(/500/);
    // The file was scanned (its listing row says its access), but its content could not be read.
    const row = engine.store.file(textFile.id)!;
    expect(row.inspection).toBe('Failed');
    expect(row.inspection_reason).toBe('download-error');
    expect(row.last_error).toMatch(/500/);
    // Nothing else was given up.
    expect(given.filter((i) => !(i.kind === 'folder' && i.id === folderId) && i.id !== textFile.id)).toEqual([]);
  }, 120_000);
});
