/**
 * The request scheduler: every Box call of the scan goes through it.
 * - Paces requests just under the allowed rate (token spacing, no bursts), with a cap on
 *   concurrent requests.
 * - On 429 it honours `retry-after` for EVERYONE (a global pause, so a limit never turns into
 *   a storm of retries), lowers its own rate, then recovers it step by step on success.
 * - On 5xx and network errors it backs off exponentially with full jitter.
 * - Every wait (a free slot, pacing, a pause, a retry's back-off) ends at once when the call's
 *   stop signal fires: Stop and quitting during an outage do not wait out minutes of retries.
 *   Each call may bring its own (`run(kind, attempt, { signal })`), so the scan and an action
 *   run sharing one scheduler (one rate per connection) stop apart: pausing the apply leaves
 *   the scan's waits alone. A call without one takes the default set by `stopWith` (the scan's).
 * We own retries because the SDK's retry strategy ignores `Retry-After` in Node (header-case bug).
 */
import { setTimeout as delay } from 'node:timers/promises';
import { CodedError, type ErrorCode } from '../../../common/errors/error-codes';

export interface SchedulerOptions {
  /** Target requests per second; 0 = no pacing (concurrency only). */
  ratePerSecond: number;
  concurrency: number;
  maxRetries?: number;
  /** Fraction of the limit to aim for (default 0.97: "just under"). */
  headroom?: number;
  random?: () => number;
}

/** `network`: no answer from Box; `malformed`: an answer that is not what Box sends; `rate`: 429; `server`: 5xx. */
export type RetryableCause = 'network' | 'malformed' | 'rate' | 'server';

function codeOfRetryable(status: number, failure: RetryableCause): ErrorCode {
  if (failure === 'network') return 'network';
  return failure === 'rate' || status === 429 ? 'rate_limited' : 'box_unavailable';
}

export interface RunOptions {
  /** Ends this call's waits (AbortError) when it aborts; default: the one set by `stopWith`. */
  signal?: AbortSignal;
}

export class RetryableError extends CodedError {
  readonly failure: RetryableCause;
  constructor(
    message: string,
    readonly status: number,
    readonly retryAfterSeconds: number | null,
    failure?: RetryableCause,
  ) {
    const cause = failure ?? (status === 429 ? 'rate' : status > 0 ? 'server' : 'network');
    super(codeOfRetryable(status, cause), message);
    this.failure = cause;
  }
}

export class RequestScheduler {
  private nextAt = 0;
  private pausedUntil = 0;
  private active = 0;
  private readonly waiters: Array<() => void> = [];
  private rate: number;
  private readonly target: number;
  readonly stats = { total: 0, rateLimited: 0, retries: 0, serverErrors: 0, byKind: {} as Record<string, number> };
  private readonly window: number[] = [];
  private signal: AbortSignal | undefined;

  constructor(private readonly o: SchedulerOptions) {
    this.target = o.ratePerSecond > 0 ? o.ratePerSecond * (o.headroom ?? 0.97) : 0;
    this.rate = this.target;
  }

  /** The default stop (the scan run's): the waits of calls that bring no signal of their own end when it aborts. */
  stopWith(signal: AbortSignal): void {
    this.signal = signal;
  }

  /** Requests sent in the last 5 s, per second. */
  requestsPerSecond(now = Date.now()): number {
    while (this.window.length && (this.window[0] ?? 0) < now - 5000) this.window.shift();
    return this.window.length / 5;
  }

  /**
   * One of the `concurrency` places: taken at once when free, else waited for in line, handed
   * over by the call leaving it (release), so no newcomer slips in between. Leaves the line at
   * once when `signal` aborts.
   */
  private place(signal: AbortSignal | undefined): Promise<void> {
    if (this.active < this.o.concurrency) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const go = () => {
        signal?.removeEventListener('abort', quit);
        resolve();
      };
      const quit = () => {
        this.waiters.splice(this.waiters.indexOf(go), 1);
        reject(signal?.reason as Error);
      };
      this.waiters.push(go);
      signal?.addEventListener('abort', quit, { once: true });
    });
  }

  private async slot(signal: AbortSignal | undefined): Promise<void> {
    signal?.throwIfAborted();
    await this.place(signal);
    try {
      signal?.throwIfAborted();
      for (;;) {
        const now = Date.now();
        const at = Math.max(now, this.pausedUntil, this.rate > 0 ? this.nextAt : 0);
        if (at <= now) break;
        await delay(at - now, undefined, { signal });
      }
    } catch (e) {
      this.release();
      throw e;
    }
    // Timers fire late: keep up to two intervals of credit so lateness is not lost for good
    // (a bucket of 2, far below any Box burst allowance), instead of restarting from now.
    if (this.rate > 0) {
      const interval = 1000 / this.rate;
      this.nextAt = Math.max(this.nextAt, Date.now() - 2 * interval) + interval;
    }
  }

  private release(): void {
    const next = this.waiters.shift();
    if (next)
      next(); // the place passes on: `active` stays
    else this.active--;
  }

  /** Runs `attempt` with pacing and retries; `attempt` throws RetryableError for 429/5xx/network. */
  async run<T>(kind: string, attempt: () => Promise<T>, o: RunOptions = {}): Promise<T> {
    const max = this.o.maxRetries ?? 8;
    const signal = o.signal ?? this.signal;
    for (let n = 0; ; n++) {
      await this.slot(signal);
      this.stats.total++;
      this.stats.byKind[kind] = (this.stats.byKind[kind] ?? 0) + 1;
      this.window.push(Date.now());
      let error: unknown;
      try {
        const value = await attempt();
        this.recover();
        return value;
      } catch (e) {
        error = e;
      } finally {
        this.release();
      }
      if (!(error instanceof RetryableError) || n >= max) throw error;
      this.stats.retries++;
      const jitter = 0.5 + (this.o.random ?? Math.random)() * 0.5;
      if (error.status === 429) {
        this.stats.rateLimited++;
        // Slow down for good, and make everyone wait out retry-after (plus jitter).
        if (this.rate > 0) this.rate = Math.max(1, this.rate * 0.85);
        const wait = (error.retryAfterSeconds ?? 2 ** Math.min(n, 5)) * 1000 * (1 + jitter * 0.2);
        this.pausedUntil = Math.max(this.pausedUntil, Date.now() + wait);
      } else {
        this.stats.serverErrors++;
        const wait = Math.min(30_000, 250 * 2 ** n) * jitter;
        await delay(error.retryAfterSeconds !== null ? error.retryAfterSeconds * 1000 : wait, undefined, { signal });
      }
    }
  }

  private recover(): void {
    if (this.rate > 0 && this.rate < this.target) this.rate = Math.min(this.target, this.rate + this.target * 0.01);
  }
}
