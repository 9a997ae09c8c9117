/**
 * Findings export, CSV or JSON, streamed row by row (a million files never sit in memory).
 * Holds no secrets: file names, owners, access levels, inspection results and counts, and where
 * the first matches are with each value masked (its last 4 characters only).
 */
import { createWriteStream, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { reasonLabel } from '../../../common/scan/inspection';
import type { FileFinding } from '../../../common/scan/types';
import { allFindings } from './store/queries';
import type { ScanStore } from './store/scan-store';

export const CSV_COLUMNS = [
  'file_id',
  'name',
  'path',
  'owner',
  'status',
  'access_level',
  'external_collaborators',
  'inspection',
  'inspection_reason',
  'inspection_reason_label',
  'inspection_method',
  'cards',
  'ibans',
  'ssns',
  'ninos',
  'emails',
  'reason',
  'scanned_at',
  'locations',
] as const;

/** Where the first matches are, masked: "card: page 2 (•••• •••• •••• 4242); iban: Payroll!B7 (…)". */
export function locationsText(l: FileFinding['locations']): string | null {
  if (!l) return null;
  const parts = Object.entries(l).flatMap(([kind, list]) =>
    (list ?? []).map((m) => `${kind}: ${m.where} (${m.masked})`),
  );
  return parts.length ? parts.join('; ') : null;
}

/** RFC 4180 quoting; a leading = + - @ is neutralised so a spreadsheet never runs it as a formula. */
export function csvField(v: string | number | null): string {
  if (v === null) return '';
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(f: FileFinding): string {
  const n = f.findings;
  return [
    f.fileId,
    f.name,
    f.path,
    f.ownerLogin,
    f.status,
    f.accessLevel,
    f.externalCollaborators.join(' '),
    f.inspection,
    f.inspectionReason,
    reasonLabel(f.inspectionReason),
    f.inspectionMethod,
    n?.card ?? null,
    n?.iban ?? null,
    n?.ssn ?? null,
    n?.nino ?? null,
    n?.email ?? null,
    f.reason,
    f.scannedAt,
    locationsText(f.locations),
  ]
    .map(csvField)
    .join(',');
}

/** The JSON export names the reason in words too (the code stays the key to filter on). */
function withLabel(f: FileFinding): FileFinding & { inspectionReasonLabel: string | null } {
  return { ...f, inspectionReasonLabel: reasonLabel(f.inspectionReason) };
}

async function write(out: NodeJS.WritableStream, s: string): Promise<void> {
  if (!out.write(s)) await once(out, 'drain');
}

/** Writes every file's finding to `out`; returns how many. */
export async function writeFindings(
  store: ScanStore,
  format: 'csv' | 'json',
  out: NodeJS.WritableStream,
): Promise<number> {
  let n = 0;
  if (format === 'csv') await write(out, `${CSV_COLUMNS.join(',')}\r\n`);
  else await write(out, '[');
  // Paged reads on the read-only connection: the scan keeps writing while the stream waits.
  for (const f of allFindings(store.reader())) {
    if (format === 'csv') await write(out, `${csvRow(f)}\r\n`);
    else await write(out, `${n ? ',' : ''}\n${JSON.stringify(withLabel(f))}`);
    n++;
  }
  if (format === 'json') await write(out, '\n]\n');
  return n;
}

/** Writes the findings under <home>/exports/ and returns where. */
export async function exportFindingsFile(
  store: ScanStore,
  home: string,
  format: 'csv' | 'json',
  now = new Date(),
): Promise<{ path: string; format: 'csv' | 'json'; files: number; bytes: number }> {
  const dir = join(home, 'exports');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `findings-${now.toISOString().replace(/[:.]/g, '-')}.${format}`);
  const out = createWriteStream(path, { mode: 0o600 });
  const files = await writeFindings(store, format, out);
  out.end();
  await once(out, 'close');
  return { path, format, files, bytes: statSync(path).size };
}
