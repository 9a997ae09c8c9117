/**
 * The cross-process refresh lock never deadlocks: a lock left by a process that died is taken
 * over at once, one held far longer than any refresh takes is taken over, and waiting for a
 * live holder is bounded and says who holds it. Real files in a temp home, real pids.
 */
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { homeRefreshLock, REFRESH_LOCK_FILE, RefreshLockTimeoutError } from '../../../main/core/auth/refresh-lock';
import { makeTempHome } from '../../helpers/temp-home';

const temps: { cleanup(): void }[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));
function home(): string {
  const temp = makeTempHome('bcc-refresh-lock-');
  temps.push(temp);
  return temp.home;
}
const holderJson = (pid: number, startedAt = new Date()) => JSON.stringify({ pid, host: hostname(), program: 'box-companion scan', startedAt: startedAt.toISOString() });

/** A pid that was alive a moment ago and is dead now. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

describe('refresh lock', () => {
  it('takes over a lock whose holder died, and removes it afterwards', async () => {
    const dir = home();
    writeFileSync(join(dir, REFRESH_LOCK_FILE), holderJson(await deadPid()));
    const started = performance.now();
    expect(await homeRefreshLock(dir).run(async () => 'refreshed')).toBe('refreshed');
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(existsSync(join(dir, REFRESH_LOCK_FILE))).toBe(false);
  });

  it('takes over a lock held longer than any refresh can take, even by a live pid', async () => {
    const dir = home();
    writeFileSync(join(dir, REFRESH_LOCK_FILE), holderJson(process.ppid, new Date(Date.now() - 10 * 60_000)));
    expect(await homeRefreshLock(dir, { maxWaitMs: 5_000 }).run(async () => 'refreshed')).toBe('refreshed');
  });

  it('waits a bounded time for a live holder, then says which process holds it', async () => {
    const dir = home();
    writeFileSync(join(dir, REFRESH_LOCK_FILE), holderJson(process.ppid));
    const started = performance.now();
    const waited = homeRefreshLock(dir, { maxWaitMs: 300 }).run(async () => 'never');
    await expect(waited).rejects.toBeInstanceOf(RefreshLockTimeoutError);
    await expect(waited).rejects.toThrow(`pid ${process.ppid}`);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('runs the work of two callers one after the other, never together', async () => {
    const dir = home();
    let inside = 0;
    let most = 0;
    const work = async () => {
      most = Math.max(most, ++inside);
      await new Promise((resolve) => setImmediate(resolve));
      inside--;
    };
    await Promise.all(Array.from({ length: 5 }, () => homeRefreshLock(dir).run(work)));
    expect(most).toBe(1);
  });
});
