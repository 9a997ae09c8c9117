/**
 * Real documents through the scan and the real extractor process (ExtractorPool, a child
 * process): the hand-made DOCX, XLSX and PDF (made outside the sandbox's generator) are
 * Completed with method local, their counts, and where the matches are, masked, in the store.
 */
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
          sha1: `doc-${id}`,
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
      const stored = JSON.stringify(row) + JSON.stringify(store.content(`doc-${id}`));
      for (const v of Object.values(VALUES)) expect(stored).not.toContain(v);
    },
    60_000,
  );
});
