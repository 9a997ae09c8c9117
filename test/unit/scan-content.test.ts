/**
 * The scan's side of content inspection (issue 14), through real HTTP and the real store: the
 * plan per file (local, Box text, fallback, nothing), the same content read once (kept by SHA-1,
 * and one download for two files in flight), a pending Box text that holds no slot, the reasons
 * Box's answers give, and masked locations at rest. The extractor is the test's plain-text one.
 */
import { isBoxUrl } from '../../main/core/scan/box-api';
import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { InspectionResult } from '../../common/scan/inspection';
import { BoxApiError } from '../../main/core/scan/box-api';
import { classifyFailure } from '../../main/core/scan/failures';
import { ScanWork } from '../../main/core/scan/work';
import type { BoxTextPoll } from '../../main/core/scan/phases/content-reader';
import type { FileRow } from '../../main/core/scan/store/scan-store';
import { startBoxContentServer, type BoxContentServer, type ServedFile } from '../helpers/box-content-server';
import {
  listedTextFile,
  openTempScanStore,
  PRIVATE_NOTHING_FOUND,
  type TempScanStore,
} from '../helpers/temp-scan-store';
import { testContentReader, TextTestExtractor } from '../helpers/text-extractor';

const CARD = '4111 1111 1111 1111';
const IBAN = 'GB82 WEST 1234 5698 7654 32';
const FAST_POLL: BoxTextPoll = { firstDelayMs: 30, maxDelayMs: 30, maxTries: 4 };

let box: BoxContentServer;
let temp: TempScanStore;

beforeAll(async () => {
  box = await startBoxContentServer();
});
afterAll(() => box.close());
beforeEach(() => {
  temp = openTempScanStore('bcc-content-');
  box.files.clear();
  box.counts.clear();
});
afterEach(() => temp.remove());

/** A scanned file waiting for its content inspection, served by the test server. */
function waiting(id: string, ext: string, served: ServedFile, o: { sha1?: string; size?: number } = {}): FileRow {
  const { store } = temp;
  box.files.set(id, served);
  const size = o.size ?? served.bytes?.length ?? 100;
  store.tx(() =>
    store.insertListedFile({ ...listedTextFile(id), ext, name: `${id}.${ext}`, sha1: o.sha1 ?? `sha-${id}`, size }),
  );
  store.tx(() => store.finish(id, 0, { ...PRIVATE_NOTHING_FOUND, inspection: 'Pending', scannedSha1: null }, true));
  return store.file(id)!;
}

function work(o: { extractor?: TextTestExtractor; poll?: BoxTextPoll } = {}) {
  const content = testContentReader(box.api, temp.store, o);
  const w = new ScanWork({
    api: box.api,
    store: temp.store,
    content,
    onScanned: () => undefined,
    onInspected: () => undefined,
  });
  return {
    content,
    inspect: (id: string) => w.run({ kind: 'inspect', key: `inspect:${id}`, row: temp.store.file(id)! }),
  };
}

function shown(id: string) {
  const f = temp.store.file(id)!;
  return {
    inspection: f.inspection,
    reason: f.inspection_reason,
    method: f.inspection_method,
    findings: f.findings ? (JSON.parse(f.findings) as Record<string, number>) : null,
    reused: f.inspection_reused,
    pending: f.inspect,
  };
}

