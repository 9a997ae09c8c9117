/**
 * The cross-process refresh lock never deadlocks: a lock left by a process that died is taken
 * over at once, one held far longer than any refresh takes is taken over, and waiting for a
 * live holder is bounded and says who holds it. Real files in a temp home, real pids.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { existsSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { homeRefreshLock, REFRESH_LOCK_FILE, RefreshLockTimeoutError } from '../../../main/core/auth/refresh-lock';
import { readLockHolder } from '../../../main/core/locks/lock-file';
import { makeTempHome } from '../../helpers/temp-home';

const temps: { cleanup(): void }[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));
function home(): string {
  const temp = makeTempHome('bcc-refresh-lock-');
  temps.push(temp);
  return temp.home;
}
const holderJson = (pid: number, startedAt = new Date()) =>
  JSON.stringify({ pid, host: hostname(), program: 'box-companion scan', startedAt: startedAt.toISOString() });

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

  it('is fair: a process taking it back to back does not starve another one', { timeout: 30_000 }, async () => {
    const dir = home();
    // Another process holds the lock 20 ms at a time, taking it again as soon as it lets go.
    const script = `
      import { homeRefreshLock } from './main/core/auth/refresh-lock.ts';
      const lock = homeRefreshLock(${JSON.stringify(dir)});
      process.stdout.write('holding\\n');
      for (;;) await lock.run(() => new Promise((resolve) => setTimeout(resolve, 20)));`;
    const greedy = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      await createInterface({ input: greedy.stdout! })[Symbol.asyncIterator]().next();
      const waits: number[] = [];
      const greedyHolds = async () => {
        const deadline = Date.now() + 5_000;
        while (readLockHolder(join(dir, REFRESH_LOCK_FILE))?.pid !== greedy.pid) {
          if (Date.now() > deadline) throw new Error('the other process never took the lock');
          await new Promise((resolve) => setTimeout(resolve, 1));
        }
      };
      for (let turn = 0; turn < 10; turn++) {
        await greedyHolds(); // each turn starts while the other process holds the lock
        const started = performance.now();
        await homeRefreshLock(dir, { maxWaitMs: 10_000 }).run(async () => undefined);
        waits.push(performance.now() - started);
      }
      // One greedy turn (20 ms) plus a poll or two, not the seconds of a starved waiter.
      console.log(`fair lock: longest wait ${Math.round(Math.max(...waits))} ms`);
      expect(Math.max(...waits)).toBeLessThan(300);
    } finally {
      greedy.kill('SIGKILL');
    }
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
