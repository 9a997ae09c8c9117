/**
 * Rate limits and faults for /2.0. Rate limits are a token bucket per signed-in user (Box counts
 * per user; with As-User the token owner is charged, the stricter reading). Faults are drawn from
 * a seeded sequence so a failing run can be replayed.
 */
import type { World } from '../state/world';
import { Rng, hash, S } from '../generator/prng';

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimiter {
  private readonly buckets = new Map<number, Bucket>();
  constructor(private readonly w: World) {}

  /** Seconds to wait, or 0 when the request may go. */
  take(user: number): number {
    const rate = this.w.rateLimitPerSecond;
    if (!(rate > 0)) return 0;
    const now = this.w.now();
    const capacity = Math.max(1, rate);
    const b = this.buckets.get(user) ?? { tokens: capacity, at: now };
    b.tokens = Math.min(capacity, b.tokens + ((now - b.at) / 1000) * rate);
    b.at = now;
    this.buckets.set(user, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - b.tokens) / rate));
  }

  reset(): void {
    this.buckets.clear();
  }
}

export type Fault = 'none' | 'drop' | 'error' | 'malformed';

export class FaultInjector {
  private readonly rng: Rng;
  constructor(private readonly w: World) {
    this.rng = new Rng(hash(w.ent.seed, S.faults, 0));
  }

  draw(): Fault {
    const f = this.w.faults;
    if (!(f.dropRate > 0 || f.errorRate > 0 || f.malformedRate > 0)) return 'none';
    const u = this.rng.next();
    if (u < f.dropRate) return 'drop';
    if (u < f.dropRate + f.errorRate) return 'error';
    if (u < f.dropRate + f.errorRate + f.malformedRate) return 'malformed';
    return 'none';
  }

  errorStatus(): [number, string, string] {
    return this.rng.pick([
      [500, 'internal_server_error', 'Internal Server Error'],
      [502, 'bad_gateway', 'Bad Gateway'],
      [503, 'unavailable', 'Unavailable'],
    ] as const) as [number, string, string];
  }
}

/** An item made to fail forever through the control API. */
export interface FailingItem {
  type: 'folder' | 'file';
  id: string;
}

/** /2.0/folders/:id… and /2.0/files/:id… are about that item (listing, info, collaborations, content). */
const ITEM_PATH = /^\/2\.0\/(folders|files)\/([^/]+)/;

/**
 * Faults set by hand (POST /_sandbox/outage, /_sandbox/faults) rather than drawn: a network
 * outage for N seconds of real time (every request's socket is destroyed, as when the network
 * goes), and items that answer 500 to every request about them until cleared.
 */
export class ManualFaults {
  private outageUntil = 0;
  private readonly failing = new Map<string, FailingItem>();

  /** Drops every request for `seconds` from now; 0 ends an outage. */
  startOutage(seconds: number): void {
    this.outageUntil = seconds > 0 ? Date.now() + seconds * 1000 : 0;
  }

  inOutage(): boolean {
    return Date.now() < this.outageUntil;
  }

  outageEndsAt(): string | null {
    return this.inOutage() ? new Date(this.outageUntil).toISOString() : null;
  }

  setFailingItems(items: FailingItem[]): void {
    this.failing.clear();
    for (const it of items) this.failing.set(`${it.type}:${it.id}`, it);
  }

  failingItems(): FailingItem[] {
    return [...this.failing.values()];
  }

  /** Whether a /2.0 request path is about an item made to fail. */
  failsForever(path: string): boolean {
    const m = ITEM_PATH.exec(path);
    return m !== null && this.failing.has(`${m[1] === 'folders' ? 'folder' : 'file'}:${m[2]}`);
  }
}