describe('a file read locally', () => {
  it('is Completed with method local, its counts and where the matches are, masked', async () => {
    waiting('1', 'txt', { bytes: Buffer.from(`hello\ncard ${CARD}\niban ${IBAN}\n`) });
    await work().inspect('1');
    expect(shown('1')).toMatchObject({ inspection: 'Completed', reason: null, method: 'local', pending: 0 });
    expect(shown('1').findings).toMatchObject({ card: 1, iban: 1 });
    const locations = JSON.parse(temp.store.file('1')!.locations!) as Record<string, Array<{ where: string }>>;
    expect(locations.card?.[0]?.where).toBe('line 2');
    expect(locations.iban?.[0]?.where).toBe('line 3');
    expect(box.count('download', '1')).toBe(1);
  });

  it('is Partially scanned past 1,000,000 characters, with the matches before the limit counted', async () => {
    const line = `${CARD}\n`;
    const text = line.repeat(Math.ceil(1_100_000 / line.length));
    waiting('2', 'txt', { bytes: Buffer.from(text) });
    await work().inspect('2');
    const s = shown('2');
    expect(s).toMatchObject({ inspection: 'Partially scanned', reason: 'too-long', method: 'local' });
    expect(s.findings?.card).toBe(Math.floor(1_000_000 / line.length));
  });

  it('keeps no unmasked value in the store even when an extractor forgets to mask', async () => {
    const careless: InspectionResult = {
      state: 'Completed',
      reason: null,
      method: 'local',
      findings: { card: 1, iban: 0, ssn: 0, nino: 0, email: 0 },
      locations: { card: [{ where: 'page 1', masked: CARD }] },
      chars: 100,
    };
    waiting('3', 'pdf', { bytes: Buffer.from('%PDF-1.7') });
    await work({ extractor: new TextTestExtractor({ pdf: careless }) }).inspect('3');
    const row = JSON.stringify(temp.store.file('3'));
    expect(row).not.toContain('4111 1111 1111 1111');
    expect(row).toContain('•••• •••• •••• 1111');
  });
});

describe('what the listing row already says', () => {
  it('images are Not applicable, an unknown type is unsupported, over 30 MB is too large: nothing downloaded', async () => {
    waiting('4', 'png', { bytes: Buffer.from('x') });
    waiting('5', 'xyz', { bytes: Buffer.from('x') });
    waiting('6', 'pdf', { bytes: Buffer.from('x') }, { size: 31 * 1024 * 1024 });
    const w = work();
    for (const id of ['4', '5', '6']) await w.inspect(id);
    expect(shown('4')).toMatchObject({ inspection: 'Not applicable', reason: null });
    expect(shown('5')).toMatchObject({ inspection: 'Failed', reason: 'unsupported' });
    expect(shown('6')).toMatchObject({ inspection: 'Failed', reason: 'too-large' });
    expect(box.count('download') + box.count('representations')).toBe(0);
  });
});

/** The SHA-1 Box lists for these bytes. */
const sha = (text: string) => createHash('sha1').update(text).digest('hex');

describe('the same content, read once', () => {
  it('a file whose bytes changed since it was listed keeps its result to itself: no copy reuses it', async () => {
    waiting('20', 'txt', { bytes: Buffer.from(`card ${CARD}`) }, { sha1: sha('as listed') });
    waiting('21', 'txt', { bytes: Buffer.from('as listed') }, { sha1: sha('as listed') });
    const w = work();
    await w.inspect('20');
    await w.inspect('21');
    expect(shown('20').findings?.card).toBe(1);
    expect(shown('21')).toMatchObject({ inspection: 'Completed', reused: 0 });
    expect(shown('21').findings?.card).toBe(0);
    expect(box.count('download')).toBe(2);
  });

  it('a SHA-1 already inspected is reused, with no download, and counted as reused', async () => {
    waiting('10', 'txt', { bytes: Buffer.from(`card ${CARD}`) }, { sha1: sha(`card ${CARD}`) });
    waiting('11', 'txt', { bytes: Buffer.from(`card ${CARD}`) }, { sha1: sha(`card ${CARD}`) });
    const w = work();
    await w.inspect('10');
    await w.inspect('11');
    expect(shown('11')).toMatchObject({ inspection: 'Completed', method: 'local', reused: 1 });
    expect(shown('11').findings?.card).toBe(1);
    expect(box.count('download')).toBe(1);
    expect(temp.store.contentFigures()).toMatchObject({ inspected: { files: 2 }, reused: 1 });
  });

  it('two files with the same SHA-1 in flight at once make one download', async () => {
    waiting('12', 'txt', { bytes: Buffer.from(`iban ${IBAN}`) }, { sha1: sha(`iban ${IBAN}`) });
    waiting('13', 'txt', { bytes: Buffer.from(`iban ${IBAN}`) }, { sha1: sha(`iban ${IBAN}`) });
    const w = work();
    const release = box.holdDownloads();
    const both = Promise.all([w.inspect('12'), w.inspect('13')]);
    const deadline = Date.now() + 5000;
    while (box.count('download') === 0 && Date.now() < deadline) await new Promise((r) => setImmediate(r));
    release();
    await both;
    expect(box.count('download')).toBe(1);
    expect(shown('12')).toMatchObject({ inspection: 'Completed', reused: 0 });
    expect(shown('13')).toMatchObject({ inspection: 'Completed', reused: 1 });
  });

  it('when the first read of a SHA-1 fails, one waiter reads it and the others take its result', async () => {
    waiting('16', 'txt', { status: 403 }, { sha1: sha(`card ${CARD}`) });
    waiting('17', 'txt', { bytes: Buffer.from(`card ${CARD}`) }, { sha1: sha(`card ${CARD}`) });
    waiting('18', 'txt', { bytes: Buffer.from(`card ${CARD}`) }, { sha1: sha(`card ${CARD}`) });
    const w = work();
    await Promise.all(['16', '17', '18'].map((id) => w.inspect(id)));
    expect(shown('16')).toMatchObject({ inspection: 'Failed', reason: 'access-denied' });
    expect(box.count('download', '17') + box.count('download', '18')).toBe(1);
    expect([shown('17').reused, shown('18').reused].sort()).toEqual([0, 1]);
  });

  it('a download error is not reused: the next file with that SHA-1 is downloaded', async () => {
    waiting('14', 'txt', { status: 403 }, { sha1: sha('plain') });
    waiting('15', 'txt', { bytes: Buffer.from('plain') }, { sha1: sha('plain') });
    const w = work();
    await w.inspect('14');
    await w.inspect('15');
    expect(shown('14')).toMatchObject({ inspection: 'Failed', reason: 'access-denied' });
    expect(shown('15')).toMatchObject({ inspection: 'Completed', reused: 0 });
  });
});

