/**
 * Zip archives of text and office files, some holding a nested zip (depth up to 2), as people
 * zip up a project folder. The truth is the sum of every entry at every depth.
 */
import { emptyTruth, type SensitiveTruth } from '../content';
import type { Rng } from '../prng';
import { addTruth } from './model';
import { makePart, type PartKind, type PartSource } from './parts';
import { writeZip, type ZipEntry } from './xml';

const KINDS: PartKind[] = ['txt', 'csv', 'docx', 'xlsx', 'pdf'];
const FOLDERS = ['', 'reports/', 'exports/', 'shared/2024/', 'finance/'];
const NAMES = ['notes', 'summary', 'export', 'customers', 'payroll', 'invoice', 'minutes'];

export function writeArchive(src: PartSource, r: Rng, depth = 1): { bytes: Buffer; truth: SensitiveTruth } {
  const truth = emptyTruth();
  const entries: ZipEntry[] = [];
  const count = 2 + r.int(4);
  for (let i = 0; i < count; i++) {
    const nested = depth < 2 && r.chance(0.3);
    const folder = r.pick(FOLDERS);
    const base = `${folder}${r.pick(NAMES)}-${i + 1}`;
    if (nested) {
      const inner = writeArchive(src, r, depth + 1);
      addTruth(truth, inner.truth);
      entries.push({ path: `${base}.zip`, data: inner.bytes });
      continue;
    }
    const kind = r.pick(KINDS);
    const part = makePart(kind, src);
    addTruth(truth, part.truth);
    const path = `${base}.${kind}`;
    // Deflated, never stored: a stored inner zip's end record would be found by a reader of a
    // truncated outer archive, which must be unreadable.
    entries.push({ path, data: part.bytes });
  }
  return { bytes: writeZip(entries), truth };
}
