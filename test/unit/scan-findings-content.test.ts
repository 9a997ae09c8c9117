/**
 * Findings as a user filters and exports them (issue 14): by inspection state (Partially
 * scanned included) and by reason, each row with its reason code, method and masked locations,
 * and the CSV/JSON exports (what `box-companion findings --format csv|json` writes) carrying
 * the method, the reason in code and words, and the locations, never a value in full.
 */
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFindings } from '../../main/core/scan/export';
import { findingsPage, type FindingsQuery } from '../../main/core/scan/store/queries';
import {
  listedTextFile,
  openTempScanStore,
  PRIVATE_NOTHING_FOUND,
  type TempScanStore,
} from '../helpers/temp-scan-store';

let temp: TempScanStore;
const LOCATIONS = { card: [{ where: 'Payroll!B7', masked: '•••• •••• •••• 1111' }] };

beforeEach(() => {
  temp = openTempScanStore('bcc-findings-content-');
  const { store } = temp;
  const put = (id: string, ext: string, r: Partial<typeof PRIVATE_NOTHING_FOUND> & Record<string, unknown>) => {
    store.tx(() => store.insertListedFile({ ...listedTextFile(id), ext, name: `${id}.${ext}` }));
    store.tx(() => store.finish(id, 0, { ...PRIVATE_NOTHING_FOUND, ...r }));
  };
  put('1', 'xlsx', {
    inspection: 'Completed',
    findings: '{"card":1,"iban":0,"ssn":0,"nino":0,"email":0}',
    inspectionMethod: 'local',
    locations: JSON.stringify(LOCATIONS),
  });
  put('2', 'txt', { inspection: 'Partially scanned', inspectionReason: 'too-long', inspectionMethod: 'local' });
  put('3', 'pdf', { inspection: 'Failed', inspectionReason: 'encrypted' });
  put('4', 'doc', { inspection: 'Failed', inspectionReason: 'unsupported' });
  put('5', 'doc', { inspection: 'Completed', inspectionMethod: 'box-text' });
});
afterEach(() => temp.remove());

const page = (q: Partial<FindingsQuery>) =>
  findingsPage(temp.store.reader(), { sort: 'name', order: 'asc', offset: 0, limit: 50, ...q });

describe('findings filters', () => {
  it('by state, Partially scanned included, and by reason', () => {
    expect(page({ inspection: ['Partially scanned'] }).entries.map((e) => e.fileId)).toEqual(['2']);
    expect(page({ reasons: ['encrypted', 'too-long'] }).entries.map((e) => e.fileId)).toEqual(['2', '3']);
    expect(page({ inspection: ['Failed'], reasons: ['unsupported'] }).total).toBe(1);
  });

  it('each row carries its reason code, method and masked locations', () => {
    const byId = new Map(page({}).entries.map((e) => [e.fileId, e]));
    expect(byId.get('1')).toMatchObject({ inspection: 'Completed', inspectionMethod: 'local', locations: LOCATIONS });
    expect(byId.get('3')).toMatchObject({
      inspection: 'Failed',
      inspectionReason: 'encrypted',
      inspectionMethod: null,
    });
    expect(byId.get('5')).toMatchObject({ inspectionMethod: 'box-text' });
  });
});

async function exported(format: 'csv' | 'json'): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await writeFindings(temp.store, format, out);
  out.end();
  return Buffer.concat(chunks).toString('utf8');
}

describe('exports', () => {
  it('CSV has the method, the reason in code and words, and the locations, masked', async () => {
    const lines = (await exported('csv')).trim().split('\r\n');
    const header = lines[0]!.split(',');
    const row = (id: string) => {
      const cells = lines.find((l) => l.startsWith(`${id},`))!.split(',');
      return Object.fromEntries(header.map((h, i) => [h, cells[i]]));
    };
    expect(header).toEqual(
      expect.arrayContaining(['inspection_method', 'inspection_reason', 'inspection_reason_label', 'locations']),
    );
    expect(row('1')).toMatchObject({ inspection_method: 'local', locations: 'card: Payroll!B7 (•••• •••• •••• 1111)' });
    expect(row('3')).toMatchObject({ inspection_reason: 'encrypted', inspection_reason_label: 'File is encrypted' });
  });

  it('JSON has the same, and no full card number anywhere', async () => {
    const text = await exported('json');
    const rows = JSON.parse(text) as Array<Record<string, unknown>>;
    expect(rows.find((r) => r.fileId === '2')).toMatchObject({
      inspection: 'Partially scanned',
      inspectionReason: 'too-long',
      inspectionReasonLabel: 'File is too long and was partially scanned (over 1 million characters)',
      inspectionMethod: 'local',
    });
    expect(rows.find((r) => r.fileId === '1')?.locations).toEqual(LOCATIONS);
    expect(text).not.toMatch(/4111 ?1111 ?1111 ?1111/);
  });
});