describe("Box's text representation", () => {
  it('reads a legacy .doc through Box: Completed with method box-text, no download', async () => {
    waiting('20', 'doc', { text: `Payroll\n${CARD}\n` });
    await work().inspect('20');
    expect(shown('20')).toMatchObject({ inspection: 'Completed', method: 'box-text' });
    expect(shown('20').findings?.card).toBe(1);
    expect(box.count('download')).toBe(0);
    expect(box.count('representations', '20')).toBe(1);
    expect(box.count('text', '20')).toBe(1);
  });

  it('a pending text holds no slot: the file waits for its time while others are inspected', async () => {
    waiting('21', 'doc', { text: CARD, repState: 'none', pendingCalls: 1 });
    waiting('22', 'txt', { bytes: Buffer.from('nothing here') });
    const w = work({ poll: { ...FAST_POLL, firstDelayMs: 60_000, maxDelayMs: 60_000 } });
    await w.inspect('21'); // none → info.url asked → pending
    expect(box.count('info', '21')).toBe(1);
    expect(shown('21')).toMatchObject({ inspection: 'Pending', pending: 1 });
    expect(temp.store.nextInspections(10).map((r) => r.id)).toEqual(['22']);
    expect(temp.store.inspectionsLeft()).toBe(true);
    await w.inspect('22');
    expect(shown('22').inspection).toBe('Completed');
    // Once due, it is picked again and read.
    expect(temp.store.nextInspections(10, Date.now() + 61_000).map((r) => r.id)).toEqual(['21']);
  });

  it('is read once Box has made it, and Failed timeout when it never does', async () => {
    waiting('23', 'doc', { text: CARD, repState: 'pending', pendingCalls: 2 });
    waiting('24', 'doc', { text: CARD, repState: 'pending', pendingCalls: 1000 });
    const w = work({ poll: FAST_POLL });
    for (let round = 0; round < FAST_POLL.maxTries + 2; round++) {
      for (const r of temp.store.nextInspections(10, Date.now() + 1000)) await w.inspect(r.id);
    }
    expect(shown('23')).toMatchObject({ inspection: 'Completed', method: 'box-text' });
    expect(shown('24')).toMatchObject({ inspection: 'Failed', reason: 'timeout', pending: 0 });
    expect(box.count('representations', '24')).toBe(FAST_POLL.maxTries);
  });

  it("Box's errors name the reason: password-protected is encrypted, unsupported format is unsupported", async () => {
    waiting('25', 'doc', { text: '', repState: 'error', errorCode: 'error_password_protected' });
    waiting('26', 'xls', { text: '', repState: 'error', errorCode: 'error_unsupported_format' });
    const w = work();
    await w.inspect('25');
    await w.inspect('26');
    expect(shown('25')).toMatchObject({ inspection: 'Failed', reason: 'encrypted' });
    expect(shown('26')).toMatchObject({ inspection: 'Failed', reason: 'unsupported' });
  });

  const corrupted: InspectionResult = {
    state: 'Failed',
    reason: 'corrupted',
    method: null,
    findings: null,
    locations: null,
    chars: 0,
  };

  it('is the fallback when local extraction fails: a corrupted docx Box reads is Completed box-text', async () => {
    waiting('27', 'docx', { bytes: Buffer.from('PK broken'), text: `${IBAN}\n` });
    await work({ extractor: new TextTestExtractor({ docx: corrupted }) }).inspect('27');
    expect(shown('27')).toMatchObject({ inspection: 'Completed', method: 'box-text' });
    expect(shown('27').findings?.iban).toBe(1);
    expect(box.count('download', '27')).toBe(1);
  });

  it('a copy of a corrupted docx read while Box makes its text is not downloaded again: it takes that text', async () => {
    const bytes = Buffer.from('PK broken, copied');
    const listed = { sha1: sha('PK broken, copied') };
    waiting('40', 'docx', { bytes, text: `${IBAN}\n`, repState: 'none', pendingCalls: 1 }, listed);
    waiting('41', 'docx', { bytes, text: `${IBAN}\n`, repState: 'none', pendingCalls: 1 }, listed);
    const w = work({ extractor: new TextTestExtractor({ docx: corrupted }), poll: FAST_POLL });
    await w.inspect('40'); // downloaded, corrupted, Box's text asked for: pending
    await w.inspect('41'); // the first copy is waiting for Box, out of flight
    for (let round = 0; round < FAST_POLL.maxTries && temp.store.inspectionsLeft(); round++)
      for (const r of temp.store.nextInspections(10, Date.now() + 1000)) await w.inspect(r.id);
    expect(box.count('download')).toBe(1);
    expect(box.count('representations', '41') + box.count('info', '41')).toBe(0);
    expect(shown('40')).toMatchObject({ inspection: 'Completed', method: 'box-text', reused: 0 });
    expect(shown('41')).toMatchObject({ inspection: 'Completed', method: 'box-text', reused: 1 });
    expect(shown('41').findings?.iban).toBe(1);
  });

  it('a copy waiting for that text keeps the local reason when Box never makes it', async () => {
    const bytes = Buffer.from('PK broken, never read');
    const listed = { sha1: sha('PK broken, never read') };
    waiting('42', 'docx', { bytes, text: '', repState: 'pending', pendingCalls: 1000 }, listed);
    waiting('43', 'docx', { bytes, text: '', repState: 'pending', pendingCalls: 1000 }, listed);
    const w = work({ extractor: new TextTestExtractor({ docx: corrupted }), poll: FAST_POLL });
    await w.inspect('42');
    await w.inspect('43');
    for (let round = 0; round < 3 * FAST_POLL.maxTries && temp.store.inspectionsLeft(); round++)
      for (const r of temp.store.nextInspections(10, Date.now() + 1000)) await w.inspect(r.id);
    expect(shown('42')).toMatchObject({ inspection: 'Failed', reason: 'corrupted', pending: 0 });
    expect(shown('43')).toMatchObject({ inspection: 'Failed', reason: 'corrupted', pending: 0 });
    // Once the first copy timed out the second asked Box itself, without downloading the bytes again.
    expect(box.count('representations', '43')).toBeGreaterThan(0);
    expect(box.count('download')).toBe(1);
  });

  it('when the copy asking Box is never read again, a waiter that times out lets the next copy ask', async () => {
    const bytes = Buffer.from('PK broken, abandoned');
    const listed = { sha1: sha('PK broken, abandoned') };
    for (const id of ['46', '47', '48'])
      waiting(id, 'docx', { bytes, text: `${IBAN}\n`, repState: 'none', pendingCalls: 1 }, listed);
    const w = work({ extractor: new TextTestExtractor({ docx: corrupted }), poll: FAST_POLL });
    await w.inspect('46'); // asks Box, then is never read again (say an event took it off the queue)
    await w.inspect('47');
    const due = (id: string) => temp.store.nextInspections(10, Date.now() + 1000).some((r) => r.id === id);
    for (let round = 0; round < FAST_POLL.maxTries && due('47'); round++) await w.inspect('47');
    expect(shown('47')).toMatchObject({ inspection: 'Failed', reason: 'corrupted', pending: 0 });
    await w.inspect('48');
    for (let round = 0; round < FAST_POLL.maxTries && due('48'); round++) await w.inspect('48');
    expect(shown('48')).toMatchObject({ inspection: 'Completed', method: 'box-text' });
    expect(box.count('download')).toBe(1);
  });

  it("a file whose bytes changed since it was listed falls back to Box's text for itself only: no copy reuses it", async () => {
    waiting('44', 'docx', { bytes: Buffer.from('PK edited'), text: `${IBAN}\n` }, { sha1: sha('PK as listed') });
    waiting(
      '45',
      'docx',
      { bytes: Buffer.from('PK as listed'), text: 'nothing here\n' },
      { sha1: sha('PK as listed') },
    );
    const w = work({ extractor: new TextTestExtractor({ docx: corrupted }) });
    await w.inspect('44');
    await w.inspect('45');
    expect(shown('44').findings?.iban).toBe(1);
    expect(shown('45')).toMatchObject({ inspection: 'Completed', method: 'box-text', reused: 0 });
    expect(shown('45').findings?.iban).toBe(0);
  });

  it('keeps the local reason when Box cannot read it either', async () => {
    waiting('28', 'pdf', {
      bytes: Buffer.from('%PDF-broken'),
      text: '',
      repState: 'error',
      errorCode: 'error_unsupported_format',
    });
    await work({ extractor: new TextTestExtractor({ pdf: corrupted }) }).inspect('28');
    expect(shown('28')).toMatchObject({ inspection: 'Failed', reason: 'corrupted' });
  });

  it('a zip that fails locally is not sent to Box (Box does not read archives)', async () => {
    waiting('29', 'zip', { bytes: Buffer.from('PK'), text: CARD });
    await work({ extractor: new TextTestExtractor({ zip: corrupted }) }).inspect('29');
    expect(shown('29')).toMatchObject({ inspection: 'Failed', reason: 'corrupted' });
    expect(box.count('representations')).toBe(0);
  });
});

