/**
 * A signed download URL must not land in scan.sqlite (and from there in exports and the
 * dashboard): an SDK error during content download names the URL it fetched, signature and all.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { findingsPage } from '../../main/core/scan/store/queries';
import type { ScanStore } from '../../main/core/scan/store/scan-store';
import {
  listedTextFile,
  openTempScanStore,
  PRIVATE_NOTHING_FOUND,
  type TempScanStore,
} from '../helpers/temp-scan-store';

let temp: TempScanStore;
let store: ScanStore;
const SIGNED = 'http://127.0.0.1:4000/d/1/5f2c9a7e0b1d4c3a/download?sig=SECRET-SIGNATURE&expires=1764000000';

beforeEach(() => {
  temp = openTempScanStore('bcc-scrub-');
  store = temp.store;
  store.insertListedFile(listedTextFile('1'));
  store.insertListedFile(listedTextFile('2'));
});
afterEach(() => temp.remove());

it("keeps no signed download URL in an inspection reason (the same scrubber as the engine's messages)", () => {
  store.finish('1', 0, {
    ...PRIVATE_NOTHING_FOUND,
    inspection: 'Failed',
    inspectionReason: `download error: GET ${SIGNED} answered 500`,
  });
  store.finish('2', 0, PRIVATE_NOTHING_FOUND, true);
  store.inspected('2', 0, {
    inspection: 'Failed',
    inspectionReason: `could not read ${SIGNED}`,
    findings: null,
    scannedSha1: null,
  });
  for (const id of ['1', '2']) {
    const reason = store.file(id)!.inspection_reason!;
    expect(reason).not.toMatch(/SECRET|5f2c9a7e0b1d4c3a|sig=/);
    expect(reason).toContain('<url>');
  }
  const shown = findingsPage(temp.store.reader(), { sort: 'name', order: 'asc', offset: 0, limit: 10 })
    .entries.map((e) => e.inspectionReason)
    .join(' ');
  expect(shown).not.toContain('SECRET');
});
