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
  /** Stored (method 0), as ODF's mimetype must be. */
  store?: boolean;
}

interface Packed {
  raw: Uint8Array;
  crc: number;
  data: Uint8Array;
  stored: boolean;
}

/**
 * Parts that are the same in every file of a format (styles, themes, masters, most rels) are
 * deflated once: zlib's set-up per call is most of a small document's cost.
 */
const staticParts = new Map<string, Packed>();
const STATIC_PARTS_MAX = 256;

function pack(e: ZipEntry): Packed {
  const raw = typeof e.data === 'string' ? Buffer.from(e.data, 'utf8') : e.data;
  const stored = e.store === true || raw.length < TINY;
  return { raw, crc: crc32(raw), data: stored ? raw : deflateRawSync(raw, DEFLATE), stored };
}

function packCached(e: ZipEntry): Packed {
  const name = e.path.split('/').pop() ?? '';
  if (typeof e.data !== 'string' || !(STATIC.has(name) || name.endsWith('.rels'))) return pack(e);
  const key = `${e.store === true}\u0000${e.data}`;
  let hit = staticParts.get(key);
  if (!hit) {
    hit = pack(e);
    if (staticParts.size < STATIC_PARTS_MAX) staticParts.set(key, hit);
  }
  return hit;
}

/** File names of parts whose content rarely varies between documents (worth the memo), and any .rels. */
const STATIC = new Set([
  '[Content_Types].xml',
  'app.xml',
  'core.xml',
  'styles.xml',
  'theme1.xml',
  'slideMaster1.xml',
  'slideLayout1.xml',
  'manifest.xml',
  'mimetype',
]);

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
    const p = packCached(e);
    const file: ZipInputFile = {
      filename: e.path,
      size: p.raw.length,
      crc: p.crc,
      compression: p.stored ? 0 : 8,
      mtime: MTIME,
    };
    zip.add(file);
    file.ondata?.(null, p.data as Uint8Array<ArrayBuffer>, true);
  }
  zip.end();
  if (failure) throw failure;
  return Buffer.concat(chunks);
}
