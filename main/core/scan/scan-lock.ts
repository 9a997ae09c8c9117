/**
 * STUB (W2b), replaced at merge by engineer W3's scan-lock.ts with this exact signature: one
 * scanner per home. This stub takes an exclusive lock file <home>/scan.lock holding the
 * holder's pid and purpose, and treats a lock whose process is gone as free.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export class ScanLockedError extends Error {
  constructor(readonly holder: { pid: number; purpose: string }) {
    super(`Another scan is running on this home: process ${holder.pid} (${holder.purpose}). Stop it first, or wait for it to finish.`);
    this.name = 'ScanLockedError';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireScanLock(home: string, o: { purpose: string }): { release(): void } {
  const path = join(home, 'scan.lock');
  for (let tries = 0; tries < 2; tries++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, JSON.stringify({ pid: process.pid, purpose: o.purpose }));
      closeSync(fd);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          rmSync(path, { force: true });
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let holder: { pid: number; purpose: string } = { pid: 0, purpose: 'unknown' };
      try {
        holder = JSON.parse(readFileSync(path, 'utf8')) as typeof holder;
      } catch {
        /* a lock being written: treat as held */
      }
      if (holder.pid > 0 && holder.pid !== process.pid && alive(holder.pid)) throw new ScanLockedError(holder);
      if (holder.pid === process.pid) throw new ScanLockedError(holder);
      rmSync(path, { force: true }); // its process is gone
    }
  }
  throw new ScanLockedError({ pid: 0, purpose: 'unknown' });
}
