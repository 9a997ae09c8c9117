/**
 * Streams a ZIP's entries with fflate (Unzip + UnzipInflate), counting the bytes actually
 * inflated: per entry, per file (shared budget) and against the compression ratio, so a bomb is
 * stopped by counting, never by running out of memory. The input is pushed in small chunks so
 * one push never inflates more than a few MB. Runs in the extractor process.
 */
import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import { InspectionFailure } from '../failure';
import type { InflateBudget, InspectionLimits } from '../read-context';
import { zipDirectoryFacts } from './zip-flags';

export interface ZipEntry {
  name: string;
  bytes: Uint8Array;
}

/** Which entries to inflate; the others are skipped without inflating them. */
export type EntryFilter = (name: string) => boolean;

const PUSH_CHUNK = 16 * 1024;
/** Below this an entry's ratio is not judged: tiny repetitive parts compress very well. */
const RATIO_FLOOR_BYTES = 1024 * 1024;

/** Calls onEntry for each wanted entry, in archive order, one at a time. */
export async function forEachZipEntry(
  bytes: Uint8Array,
  limits: InspectionLimits,
  budget: InflateBudget,
  wanted: EntryFilter,
  onEntry: (entry: ZipEntry) => Promise<void>,
): Promise<void> {
  const facts = zipDirectoryFacts(bytes);
  if (!facts.complete) throw new InspectionFailure('corrupted', 'truncated zip: no end of central directory');
  if (facts.encrypted) throw new InspectionFailure('encrypted', 'encrypted zip entry');
  const done: ZipEntry[] = [];
  let failure: Error | null = null;
  const unzip = new Unzip((file) => {
    if (failure) return;
    try {
      if (++budget.entries > limits.maxArchiveEntries) throw new InspectionFailure('archive-limit', 'too many entries');
      if (file.compression === 99) throw new InspectionFailure('encrypted', 'AES-encrypted zip entry');
      if (!file.name.endsWith('/') && wanted(file.name)) inflateEntry(file, limits, budget, done, (e) => (failure = e));
    } catch (error) {
      failure = error as Error;
    }
  });
  unzip.register(UnzipInflate);
  for (let at = 0; at < bytes.length || at === 0; at += PUSH_CHUNK) {
    const end = Math.min(at + PUSH_CHUNK, bytes.length);
    try {
      unzip.push(bytes.subarray(at, end), end >= bytes.length);
    } catch (error) {
      failure ??= new InspectionFailure('corrupted', `unreadable zip: ${(error as Error).message}`);
    }
    if (failure) throw failure;
    while (done.length) await onEntry(done.shift()!);
    if (end >= bytes.length) break;
  }
  if (failure) throw failure;
}

function inflateEntry(
  file: UnzipFile,
  limits: InspectionLimits,
  budget: InflateBudget,
  done: ZipEntry[],
  fail: (error: Error) => void,
): void {
  const chunks: Uint8Array[] = [];
  let inflated = 0;
  let stopped = false;
  file.ondata = (error, data, final) => {
    if (stopped) return;
    if (error) {
      stopped = true;
      return fail(new InspectionFailure('corrupted', `zip entry ${error.message}`));
    }
    inflated += data.length;
    budget.inflatedBytes += data.length;
    const over = overLimit(inflated, file.size, budget, limits);
    if (over) {
      stopped = true;
      file.terminate();
      return fail(new InspectionFailure('archive-limit', over));
    }
    chunks.push(data);
    if (final) done.push({ name: file.name, bytes: concat(chunks, inflated) });
  };
  file.start();
}

function overLimit(inflated: number, size: number | undefined, budget: InflateBudget, limits: InspectionLimits) {
  if (inflated > limits.maxEntryInflatedBytes) return 'entry inflates past its limit';
  if (budget.inflatedBytes > limits.maxInflatedBytes) return 'file inflates past its limit';
  if (inflated > RATIO_FLOOR_BYTES && size !== undefined && inflated > size * limits.maxCompressionRatio)
    return 'entry compression ratio';
  if (budget.inflatedBytes > RATIO_FLOOR_BYTES && budget.inflatedBytes > budget.inputBytes * limits.maxCompressionRatio)
    return 'file compression ratio';
  return null;
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
