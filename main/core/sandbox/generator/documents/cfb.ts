/**
 * A minimal Compound File Binary (OLE2) writer, version 3 (512-byte sectors): streams under the
 * 4096-byte cutoff live in the mini stream, the rest in regular sectors, one FAT, no DIFAT
 * sectors (enough for the few KB the sandbox writes). Used for encrypted Office files
 * (EncryptionInfo + EncryptedPackage) and the legacy doc/xls/ppt/msg stand-ins.
 */
const SECTOR = 512;
const MINI = 64;
const CUTOFF = 4096;
const END = 0xfffffffe;
const FREE = 0xffffffff;
const FATSECT = 0xfffffffd;
const NOSTREAM = 0xffffffff;

export interface CfbStream {
  name: string;
  data: Uint8Array;
}

const pad = (n: number, unit: number) => Math.ceil(n / unit) * unit;

/** CFB orders siblings by name length, then by upper-cased name. */
function compareNames(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  const x = a.toUpperCase();
  const y = b.toUpperCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Balanced binary tree over the sorted entries: [left, right] per entry index, and the root. */
function siblingTree(count: number, order: number[]): { left: number[]; right: number[]; root: number } {
  const left = new Array<number>(count).fill(NOSTREAM);
  const right = new Array<number>(count).fill(NOSTREAM);
  const build = (lo: number, hi: number): number => {
    if (lo > hi) return NOSTREAM;
    const mid = (lo + hi) >> 1;
    const node = order[mid] ?? 0;
    left[node] = build(lo, mid - 1);
    right[node] = build(mid + 1, hi);
    return node;
  };
  return { left, right, root: build(0, order.length - 1) };
}

function dirEntry(
  name: string,
  type: number,
  start: number,
  size: number,
  left: number,
  right: number,
  child: number,
): Buffer {
  const e = Buffer.alloc(128);
  e.write(name, 0, 'utf16le');
  e.writeUInt16LE((name.length + 1) * 2, 64);
  e.writeUInt8(type, 66);
  e.writeUInt8(1, 67); // black
  e.writeUInt32LE(left, 68);
  e.writeUInt32LE(right, 72);
  e.writeUInt32LE(child, 76);
  e.writeUInt32LE(start, 116);
  e.writeUInt32LE(size, 120);
  return e;
}

export function writeCfb(streams: CfbStream[]): Buffer {
  const fat: number[] = [];
  const sectors: Buffer[] = [];
  const chain = (data: Uint8Array): number => {
    if (data.length === 0) return END;
    const first = sectors.length;
    const n = pad(data.length, SECTOR) / SECTOR;
    for (let i = 0; i < n; i++) {
      const s = Buffer.alloc(SECTOR);
      s.set(data.subarray(i * SECTOR, (i + 1) * SECTOR));
      sectors.push(s);
      fat.push(i === n - 1 ? END : first + i + 1);
    }
    return first;
  };
  // Small streams into the mini stream, with their mini FAT chains.
  const miniFat: number[] = [];
  const miniParts: Buffer[] = [];
  const starts = streams.map((s) => {
    if (s.data.length >= CUTOFF) return -1;
    const first = miniFat.length;
    const n = Math.max(1, pad(s.data.length, MINI) / MINI);
    for (let i = 0; i < n; i++) miniFat.push(i === n - 1 ? END : first + i + 1);
    const part = Buffer.alloc(n * MINI);
    part.set(s.data);
    miniParts.push(part);
    return first;
  });
  const miniStream = Buffer.concat(miniParts);
  const miniStart = chain(miniStream);
  streams.forEach((s, i) => {
    if (starts[i] === -1) starts[i] = chain(s.data);
  });
  const miniFatBytes = Buffer.alloc(pad(miniFat.length * 4, SECTOR));
  miniFatBytes.fill(0xff);
  miniFat.forEach((v, i) => miniFatBytes.writeUInt32LE(v, i * 4));
  const miniFatStart = miniFat.length ? chain(miniFatBytes) : END;
  const order = streams
    .map((_, i) => i + 1)
    .sort((a, b) => compareNames(streams[a - 1]?.name ?? '', streams[b - 1]?.name ?? ''));
  const tree = siblingTree(streams.length + 1, order);
  const dir = [
    dirEntry('Root Entry', 5, miniStream.length ? miniStart : END, miniStream.length, NOSTREAM, NOSTREAM, tree.root),
  ];
  streams.forEach((s, i) =>
    dir.push(
      dirEntry(
        s.name,
        2,
        starts[i] ?? END,
        s.data.length,
        tree.left[i + 1] ?? NOSTREAM,
        tree.right[i + 1] ?? NOSTREAM,
        NOSTREAM,
      ),
    ),
  );
  while (dir.length % 4) dir.push(dirEntry('', 0, 0, 0, NOSTREAM, NOSTREAM, NOSTREAM).fill(0, 0, 68));
  const dirStart = chain(Buffer.concat(dir));
  // The FAT covers every sector including its own.
  let fatSectors = 1;
  while (Math.ceil((sectors.length + fatSectors) / 128) > fatSectors) fatSectors++;
  const fatStart = sectors.length;
  for (let i = 0; i < fatSectors; i++) fat.push(FATSECT);
  const fatBytes = Buffer.alloc(fatSectors * SECTOR, 0xff);
  fat.forEach((v, i) => fatBytes.writeUInt32LE(v, i * 4));
  return Buffer.concat([
    header(fatSectors, fatStart, dirStart, miniFatStart, miniFatBytes.length / SECTOR),
    ...sectors,
    fatBytes,
  ]);
}

function header(
  fatSectors: number,
  fatStart: number,
  dirStart: number,
  miniFatStart: number,
  miniFatSectors: number,
): Buffer {
  const h = Buffer.alloc(SECTOR, 0);
  Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(h, 0);
  h.writeUInt16LE(0x3e, 24);
  h.writeUInt16LE(3, 26);
  h.writeUInt16LE(0xfffe, 28);
  h.writeUInt16LE(9, 30);
  h.writeUInt16LE(6, 32);
  h.writeUInt32LE(fatSectors, 44);
  h.writeUInt32LE(dirStart, 48);
  h.writeUInt32LE(CUTOFF, 56);
  h.writeUInt32LE(miniFatStart, 60);
  h.writeUInt32LE(miniFatSectors, 64);
  h.writeUInt32LE(END, 68);
  h.writeUInt32LE(0, 72);
  for (let i = 0; i < 109; i++) h.writeUInt32LE(i < fatSectors ? fatStart + i : FREE, 76 + i * 4);
  return h;
}
