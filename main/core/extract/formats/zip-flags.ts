/**
 * What fflate's streaming Unzip does not tell: whether the archive is complete (its end of
 * central directory record is there: a streamed read of a cut file would otherwise look fine)
 * and whether an entry is encrypted (general-purpose bit 0 of its central record). A few fixed
 * offsets of the ZIP spec (APPNOTE 4.3.12, 4.3.16), not a ZIP reader. Runs in the extractor process.
 */
const EOCD_SIG = 0x06054b50;
const CENTRAL_SIG = 0x02014b50;

function u16(b: Uint8Array, at: number): number {
  return b[at]! | (b[at + 1]! << 8);
}
function u32(b: Uint8Array, at: number): number {
  return (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;
}

/** The end-of-central-directory record: in the last 22 + 65,535 (comment) bytes. */
function findEocd(b: Uint8Array): number {
  for (let at = b.length - 22; at >= Math.max(0, b.length - 22 - 0xffff); at--) if (u32(b, at) === EOCD_SIG) return at;
  return -1;
}

export interface ZipDirectoryFacts {
  complete: boolean;
  encrypted: boolean;
}

export function zipDirectoryFacts(b: Uint8Array): ZipDirectoryFacts {
  const eocd = findEocd(b);
  if (eocd < 0) return { complete: false, encrypted: false };
  return { complete: true, encrypted: hasEncryptedEntry(b, eocd) };
}

function hasEncryptedEntry(b: Uint8Array, eocd: number): boolean {
  const count = u16(b, eocd + 10);
  let at = u32(b, eocd + 16);
  for (let i = 0; i < count && at + 46 <= b.length && u32(b, at) === CENTRAL_SIG; i++) {
    if (u16(b, at + 8) & 1) return true;
    at += 46 + u16(b, at + 28) + u16(b, at + 30) + u16(b, at + 32);
  }
  return false;
}
