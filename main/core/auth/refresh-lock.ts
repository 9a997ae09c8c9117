/**
 * One refresh at a time across processes. Box refresh tokens are single use: when the app and
 * `box-companion` on the same home both read the keychain's refresh token and present it, one
 * of them is refused (`invalid_grant`) and shows a false "Reconnect required". Holding
 * `<home>/refresh.lock` around keychain read → refresh → keychain write makes the second one
 * read the token the first one stored instead.
 *
 * It never deadlocks: a holder that died (its pid gone) or that has held the lock longer than
 * any refresh can take is taken over, and waiting is bounded.
 */
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { releaseLockFile, tryAcquireLockFile, type LockHolder } from '../locks/lock-file';

export interface RefreshLock {
  /** Runs `work` while no other process refreshes this connection. */
  run<T>(work: () => Promise<T>): Promise<T>;
}

/** Within one process TokenSession already shares one refresh: nothing more to hold. */
export const IN_PROCESS_ONLY: RefreshLock = { run: (work) => work() };

export const REFRESH_LOCK_FILE = 'refresh.lock';

/** Longer than a token request may take (30 s timeout) plus the keychain write. */
const STALE_AFTER_MS = 45_000;
const MAX_WAIT_MS = 60_000;
const POLL_MS = 15;
/** When this process released a lock, per path: see `acquire`. */
const releasedAt = new Map<string, number>();

export class RefreshLockTimeoutError extends Error {
  constructor(readonly holder: LockHolder, waitedMs: number) {
    super(`Another process (pid ${holder.pid}, ${holder.program}) has been refreshing this Box sign-in for over ${Math.round(waitedMs / 1000)} s; try again in a moment.`);
    this.name = 'RefreshLockTimeoutError';
  }
}

export interface HomeRefreshLockOptions {
  maxWaitMs?: number;
  staleAfterMs?: number;
}

/** The lock for the connection of one app home. */
export function homeRefreshLock(home: string, options: HomeRefreshLockOptions = {}): RefreshLock {
  const path = join(home, REFRESH_LOCK_FILE);
  const maxWaitMs = options.maxWaitMs ?? MAX_WAIT_MS;
  const staleAfterMs = options.staleAfterMs ?? STALE_AFTER_MS;
  return {
    async run(work) {
      const holder = await acquire(path, maxWaitMs, staleAfterMs);
      try {
        return await work();
      } finally {
        releaseLockFile(path, holder);
        releasedAt.set(path, performance.now());
      }
    },
  };
}

async function acquire(path: string, maxWaitMs: number, staleAfterMs: number): Promise<LockHolder> {
  const started = performance.now();
  // Taking the lock again the instant we released it would starve other processes, which
  // only look every POLL_MS: leave them one round first.
  const sinceRelease = started - (releasedAt.get(path) ?? -Infinity);
  if (sinceRelease < 2 * POLL_MS) await delay(2 * POLL_MS - sinceRelease);
  for (;;) {
    const attempt = tryAcquireLockFile(path, { program: 'Box Connect Companion, refreshing the Box sign-in', staleAfterMs });
    if (attempt.acquired) return attempt.holder;
    const waited = performance.now() - started;
    if (waited >= maxWaitMs) throw new RefreshLockTimeoutError(attempt.holder, waited);
    // A refresh is one HTTP round trip: poll often, jittered so waiters do not move in step.
    await delay(POLL_MS + Math.random() * POLL_MS);
  }
}
