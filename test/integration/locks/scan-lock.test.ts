/**
 * One scan per home (issue 13): the app and `box-companion scan` must never scan the same
 * scan.sqlite at once. Real OS processes take `<home>/scan.lock`; a second one is refused at
 * once with who holds it; a dead holder's lock is taken over; exiting releases it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { processStartOf } from '../../../main/core/locks/lock-file';
import { acquireScanLock, describeHolder, ScanLockedError, SCAN_LOCK_FILE } from '../../../main/core/scan/scan-lock';
import { makeTempHome } from '../../helpers/temp-home';

interface Holder {
  child: ChildProcess;
  next(): Promise<Record<string, unknown>>;
  send(line: string): void;
  exited: Promise<number | null>;
}

const homes: { cleanup(): void }[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const home of homes.splice(0)) home.cleanup();
});

function newHome(): string {
  const temp = makeTempHome('bcc-lock-');
  homes.push(temp);
  return temp.home;
}

function holder(home: string, purpose: string, ...flags: string[]): Holder {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/integration/locks/fixtures/scan-lock-holder.ts', home, purpose, ...flags],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  children.push(child);
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  return {
    child,
    next: async () => {
      const { value, done } = await lines.next();
      if (done) throw new Error('the lock holder exited without answering');
      return JSON.parse(value as string) as Record<string, unknown>;
    },
    send: (line) => child.stdin!.write(`${line}\n`),
    exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))),
  };
}

const lockPath = (home: string) => join(home, SCAN_LOCK_FILE);

describe('scan lock', () => {
  it('a second scanner on the same home is refused within 5 s, told which process holds the scan', async () => {
    const home = newHome();
    const first = holder(home, 'box-companion scan');
    const locked = (await first.next()).locked as { pid: number };
    expect(locked.pid).toBe(first.child.pid);

    const started = performance.now();
    const second = holder(home, 'Box Connect Companion');
    const answer = await second.next();
    expect(await second.exited).toBe(1);
    expect(performance.now() - started).toBeLessThan(5_000);
    const since = new Date((answer.holder as { startedAt: string }).startedAt);
    const hhmm = `${String(since.getHours()).padStart(2, '0')}:${String(since.getMinutes()).padStart(2, '0')}`;
    expect(answer.refused).toBe(
      `a scan is already running on this home: box-companion scan, pid ${first.child.pid} on host ${hostname()} since ${hhmm}; stop it or wait`,
    );
    // The holder is untouched by the refusal.
    expect(JSON.parse(readFileSync(lockPath(home), 'utf8'))).toMatchObject({ pid: first.child.pid });
  });

  it('holds only who scans, no secrets: pid, host, program, start time, and which process the pid is', async () => {
    const home = newHome();
    const first = holder(home, 'box-companion scan');
    await first.next();
    const content = JSON.parse(readFileSync(lockPath(home), 'utf8')) as Record<string, unknown>;
    const identity = processStartOf(first.child.pid!);
    expect(Object.keys(content).sort()).toEqual(
      ['host', 'pid', 'processStart', 'program', 'startedAt'].filter((k) => k !== 'processStart' || identity !== null),
    );
    expect(content).toMatchObject({ pid: first.child.pid, host: hostname(), program: 'box-companion scan' });
    if (identity !== null) expect(content.processStart).toBe(identity);
    expect(Number.isNaN(Date.parse(content.startedAt as string))).toBe(false);
  });

  it('after release, or when the holder exits, the next scanner gets it', async () => {
    const home = newHome();
    const first = holder(home, 'box-companion scan');
    await first.next();
    first.send('release');
    expect(await first.next()).toEqual({ released: true });
    expect(existsSync(lockPath(home))).toBe(false);

    const second = holder(home, 'box-companion scan');
    expect((await second.next()).locked).toBeDefined();
    second.send('exit'); // process.exit() without release(): the exit handler removes the lock
    expect(await second.exited).toBe(0);
    expect(existsSync(lockPath(home))).toBe(false);
  });

  it('a lock left by a killed process is taken over', async () => {
    const home = newHome();
    const first = holder(home, 'box-companion scan');
    await first.next();
    first.child.kill('SIGKILL');
    await first.exited;
    expect(JSON.parse(readFileSync(lockPath(home), 'utf8'))).toMatchObject({ pid: first.child.pid });

    const lock = acquireScanLock(home, { purpose: 'Box Connect Companion' });
    try {
      expect(JSON.parse(readFileSync(lockPath(home), 'utf8'))).toMatchObject({
        pid: process.pid,
        program: 'Box Connect Companion',
      });
    } finally {
      lock.release();
    }
    expect(existsSync(lockPath(home))).toBe(false);
  });

  const linuxOnly =
    processStartOf(process.pid) === null
      ? " (skipped: this OS does not tell a process's start time; the pid alone is checked)"
      : '';
  it.skipIf(linuxOnly !== '')(
    `a lock whose pid now belongs to another process (a reboot, pid reuse) is taken over${linuxOnly}`,
    () => {
      const home = newHome();
      // A scan from before a reboot: its pid is alive again now, as this very test process.
      writeFileSync(
        lockPath(home),
        JSON.stringify({
          pid: process.pid,
          host: hostname(),
          program: 'box-companion scan',
          startedAt: new Date().toISOString(),
          processStart: 'a-boot-before:12345',
        }),
      );
      const lock = acquireScanLock(home, { purpose: 'Box Connect Companion' });
      try {
        expect(JSON.parse(readFileSync(lockPath(home), 'utf8'))).toMatchObject({
          pid: process.pid,
          program: 'Box Connect Companion',
          processStart: processStartOf(process.pid),
        });
      } finally {
        lock.release();
      }
    },
  );

  it('six processes racing for a dead holder’s lock: exactly one gets it', { timeout: 60_000 }, async () => {
    const home = newHome();
    // A holder that died: a pid no process has on this host (beyond Linux's pid_max).
    writeFileSync(
      lockPath(home),
      JSON.stringify({
        pid: 2 ** 22 + 1,
        host: hostname(),
        program: 'box-companion scan',
        startedAt: new Date().toISOString(),
      }),
    );
    const racers = Array.from({ length: 6 }, () => holder(home, 'box-companion scan', '--wait-go'));
    for (const racer of racers) expect(await racer.next()).toEqual({ ready: true });
    for (const racer of racers) racer.send('go');
    const answers = await Promise.all(racers.map((racer) => racer.next()));
    const winners = answers.filter((answer) => answer.locked);
    expect(winners).toHaveLength(1);
    const winnerPid = (winners[0]!.locked as { pid: number }).pid;
    for (const answer of answers.filter((a) => a.refused))
      expect((answer.holder as { pid: number }).pid).toBe(winnerPid);
    expect(JSON.parse(readFileSync(lockPath(home), 'utf8'))).toMatchObject({ pid: winnerPid });
  });

  it('a damaged lock file is left alone for a moment (it may be being written), then taken over', () => {
    const home = newHome();
    writeFileSync(lockPath(home), '{"pid": 12');
    expect(() => acquireScanLock(home, { purpose: 'box-companion scan' })).toThrow(ScanLockedError);
    const aMinuteAgo = new Date(Date.now() - 60_000);
    utimesSync(lockPath(home), aMinuteAgo, aMinuteAgo);
    const lock = acquireScanLock(home, { purpose: 'box-companion scan' });
    expect(JSON.parse(readFileSync(lockPath(home), 'utf8'))).toMatchObject({ pid: process.pid });
    lock.release();
  });

  it('release removes the lock only while it is still ours', () => {
    const home = newHome();
    const lock = acquireScanLock(home, { purpose: 'box-companion scan' });
    expect(() => acquireScanLock(home, { purpose: 'box-companion scan' })).toThrow(ScanLockedError);
    // Someone else's lock now sits at the path (ours was taken over as stale, say).
    const theirs = { pid: 1, host: hostname(), program: 'Box Connect Companion', startedAt: new Date().toISOString() };
    writeFileSync(lockPath(home), JSON.stringify(theirs));
    lock.release();
    expect(JSON.parse(readFileSync(lockPath(home), 'utf8'))).toEqual(theirs);
  });

  it('describeHolder names the program, pid, host and start time (with the date when not today)', () => {
    const startedAt = new Date(2026, 11, 3, 10, 42).toISOString();
    const holderInfo = { pid: 1234, host: 'X', program: 'box-companion scan', startedAt };
    expect(describeHolder(holderInfo, new Date(2026, 11, 3, 18, 0))).toBe(
      'box-companion scan, pid 1234 on host X since 10:42',
    );
    expect(describeHolder(holderInfo, new Date(2026, 11, 4, 9, 0))).toBe(
      'box-companion scan, pid 1234 on host X since 2026-12-03 10:42',
    );
  });
});
