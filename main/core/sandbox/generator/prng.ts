/**
 * Seeded, allocation-free randomness. Everything in the generated enterprise is a pure function
 * of (seed, stream, index): that is what lets a million files exist without a million objects,
 * and what makes the same seed give byte-identical output.
 */

/** A 32-bit finaliser (lowbias32): good avalanche, two multiplications. */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Independent uint32 for (seed, stream, i, j). Streams keep unrelated choices uncorrelated. */
export function hash(seed: number, stream: number, i: number, j = 0): number {
  let h = mix32((seed >>> 0) ^ 0x9e3779b9);
  h = mix32(h ^ Math.imul(stream + 1, 0x85ebca6b));
  h = mix32(h ^ (i >>> 0));
  h = mix32(h ^ Math.floor(i / 0x100000000) ^ Math.imul(j + 1, 0xc2b2ae35));
  return h;
}

/** Uniform in [0, 1). */
export function unit(h: number): number {
  return h / 0x100000000;
}

/** A small sequential generator (mulberry32) for choices that need several draws. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 0x100000000;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  pick<T>(list: readonly T[]): T {
    const v = list[this.int(list.length)];
    if (v === undefined) throw new Error('pick from empty list');
    return v;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

export function pickBy<T>(list: readonly T[], h: number): T {
  const v = list[h % list.length];
  if (v === undefined) throw new Error('pick from empty list');
  return v;
}

/** Weighted pick; weights are small integers so the table stays readable. */
export function weighted<T>(table: readonly (readonly [T, number])[], u: number): T {
  let total = 0;
  for (const [, w] of table) total += w;
  let x = u * total;
  for (const [v, w] of table) {
    if (x < w) return v;
    x -= w;
  }
  const last = table[table.length - 1];
  if (!last) throw new Error('empty table');
  return last[0];
}

/** Stream ids: one per kind of decision, so adding a decision never reshuffles the others. */
export const S = {
  enterprise: 1,
  user: 2,
  tree: 3,
  fileWeight: 4,
  file: 5,
  fileName: 6,
  fileSize: 7,
  share: 8,
  collab: 9,
  fileCollab: 10,
  content: 11,
  sha: 12,
  event: 13,
  eventTime: 14,
  stream: 15,
  live: 16,
  faults: 17,
  folderName: 18,
  time: 19,
  document: 20,
  docFault: 21,
  duplicate: 22,
  docPart: 23,
} as const;

/** 40 hex characters derived from the seed: stands in for a SHA-1 we cannot afford to compute. */
export function pseudoSha1(seed: number, i: number, version: number): string {
  let out = '';
  for (let j = 0; j < 5; j++)
    out += hash(seed, S.sha, i, version * 5 + j)
      .toString(16)
      .padStart(8, '0');
  return out;
}

/** A v4-shaped UUID derived from the seed (Box event ids look like this). */
export function pseudoUuid(seed: number, stream: number, i: number): string {
  const h = [0, 1, 2, 3].map((j) => hash(seed, stream, i, j).toString(16).padStart(8, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[parseInt(h[16] ?? '0', 16) & 3]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Lowercase alphanumerics of a given length, derived from the seed. */
export function token(seed: number, stream: number, i: number, len: number): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let out = '';
  for (let j = 0; out.length < len; j++) {
    let h = hash(seed, stream, i, j);
    for (let r = 0; r < 5 && out.length < len; r++) {
      out += alphabet[h % 36];
      h = Math.floor(h / 36);
    }
  }
  return out;
}
