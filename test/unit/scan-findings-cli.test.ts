/**
 * `box-companion findings --format csv|json` as an admin runs it after a scan: each file's
 * method, reason (code and words) and where the matches are, the value masked.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ScanStore } from '../../main/core/scan/store/scan-store';
import { listedTextFile, PRIVATE_NOTHING_FOUND } from '../helpers/temp-scan-store';

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'bcc-findings-cli-'));
  const store = new ScanStore(join(home, 'scan.sqlite'));
  store.tx(() => {
    store.insertListedFile({ ...listedTextFile('f1'), name: 'payroll.xlsx', ext: 'xlsx' });
    store.finish('f1', 0, {
      ...PRIVATE_NOTHING_FOUND,
      findings: '{"card":0,"iban":1,"ssn":0,"nino":0,"email":0}',
      inspectionMethod: 'local',
      locations: JSON.stringify({ iban: [{ where: 'Payroll!B7', masked: '•••• •••• •••• •••• ••30 00' }] }),
    });
    store.insertListedFile({ ...listedTextFile('f2'), name: 'old.doc', ext: 'doc' });
    store.finish('f2', 0, { ...PRIVATE_NOTHING_FOUND, inspection: 'Failed', inspectionReason: 'encrypted' });
  });
  store.close();
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

function findings(format: 'csv' | 'json'): string {
  const out = join(home, `f.${format}`);
  const run = spawnSync(
    process.execPath,
    ['main/cli/bin.mjs', 'findings', '--home', home, '--format', format, '--output', out],
    { encoding: 'utf8', timeout: 60_000 },
  );
  expect(run.status, run.stderr).toBe(0);
  return readFileSync(out, 'utf8');
}

it('CSV and JSON carry the method, the reason in code and words, and the masked locations', () => {
  const csv = findings('csv').trim().split('\r\n');
  const header = csv[0]!.split(',');
  const cell = (id: string, column: string) =>
    csv.find((l) => l.startsWith(`${id},`))!.split(',')[header.indexOf(column)];
  expect(cell('f1', 'inspection_method')).toBe('local');
  expect(cell('f1', 'locations')).toBe('iban: Payroll!B7 (•••• •••• •••• •••• ••30 00)');
  expect(cell('f2', 'inspection_reason')).toBe('encrypted');
  expect(cell('f2', 'inspection_reason_label')).toBe('File is encrypted');
  const json = JSON.parse(findings('json')) as Array<Record<string, unknown>>;
  expect(json.find((r) => r.fileId === 'f1')).toMatchObject({
    inspectionMethod: 'local',
    locations: { iban: [{ where: 'Payroll!B7', masked: '•••• •••• •••• •••• ••30 00' }] },
  });
  expect(json.find((r) => r.fileId === 'f2')).toMatchObject({
    inspectionReason: 'encrypted',
    inspectionReasonLabel: 'File is encrypted',
  });
}, 120_000);
