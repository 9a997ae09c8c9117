/** XML escaping and the zip container every OOXML/ODF/zip file is written into (fflate). */
import { Zip, type ZipInputFile } from 'fflate';
import { crc32, deflateRawSync } from 'node:zlib';

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** A fixed timestamp: the same seed must give the same bytes, so no clock in the zip headers. */
const MTIME = new Date('2024-03-01T09:00:00Z');

export interface ZipEntry {
  path: string;
  data: string | Uint8Array;
  /** Stored (method 0) for ODF's mimetype and for entries that are archives already. */
  store?: boolean;
}

/** Parts this small are stored: deflating them saves a few bytes and costs a zlib set-up. */
const TINY = 256;
/** A small window and hash table: the parts are a few KB, and zlib's set-up cost dominates. */
const DEFLATE = { level: 6, windowBits: 13, memLevel: 5 } as const;

/**
 * Entries in the given order (ODF needs mimetype first). fflate writes the container; the
 * entries are deflated by Node's zlib and handed to it as ready-made method-8 streams, since
 * fflate's own deflate costs ~0.3 ms per call and a document has several parts.
 */
export function writeZip(entries: ZipEntry[]): Buffer {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failure = err;
    else chunks.push(chunk);
  });
  for (const e of entries) {
    const raw = typeof e.data === 'string' ? Buffer.from(e.data, 'utf8') : e.data;
    const stored = e.store || raw.length < TINY;
    const file: ZipInputFile = {
      filename: e.path,
      size: raw.length,
      crc: crc32(raw),
      compression: stored ? 0 : 8,
      mtime: MTIME,
    };
    zip.add(file);
    const packed = (stored ? raw : deflateRawSync(raw, DEFLATE)) as Uint8Array<ArrayBuffer>;
    file.ondata?.(null, packed, true);
  }
  zip.end();
  if (failure) throw failure;
  return Buffer.concat(chunks);
}
