/**
 * One refresh at a time across processes. Box refresh tokens are single use: when the app and
 * `box-companion` on the same home both read the keychain's refresh token and present it, one
 * of them is refused (`invalid_grant`) and shows a false "Reconnect required". Holding
 * `<home>/refresh.lock` around keychain read → refresh → keychain write makes the second one
 * read the token the first one stored instead.
 *
 * It never deadlocks: a holder that died (its pid gone) or that has held the lock longer than
 * any refresh can take is taken over, and waiting is bounded. It is fair: a process that has
 * waited claims the next turn (`refresh.lock.next`), so one that refreshes back to back cannot
 * take the lock again the instant it let go and starve the others, which only look every few
 * milliseconds. Uncontended, nobody waits at all.
 */
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { CodedError } from '../../../common/errors/error-codes';
import {
  holderIsAlive,
  readLockHolder,
  releaseLockFile,
  sameHolder,
  tryAcquireLockFile,
  type LockHolder,
} from '../locks/lock-file';

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
const PROGRAM = 'Box Connect Companion, refreshing the Box sign-in';
const UNKNOWN_HOLDER: LockHolder = {
  pid: 0,
  host: 'unknown',
  program: 'an unknown process',
  startedAt: new Date(0).toISOString(),
};

export class RefreshLockTimeoutError extends CodedError {
  constructor(
    readonly holder: LockHolder,
    waitedMs: number,
  ) {
    super(
      'sign_in_busy',
      `Another process (pid ${holder.pid}, ${holder.program}) has been refreshing this Box sign-in for over ${Math.round(waitedMs / 1000)} s; try again in a moment.`,
    );
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
      }
    },
  };
}

async function acquire(path: string, maxWaitMs: number, staleAfterMs: number): Promise<LockHolder> {
  const started = performance.now();
  const nextPath = `${path}.next`;
  let myTurnClaim: LockHolder | null = null;
  try {
    for (;;) {
      const attempt = isMyTurn(nextPath, myTurnClaim)
        ? tryAcquireLockFile(path, { program: PROGRAM, staleAfterMs })
        : null;
      if (attempt?.acquired) return attempt.holder;
      const waited = performance.now() - started;
      if (waited >= maxWaitMs)
        throw new RefreshLockTimeoutError(
          attempt?.holder ?? readLockHolder(path) ?? readLockHolder(nextPath) ?? UNKNOWN_HOLDER,
          waited,
        );
      if (!myTurnClaim) {
        const claim = tryAcquireLockFile(nextPath, { program: PROGRAM, staleAfterMs });
        if (claim.acquired) myTurnClaim = claim.holder;
      }
      // A refresh is one HTTP round trip: poll often, jittered so waiters do not move in step.
      await delay(POLL_MS + Math.random() * POLL_MS);
    }
  } finally {
    if (myTurnClaim) releaseLockFile(nextPath, myTurnClaim);
  }
}

/** No other live process has claimed the next turn (or we have). */
function isMyTurn(nextPath: string, myClaim: LockHolder | null): boolean {
  const claim = readLockHolder(nextPath);
  return !claim || (myClaim !== null && sameHolder(claim, myClaim)) || !holderIsAlive(claim);
}
