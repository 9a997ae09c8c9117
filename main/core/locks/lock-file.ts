/**
 * A lock held by one process at a time through a file, for processes sharing one app home (the
 * desktop app and `box-companion` on the same home). Plain Node, no daemon.
 *
 * - The file appears whole or not at all: the holder's JSON is written to a private file that
 *   is then hard-linked to the lock's name, which fails when the lock already exists (like
 *   O_EXCL, without a window where another process reads an empty file).
 * - A lock left by a dead process is taken over: its pid is gone on this host, or the pid now
 *   belongs to another process (a reboot, or pid reuse): the holder records its process's start
 *   (boot id and start time, where the OS tells them) and it must still match. The takeover itself
 *   is guarded by a short-lived second lock, so two processes that both saw the dead holder
 *   cannot both remove it and each believe they hold a fresh one.
 * - Release removes the file only if it is still ours (another process may have taken over a
 *   lock we held too long).
 * Nothing secret goes in the file: pid, host, program, start time and the process's start only.
 */
import { randomBytes } from 'node:crypto';
import { linkSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';

export interface LockHolder {
  pid: number;
  host: string;
  /** What holds it, in words a user recognises: "box-companion scan", "Box Connect Companion". */
  program: string;
  /** ISO time the lock was taken. */
  startedAt: string;
  /** Which process had `pid` ("<boot id>:<start time in ticks>", Linux); absent where the OS does not say. */
  processStart?: string;
}

export type LockAttempt = { acquired: true; holder: LockHolder } | { acquired: false; holder: LockHolder };

export interface AcquireOptions {
  program: string;
  /** A holder older than this is taken over even when its pid looks alive (pid reuse, another host). */
  staleAfterMs?: number;
  now?: () => number;
}

/** A takeover guard older than this was left by a process that died mid-takeover. */
const TAKEOVER_GUARD_STALE_MS = 10_000;
/** The pid of an unreadable lock file's "holder"; such a file counts as stale once this old. */
const UNREADABLE_PID = -1;
const UNREADABLE_GRACE_MS = 5_000;

export function ownHolder(program: string, now: () => number = Date.now): LockHolder {
  const processStart = processStartOf(process.pid);
  return {
    pid: process.pid,
    host: hostname(),
    program,
    startedAt: new Date(now()).toISOString(),
    ...(processStart ? { processStart } : {}),
  };
}

/**
 * Which process has `pid` now, beyond the pid: the boot and the process's start time since
 * boot (/proc/<pid>/stat field 22). Null where there is no /proc (macOS, Windows: the pid alone
 * is checked there) or no such process.
 */
export function processStartOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and ')': count fields after its last ')'.
    const startTicks = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    return startTicks ? `${boot}:${startTicks}` : null;
  } catch {
    return null;
  }
}

/** One attempt, never waits: the lock is ours, or here is who holds it. */
export function tryAcquireLockFile(path: string, options: AcquireOptions): LockAttempt {
  const now = options.now ?? Date.now;
  const mine = ownHolder(options.program, now);
  // A few rounds: the holder may release or die between our steps.
  for (let round = 0; round < 5; round++) {
    if (createExclusive(path, mine)) return { acquired: true, holder: mine };
    const current = readLockHolder(path);
    if (!current) continue; // released meanwhile, or torn down by a takeover: try again
    if (!isStale(current, options.staleAfterMs, now)) return { acquired: false, holder: current };
    if (takeOver(path, current, mine)) return { acquired: true, holder: mine };
  }
  const holder = readLockHolder(path);
  return holder
    ? { acquired: false, holder }
    : {
        acquired: false,
        holder: { pid: 0, host: hostname(), program: 'an unknown process', startedAt: new Date(now()).toISOString() },
      };
}

/** Removes the lock if it is still the one `holder` took. */
export function releaseLockFile(path: string, holder: LockHolder): void {
  const current = readLockHolder(path);
  if (current && sameHolder(current, holder)) removeQuietly(path);
}

/** The lock's holder; null when there is no lock file; an "unreadable" holder when it is not JSON. */
export function readLockHolder(path: string): LockHolder | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = JSON.parse(text) as Partial<LockHolder>;
    if (
      typeof parsed.pid !== 'number' ||
      typeof parsed.host !== 'string' ||
      typeof parsed.program !== 'string' ||
      typeof parsed.startedAt !== 'string'
    )
      return corrupt(path);
    const holder: LockHolder = {
      pid: parsed.pid,
      host: parsed.host,
      program: parsed.program,
      startedAt: parsed.startedAt,
    };
    if (typeof parsed.processStart === 'string') holder.processStart = parsed.processStart;
    return holder;
  } catch {
    return corrupt(path);
  }
}

/** Whether the process that took the lock is still running (as far as this host can tell). */
export function holderIsAlive(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true; // another machine on a shared home: cannot tell, assume so
  if (holder.pid <= 0) return false;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to someone else; it may still hold the lock.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  // The pid runs, but is it the holder's process? After a reboot or pid reuse it is another one.
  if (holder.processStart === undefined) return true;
  const now = processStartOf(holder.pid);
  return now === null || now === holder.processStart;
}

function isStale(holder: LockHolder, staleAfterMs: number | undefined, now: () => number): boolean {
  // An unreadable file may be one being written (the plain O_EXCL path below): give it a moment.
  if (holder.pid === UNREADABLE_PID) return Date.now() - Date.parse(holder.startedAt) > UNREADABLE_GRACE_MS;
  if (!holderIsAlive(holder)) return true;
  if (staleAfterMs === undefined) return false;
  const age = now() - Date.parse(holder.startedAt);
  return Number.isFinite(age) && age > staleAfterMs;
}

function createExclusive(path: string, holder: LockHolder): boolean {
  const draft = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(draft, `${JSON.stringify(holder)}\n`, { flag: 'wx', mode: 0o600 });
  try {
    linkSync(draft, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // Some file systems (FAT, some network shares) have no hard links: plain O_EXCL instead.
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'ENOSYS')
      return createWithExclusiveFlag(path, holder);
    throw error;
  } finally {
    removeQuietly(draft);
  }
}

function createWithExclusiveFlag(path: string, holder: LockHolder): boolean {
  try {
    writeFileSync(path, `${JSON.stringify(holder)}\n`, { flag: 'wx', mode: 0o600 });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** Replaces a stale holder's lock with ours, unless someone else got there first. */
function takeOver(path: string, stale: LockHolder, mine: LockHolder): boolean {
  const guard = `${path}.takeover`;
  if (!createExclusive(guard, mine)) {
    if (ageMs(guard) > TAKEOVER_GUARD_STALE_MS) removeQuietly(guard);
    return false;
  }
  try {
    const current = readLockHolder(path);
    if (current && !sameHolder(current, stale)) return false; // someone took it over already
    removeQuietly(path);
    return createExclusive(path, mine);
  } finally {
    removeQuietly(guard);
  }
}

/** A lock file that is not a holder's JSON: damaged, or still being written. */
function corrupt(path: string): LockHolder {
  return {
    pid: UNREADABLE_PID,
    host: hostname(),
    program: `an unreadable lock file (${path})`,
    startedAt: new Date(Date.now() - ageMs(path)).toISOString(),
  };
}

/** The same taking of a lock (same process, same moment), not just the same pid. */
export function sameHolder(a: LockHolder, b: LockHolder): boolean {
  return a.pid === b.pid && a.host === b.host && a.startedAt === b.startedAt && a.program === b.program;
}

function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}
