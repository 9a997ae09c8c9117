/**
 * A ZIP's entries through yauzl (pinned 3.4.0), which reads the central directory: entries
 * written with data descriptors (Java, macOS, most streaming writers) are found by their
 * recorded offsets, never by scanning for signatures (fflate's streaming Unzip cut such entries
 * at a false signature: "invalid distance"). Each entry is inflated as a stream and the bytes
 * actually inflated are counted per entry, per file (shared budget) and against the compression
 * ratio, so a bomb is stopped by counting, never by running out of memory. yauzl also refuses
 * an entry whose inflated size differs from its declared one. Runs in the extractor process.
 */
import { fromBufferPromise, type Entry, type ZipFile } from 'yauzl';
import { InspectionFailure } from '../failure';
import type { InflateBudget, InspectionLimits } from '../read-context';

export interface ZipEntry {
  name: string;
  bytes: Uint8Array;
}

/** Which entries to inflate; the others are skipped without inflating them. */
export type EntryFilter = (name: string) => boolean;

/** Below this an entry's ratio is not judged: tiny repetitive parts compress very well. */
const RATIO_FLOOR_BYTES = 1024 * 1024;

async function openZip(bytes: Uint8Array): Promise<ZipFile> {
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return await fromBufferPromise(buffer, { lazyEntries: true, decodeStrings: true, validateEntrySizes: true });
  } catch (error) {
    throw new InspectionFailure('corrupted', `unreadable zip: ${(error as Error).message}`);
  }
}

/** Calls onEntry for each wanted entry, in archive order, one at a time. */
export async function forEachZipEntry(
  bytes: Uint8Array,
  limits: InspectionLimits,
  budget: InflateBudget,
  wanted: EntryFilter,
  onEntry: (entry: ZipEntry) => Promise<void>,
): Promise<void> {
  const zip = await openZip(bytes);
  try {
    if (budget.entries + zip.entryCount > limits.maxArchiveEntries)
      throw new InspectionFailure('archive-limit', 'too many entries');
    budget.entries += zip.entryCount;
    for await (const entry of entries(zip)) {
      if (entry.fileName.endsWith('/') || !wanted(entry.fileName)) continue;
      if (entry.isEncrypted() || entry.compressionMethod === 99)
        throw new InspectionFailure('encrypted', 'encrypted zip entry');
      await onEntry({ name: entry.fileName, bytes: await inflateEntry(zip, entry, limits, budget) });
    }
  } finally {
    zip.close();
  }
}

async function* entries(zip: ZipFile): AsyncGenerator<Entry> {
  try {
    for await (const entry of zip.eachEntry()) yield entry;
  } catch (error) {
    if (error instanceof InspectionFailure) throw error;
    throw new InspectionFailure('corrupted', `unreadable zip: ${(error as Error).message}`);
  }
}

async function inflateEntry(zip: ZipFile, entry: Entry, limits: InspectionLimits, budget: InflateBudget) {
  const chunks: Buffer[] = [];
  let inflated = 0;
  try {
    const stream = await zip.openReadStreamPromise(entry);
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      inflated += chunk.length;
      budget.inflatedBytes += chunk.length;
      const over = overLimit(inflated, entry.compressedSize, budget, limits);
      if (over) {
        stream.destroy();
        throw new InspectionFailure('archive-limit', over);
      }
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof InspectionFailure) throw error;
    throw new InspectionFailure('corrupted', `zip entry ${(error as Error).message}`);
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, inflated);
}

function overLimit(inflated: number, size: number, budget: InflateBudget, limits: InspectionLimits) {
  if (inflated > limits.maxEntryInflatedBytes) return 'entry inflates past its limit';
  if (budget.inflatedBytes > limits.maxInflatedBytes) return 'file inflates past its limit';
  if (inflated > RATIO_FLOOR_BYTES && inflated > size * limits.maxCompressionRatio) return 'entry compression ratio';
  if (budget.inflatedBytes > RATIO_FLOOR_BYTES && budget.inflatedBytes > budget.inputBytes * limits.maxCompressionRatio)
    return 'file compression ratio';
  return null;
}
