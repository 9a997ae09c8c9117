/**
 * Real documents through the scan and the real extractor process (ExtractorPool, a child
 * process): the hand-made DOCX, XLSX and PDF (made outside the sandbox's generator) are
 * Completed with method local, their counts, and where the matches are, masked, in the store.
 */
import { createHash } from 'node:crypto';
import { contentKey } from '../../main/core/scan/phases/content-reader';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtractorPool } from '../../main/core/extract/extractor-pool';
import { nodeExtractorSpawner } from '../../main/core/extract/node-extractor-spawner';
import { ScanWork } from '../../main/core/scan/work';
import { HAND_MADE_DOCUMENTS, VALUES } from '../fixtures/hand-made-documents';
import { startBoxContentServer, type BoxContentServer } from '../helpers/box-content-server';
import {
  listedTextFile,
  openTempScanStore,
  PRIVATE_NOTHING_FOUND,
  type TempScanStore,
} from '../helpers/temp-scan-store';
import { testContentReader } from '../helpers/text-extractor';

let box: BoxContentServer;
let temp: TempScanStore;
let pool: ExtractorPool;

beforeAll(async () => {
  box = await startBoxContentServer();
  temp = openTempScanStore('bcc-content-docs-');
  pool = new ExtractorPool({ spawn: nodeExtractorSpawner() });
});
afterAll(async () => {
  await pool.close();
  temp.remove();
  await box.close();
});

/** A scanned file waiting for its content, served by the test server; returns its stored row after inspection. */
async function inspected(id: string, name: string, served: { bytes: Buffer; text?: string }) {
  const { store } = temp;
  const ext = name.split('.').pop()!;
  box.files.set(id, served);
  store.tx(() =>
    store.insertListedFile({ ...listedTextFile(id), name, ext, size: served.bytes.length, sha1: `doc-${id}` }),
  );
  store.tx(() => store.finish(id, 0, { ...PRIVATE_NOTHING_FOUND, inspection: 'Pending', scannedSha1: null }, true));
  const content = testContentReader(box.api, store, { extractor: pool });
  const work = new ScanWork({ api: box.api, store, content, onScanned: () => undefined, onInspected: () => undefined });
  await work.run({ kind: 'inspect', key: `inspect:${id}`, row: store.file(id)! });
  return store.file(id)!;
}

describe('hand-made documents, read by the extractor process', () => {
  it.each(HAND_MADE_DOCUMENTS.map((d) => [d.name, d] as const))(
    '%s is Completed with method local, its counts and its masked locations',
    async (_name, doc) => {
      const { store } = temp;
      const id = String(100 + HAND_MADE_DOCUMENTS.indexOf(doc));
      const ext = doc.name.split('.').pop()!;
      box.files.set(id, { bytes: doc.bytes });
      store.tx(() =>
        store.insertListedFile({
          ...listedTextFile(id),
          name: doc.name,
          ext,
          size: doc.bytes.length,
          sha1: createHash('sha1').update(doc.bytes).digest('hex'),
        }),
      );
      store.tx(() => store.finish(id, 0, { ...PRIVATE_NOTHING_FOUND, inspection: 'Pending', scannedSha1: null }, true));
      const content = testContentReader(box.api, store, { extractor: pool });
      const work = new ScanWork({
        api: box.api,
        store,
        content,
        onScanned: () => undefined,
        onInspected: () => undefined,
      });
      await work.run({ kind: 'inspect', key: `inspect:${id}`, row: store.file(id)! });
      const row = store.file(id)!;
      expect(row).toMatchObject({ inspection: 'Completed', inspection_method: 'local', inspection_reason: null });
      expect(JSON.parse(row.findings!)).toEqual(doc.findings);
      expect(JSON.parse(row.locations!)).toEqual(doc.locations);
      // Nothing at rest holds a value whole.
      const saved = temp.store.content(contentKey(row)!);
      expect(saved).toMatchObject({ state: 'Completed' });
      const stored = JSON.stringify(row) + JSON.stringify(saved);
      for (const v of Object.values(VALUES)) expect(stored).not.toContain(v);
    },
    60_000,
  );
});

describe('the limits and the fallback, with the extractor process', () => {
  it('a text over 1,000,000 characters is Partially scanned, its matches before the limit counted', async () => {
    const line = `${VALUES.docxCard}\n`;
    const row = await inspected('200', 'long.txt', {
      bytes: Buffer.from(line.repeat(60_000)),
    });
    expect(row).toMatchObject({
      inspection: 'Partially scanned',
      inspection_reason: 'too-long',
      inspection_method: 'local',
    });
    // Counted up to the limit: not all 60,000 lines (whether line breaks count toward the
    // 1,000,000 characters is the extractor's to say: between 1e6/20 and 1e6/19 lines).
    const cards = (JSON.parse(row.findings!) as { card: number }).card;
    expect(cards).toBeGreaterThanOrEqual(Math.floor(1_000_000 / line.length));
    expect(cards).toBeLessThanOrEqual(Math.ceil(1_000_000 / (line.length - 1)));
  }, 60_000);

  it('a truncated docx Box can read is Completed through Box text (the fallback)', async () => {
    const docx = HAND_MADE_DOCUMENTS[0]!;
    const row = await inspected('201', 'cut.docx', {
      bytes: docx.bytes.subarray(0, Math.floor(docx.bytes.length / 2)),
      text: `Card on file: ${VALUES.docxCard}\n`,
    });
    expect(row).toMatchObject({ inspection: 'Completed', inspection_method: 'box-text' });
    expect((JSON.parse(row.findings!) as { card: number }).card).toBe(1);
    expect(box.count('download', '201')).toBe(1);
    expect(box.count('text', '201')).toBe(1);
  }, 60_000);
});