describe('download errors', () => {
  it('403 is access denied and 404 deleted; a 500 goes up to the engine with the file still Pending', async () => {
    waiting('30', 'txt', { status: 403 });
    waiting('31', 'txt', { status: 404 });
    waiting('32', 'txt', { status: 500 });
    const w = work();
    await w.inspect('30');
    await w.inspect('31');
    const failure = await w.inspect('32').then(
      () => null,
      (e: unknown) => e,
    );
    expect(shown('30')).toMatchObject({ inspection: 'Failed', reason: 'access-denied' });
    expect(shown('31')).toMatchObject({ inspection: 'Failed', reason: 'deleted' });
    expect(failure).not.toBeNull();
    expect(failure).not.toBeInstanceOf(BoxApiError);
    expect(classifyFailure(failure)).toBe('item');
    expect(shown('32')).toMatchObject({ inspection: 'Pending', pending: 1 });
  });
});

describe('where the sign-in goes', () => {
  it("sends the token only to the API's origin and Box's hosts, never to a host an answer names", () => {
    const api = 'http://127.0.0.1:5555/2.0';
    expect(isBoxUrl('http://127.0.0.1:5555/2.0/internal_files/1/versions/2/representations/extracted_text', api)).toBe(
      true,
    );
    expect(isBoxUrl('https://dl.boxcloud.com/api/2.0/internal_files/1/content', api)).toBe(true);
    expect(isBoxUrl('https://api.box.com/2.0/files/1', api)).toBe(true);
    expect(isBoxUrl('https://evil.example/steal', api)).toBe(false);
    expect(isBoxUrl('https://box.com.evil.example/x', api)).toBe(false);
    expect(isBoxUrl('http://dl.boxcloud.com/x', api)).toBe(false);
  });
});
