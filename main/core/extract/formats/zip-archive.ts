/**
 * A ZIP archive: each entry of a type we read is read as that type, under its path
 * ("a.zip › b/c.docx › paragraph 2"); entries of other types (images, binaries) are skipped
 * without being inflated. An archive deeper than maxArchiveDepth is Failed archive-limit, and
 * an entry's failure (encrypted, corrupted, a limit) is the archive's. Runs in the extractor process.
 */
import { InspectionFailure } from '../failure';
import { innerContext, type ReadContext } from '../read-context';
import { forEachZipEntry } from './zip-stream';

export async function readZip(bytes: Uint8Array, ctx: ReadContext, readable: (name: string) => boolean): Promise<void> {
  if (ctx.depth >= ctx.limits.maxArchiveDepth) throw new InspectionFailure('archive-limit', 'archives nested too deep');
  await forEachZipEntry(bytes, ctx.limits, ctx.budget, readable, (entry) =>
    ctx.readInner(entry.name, entry.bytes, innerContext(ctx, entry.name)),
  );
}
