/**
 * Issue 14's hostile corpus, built at test time (nothing stored): a zip bomb (10 GB of zeros
 * declared in a 10 MB file), XML billion laughs in a docx, a zip nested 12 deep, a zip of
 * 10,001 entries, a truncated PDF, a password-protected PDF and Office file, a 3,000,000-character
 * text. Each names the outcome a correct extractor reaches.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import type { InspectionReason, InspectionState } from '../../common/scan/inspection';
import { buildDocx, buildPdf, encryptedOfficeFile, encryptedPdf, zip } from './extract-fixtures';

export interface HostileFile {
  label: string;
  ext: string;
  bytes: Uint8Array;
  expected: { state: Exclude<InspectionState, 'Pending'>; reason: InspectionReason | null };
}

interface RawEntry {
  name: string;
  /** The entry's deflate stream, already compressed (written as is). */
  deflated: Uint8Array;
  crc: number;
  size: number;
}

/** A ZIP written header by header around precompressed entries (so one stream can be declared many times). */
export function zipOfDeflated(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const fields = (h: Buffer, at: number) => {
      h.writeUInt16LE(20, at); // version needed
      h.writeUInt16LE(0, at + 2); // flags: not encrypted, sizes known
      h.writeUInt16LE(8, at + 4); // deflate
      h.writeUInt32LE(0, at + 6); // time and date
      h.writeUInt32LE(e.crc, at + 10);
      h.writeUInt32LE(e.deflated.length, at + 14);
      h.writeUInt32LE(e.size, at + 18);
      h.writeUInt16LE(name.length, at + 22);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    fields(local, 4);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    fields(central, 6);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(e.deflated));
    centrals.push(central, name);
    offset += 30 + name.length + e.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** 100 entries, each the same deflate stream of 100 MB of zeros: 10 GB if inflated. */
export function zipBomb(): Buffer {
  const zeros = Buffer.alloc(100 * 1024 * 1024);
  const deflated = deflateRawSync(zeros, { level: 9 });
  const crc = crc32(zeros);
  const entries = Array.from({ length: 100 }, (_, i) => ({
    name: `zeros-${i}.txt`,
    deflated,
    crc,
    size: zeros.length,
  }));
  return zipOfDeflated(entries);
}

/** Ten entities of ten references each, nine deep: 10^9 "lol"s if a parser expanded them. */
export function billionLaughsDocx(): Buffer {
  const entities = ['<!ENTITY lol0 "lol">'];
  for (let i = 1; i <= 9; i++) entities.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
  const xml = `<?xml version="1.0"?>\n<!DOCTYPE w:document [${entities.join('')}]>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>`;
  return buildDocx([], [], xml);
}

export function nestedZip(depth: number): Buffer {
  let inner: Buffer = zip({ 'card.txt': 'Card 4111 1111 1111 1111' });
  for (let level = depth - 1; level > 0; level--) inner = zip({ [`level-${level}.zip`]: inner });
  return inner;
}

export function manyEntriesZip(count: number): Buffer {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) files[`f${i}.txt`] = 'x';
  return zip(files, 0);
}

export function hostileCorpus(): HostileFile[] {
  const pdf = buildPdf([[['Card 4111 1111 1111 1111']], [['page two']]], { compress: true });
  const ssnLine = 'SSN 123-45-6789\n';
  return [
    { label: 'zip bomb (10 GB of zeros)', ext: 'zip', bytes: zipBomb(), expected: failed('archive-limit') },
    { label: 'billion laughs in a docx', ext: 'docx', bytes: billionLaughsDocx(), expected: failed('corrupted') },
    { label: 'zip nested 12 deep', ext: 'zip', bytes: nestedZip(12), expected: failed('archive-limit') },
    { label: 'zip of 10,001 entries', ext: 'zip', bytes: manyEntriesZip(10_001), expected: failed('archive-limit') },
    {
      label: 'truncated PDF',
      ext: 'pdf',
      bytes: pdf.subarray(0, Math.floor(pdf.length / 2)),
      expected: failed('corrupted'),
    },
    { label: 'password-protected PDF', ext: 'pdf', bytes: encryptedPdf(), expected: failed('encrypted') },
    { label: 'password-protected docx', ext: 'docx', bytes: encryptedOfficeFile(), expected: failed('encrypted') },
    {
      label: '3,000,000-character text',
      ext: 'txt',
      bytes: Buffer.from(ssnLine.repeat(Math.ceil(3_000_000 / ssnLine.length)).slice(0, 3_000_000)),
      expected: { state: 'Partially scanned', reason: 'too-long' },
    },
  ];
}

function failed(reason: InspectionReason): HostileFile['expected'] {
  return { state: 'Failed', reason };
}
