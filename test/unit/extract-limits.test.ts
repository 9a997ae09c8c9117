/**
 * The archive limits, each on its own (the others set out of reach), in-process: the bytes
 * actually inflated per entry and per file, the compression ratio, the entry count, the depth
 * (3 archives deep read, 4 refused), and encrypted entries. A bomb ends by counting.
 */
import { describe, expect, it } from 'vitest';
import { INSPECTION_LIMITS } from '../../common/scan/inspection';
import { inspectBytes } from '../../main/core/extract/inspect-bytes';
import type { InspectionLimits } from '../../main/core/extract/read-context';
import { buildOdf, zip } from '../helpers/extract-fixtures';
import { manyEntriesZip, nestedZip, zipBomb } from '../helpers/hostile-corpus';

const MB = 1024 * 1024;
const unlimited = {
  ...INSPECTION_LIMITS,
  maxInflatedBytes: 1e12,
  maxEntryInflatedBytes: 1e12,
  maxCompressionRatio: 1e12,
  maxArchiveEntries: 1e9,
};
const inspect = (bytes: Uint8Array, limits: InspectionLimits = INSPECTION_LIMITS, ext = 'zip') =>
  inspectBytes({ ext, name: `f.${ext}`, bytes }, limits);

describe('archive limits', () => {
  const bomb = zipBomb();

  it('each inflate counter alone stops the 10 GB bomb', async () => {
    for (const limits of [
      { ...unlimited, maxCompressionRatio: INSPECTION_LIMITS.maxCompressionRatio },
      { ...unlimited, maxEntryInflatedBytes: INSPECTION_LIMITS.maxEntryInflatedBytes },
      { ...unlimited, maxInflatedBytes: INSPECTION_LIMITS.maxInflatedBytes },
    ]) {
      const started = Date.now();
      expect(await inspect(bomb, limits)).toMatchObject({ state: 'Failed', reason: 'archive-limit' });
      expect(Date.now() - started).toBeLessThan(20_000);
    }
  }, 60_000);

  it('well-compressible but honest entries pass: the ratio is judged past 1 MB only', async () => {
    const small = zip({ 'a.txt': 'a'.repeat(900_000), 'b.txt': `SSN 123-45-6789\n${' '.repeat(500)}` });
    expect(await inspect(small)).toMatchObject({ state: 'Completed', findings: { ssn: 1 } });
    const large = zip({ 'a.txt': 'x'.repeat(2 * MB) });
    expect(await inspect(large)).toMatchObject({ state: 'Failed', reason: 'archive-limit' });
  });

  it('entries: 10,000 read, 10,001 refused', async () => {
    expect(await inspect(manyEntriesZip(10_000))).toMatchObject({ state: 'Completed' });
    expect(await inspect(manyEntriesZip(10_001))).toMatchObject({ state: 'Failed', reason: 'archive-limit' });
  });

  it('depth: a zip in a zip in a zip is read, one more level refused', async () => {
    const three = await inspect(nestedZip(3));
    expect(three).toMatchObject({ state: 'Completed', findings: { card: 1 } });
    expect(three.locations?.card?.[0]?.where).toBe('level-1.zip › level-2.zip › card.txt › line 1');
    expect(await inspect(nestedZip(4))).toMatchObject({ state: 'Failed', reason: 'archive-limit' });
  });

  it('an encrypted entry makes the archive encrypted', async () => {
    const bytes = zip({ 'secret.txt': 'Card 4111 1111 1111 1111' });
    setEncryptedFlag(bytes);
    expect(await inspect(bytes)).toMatchObject({ state: 'Failed', reason: 'encrypted' });
  });

  it('a DOCTYPE in ODF content is corrupted, a truncated package too', async () => {
    const body = '<office:text><text:p>x</text:p></office:text>';
    const odt = Buffer.from(buildOdf('application/vnd.oasis.opendocument.text', body));
    const withDoctype = buildOdfRaw(`<?xml version="1.0"?><!DOCTYPE x><office:document-content/>`);
    expect(await inspect(withDoctype, INSPECTION_LIMITS, 'odt')).toMatchObject({ reason: 'corrupted' });
    // Cut in its central directory: a streamed read alone would see every entry and call it Completed.
    expect(await inspect(odt.subarray(0, odt.length - 40), INSPECTION_LIMITS, 'odt')).toMatchObject({
      state: 'Failed',
      reason: 'corrupted',
    });
  });
});

function buildOdfRaw(contentXml: string): Buffer {
  return zip({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': contentXml });
}

/** Sets general-purpose bit 0 ("encrypted") in every local and central header, as a zip tool would. */
function setEncryptedFlag(bytes: Buffer): void {
  for (let at = 0; at < bytes.length - 4; at++) {
    const sig = bytes.readUInt32LE(at);
    if (sig === 0x04034b50) bytes.writeUInt16LE(bytes.readUInt16LE(at + 6) | 1, at + 6);
    if (sig === 0x02014b50) bytes.writeUInt16LE(bytes.readUInt16LE(at + 8) | 1, at + 8);
  }
}
