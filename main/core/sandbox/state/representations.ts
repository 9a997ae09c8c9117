/**
 * Where each file version's extracted_text representation is in Box's generation:
 * `none` until someone requests its info URL, then `pending`, then ready (`success`, or `error`
 * when Box cannot extract the text). Most versions are ready at the next look; a seeded few stay
 * pending for some seconds of sandbox time, as Box's queue does under load. Only versions whose
 * generation was asked for are stored.
 */
import { hash, unit } from '../generator/prng';

export type RepresentationPhase = 'none' | 'pending' | 'ready';

/** A stream of its own so these draws stay uncorrelated with the generator's. */
const STREAM = 0x7e7;
const SLOW_SHARE = 0.05;
const SLOW_MIN_MS = 3_000;
const SLOW_SPREAD_MS = 5_000;

export class RepresentationStates {
  /** `${file index}:${version}` → when it becomes ready (sandbox time). */
  private readonly readyAt = new Map<string, number>();

  phase(k: number, version: number, now: number): RepresentationPhase {
    const at = this.readyAt.get(`${k}:${version}`);
    if (at === undefined) return 'none';
    return now >= at ? 'ready' : 'pending';
  }

  /**
   * The info URL was requested: generation starts (once per version). The request that starts
   * it sees `pending`; the caller polls as Box's own viewer does.
   */
  request(seed: number, k: number, version: number, now: number): RepresentationPhase {
    const key = `${k}:${version}`;
    if (!this.readyAt.has(key)) {
      this.readyAt.set(key, now + generationDelayMs(seed, k, version));
      return 'pending';
    }
    return this.phase(k, version, now);
  }
}

/** 0 for most versions (ready at the next look); a few seconds for a seeded ~5%. */
export function generationDelayMs(seed: number, k: number, version: number): number {
  if (unit(hash(seed, STREAM, k, version * 2)) >= SLOW_SHARE) return 0;
  return SLOW_MIN_MS + (hash(seed, STREAM, k, version * 2 + 1) % SLOW_SPREAD_MS);
}
