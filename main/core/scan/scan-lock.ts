/**
 * One scan per home: the app and `box-companion scan` must never scan the same `scan.sqlite` at
 * once. The lock is `<home>/scan.lock` (see ../locks/lock-file.ts), holding who scans:
 * {pid, host, program, startedAt}. A lock left by a process that died is taken over; ours is
 * removed on release and when the process exits.
 */
import { join } from 'node:path';
import { CodedError } from '../../../common/errors/error-codes';
import { releaseLockFile, tryAcquireLockFile, type LockHolder } from '../locks/lock-file';

export type { LockHolder } from '../locks/lock-file';

export const SCAN_LOCK_FILE = 'scan.lock';

export interface ScanLock {
  readonly path: string;
  readonly holder: LockHolder;
  /** Removes the lock if it is still ours; safe to call more than once. */
  release(): void;
}

export class ScanLockedError extends CodedError {
  constructor(readonly holder: LockHolder) {
    super('scan_locked', `a scan is already running on this home: ${describeHolder(holder)}; stop it or wait`);
    this.name = 'ScanLockedError';
  }
}

export interface ScanLockOptions {
  /** Who scans, as the other process's user will read it: "box-companion scan", "Box Connect Companion". */
  purpose: string;
  now?: () => number;
}

/** Takes the home's scan lock, or throws ScanLockedError naming the process that holds it. */
export function acquireScanLock(home: string, options: ScanLockOptions): ScanLock {
  const path = join(home, SCAN_LOCK_FILE);
  const attempt = tryAcquireLockFile(path, { program: options.purpose, now: options.now });
  if (!attempt.acquired) throw new ScanLockedError(attempt.holder);
  const holder = attempt.holder;
  // 'exit' runs for process.exit() and a normal end; a kill leaves a dead pid, taken over next time.
  const onExit = () => releaseLockFile(path, holder);
  process.once('exit', onExit);
  let released = false;
  return {
    path,
    holder,
    release() {
      if (released) return;
      released = true;
      process.off('exit', onExit);
      releaseLockFile(path, holder);
    },
  };
}

/** "box-companion scan, pid 1234 on host X since 10:42" (the date too when not today). */
export function describeHolder(holder: LockHolder, now: Date = new Date()): string {
  const started = new Date(holder.startedAt);
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = `${pad(started.getHours())}:${pad(started.getMinutes())}`;
  const sameDay = started.toDateString() === now.toDateString();
  const when = Number.isNaN(started.getTime())
    ? 'an unknown time'
    : sameDay
      ? time
      : `${started.getFullYear()}-${pad(started.getMonth() + 1)}-${pad(started.getDate())} ${time}`;
  return `${holder.program}, pid ${holder.pid} on host ${holder.host} since ${when}`;
}
