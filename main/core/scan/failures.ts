/**
 * What a failed Box call means for the scan. Only what Box says about the item itself
 * (403, 404, 413, and an item that keeps failing while everything else works) may end an
 * item; a lost sign-in pauses the whole scan until the user reconnects, and an outage (network
 * down, or Box answering 5xx to everyone) backs off and resumes by itself without using up any
 * item's attempts.
 */
import { ReconnectRequiredError } from '../auth/token-session';
import { BoxApiError } from './box-api';
import { RetryableError } from './scheduler';

/**
 * - `reconnect`: the sign-in is gone (401, or the refresh token refused): pause everything.
 * - `final`: Box says the item is out of reach (403, 404, 413): the item ends now.
 * - `item`: an answer about the item that may not last (5xx, a malformed answer, another 4xx):
 *   counts as one attempt while other requests succeed.
 * - `outage`: no answer at all (network), or Box's rate limit (429: about the caller, never
 *   the item): never counts against the item.
 * - `internal`: our own failure (SQLite busy, a bug): back off, count nothing.
 */
export type FailureKind = 'reconnect' | 'final' | 'item' | 'outage' | 'internal';

export function classifyFailure(e: unknown): FailureKind {
  if (e instanceof ReconnectRequiredError) return 'reconnect';
  if (e instanceof BoxApiError) {
    if (e.status === 401) return 'reconnect';
    if (e.status === 403 || e.status === 404 || e.status === 413) return 'final';
    return 'item';
  }
  if (e instanceof RetryableError) return e.failure === 'network' || e.failure === 'rate' ? 'outage' : 'item';
  return 'internal';
}

/** Attempts an item gets (after the scheduler's own retries) before it is given up. */
export const MAX_ATTEMPTS = 5;

// The one message scrubber lives with the store, which applies it to every reason it keeps.
export { errorMessage, sanitiseMessage } from './store/redact';

/**
 * Outage detection shared by every work slot and the live poller. The scan is "down" after
 * `threshold` consecutive failures with no success between them, when they are all no-answer
 * failures, or when they span at least two items (Box answering 5xx to everyone). One item
 * failing alone while nothing else is tried is about that item, so it still uses up its
 * attempts. While down, failures count against no item, and every slot waits the same growing
 * delay (capped) before trying again; one success ends it.
 */
export class OutageDetector {
  private consecutive = 0;
  private allNoAnswer = true;
  private readonly items = new Set<string>();
  private backoffs = 0;
  private roundEnds = 0;

  constructor(
    private readonly threshold = 3,
    private readonly maxDelayMs = 30_000,
  ) {}

  /** A request succeeded; returns whether that ended an outage. */
  succeeded(): boolean {
    const wasDown = this.down;
    this.consecutive = 0;
    this.allNoAnswer = true;
    this.items.clear();
    this.backoffs = 0;
    this.roundEnds = 0;
    return wasDown;
  }

  /** Records a failure of the item `key`; returns whether the scan is now in an outage. */
  failed(kind: FailureKind, key: string): boolean {
    if (kind !== 'outage' && kind !== 'item') return this.down;
    this.consecutive++;
    if (kind !== 'outage') this.allNoAnswer = false;
    if (this.items.size < 2) this.items.add(key);
    return this.down;
  }

  get down(): boolean {
    return this.consecutive >= this.threshold && (this.allNoAnswer || this.items.size >= 2);
  }

  /**
   * The delay before the next try, the same for every slot: each round of back-off is twice
   * the last (capped); slots failing during a round wait for its end, not a longer one.
   */
  nextDelayMs(now = Date.now()): number {
    if (now < this.roundEnds) return this.roundEnds - now;
    this.backoffs++;
    const delay = Math.min(this.maxDelayMs, 250 * 2 ** Math.min(this.backoffs, 7));
    this.roundEnds = now + delay;
    return delay;
  }
}
