/**
 * One scanner per home (issue 13): while `box-companion scan` runs, a second one on the same
 * home exits 1 within 5 s naming the process that holds the scan (`scan_locked` in --json).
 * The first one's --json summary carries the core's event-loop delay (p99, ms).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectToSandbox, type Connected } from '../../helpers/connected';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const bin = path.join(repoRoot, 'main/cli/bin.mjs');

let connected: Connected;
beforeAll(async () => {
  connected = await connectToSandbox({ files: 1500, users: 10, seed: 61, latencyMs: 5, mix: 'metadata' });
}, 60_000);
afterAll(async () => connected?.cleanup());

interface Scan {
  child: ChildProcess;
  lines: Array<Record<string, unknown>>;
  exited: Promise<number | null>;
  /** Resolves with the first line that satisfies `pred`. */
  line(pred: (l: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
}

function scan(...args: string[]): Scan {
  const child = spawn(process.execPath, [bin, '--home', connected.home, '--json', 'scan', '--no-backfill', ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr!.resume();
  const lines: Array<Record<string, unknown>> = [];
  const waiting: Array<{ pred: (l: Record<string, unknown>) => boolean; resolve(l: Record<string, unknown>): void }> =
    [];
  createInterface({ input: child.stdout! }).on('line', (text) => {
    const l = JSON.parse(text) as Record<string, unknown>;
    lines.push(l);
    for (const w of waiting.filter((x) => x.pred(l))) {
      waiting.splice(waiting.indexOf(w), 1);
      w.resolve(l);
    }
  });
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return {
    child,
    lines,
    exited,
    line: (pred) =>
      new Promise((resolve) => {
        const found = lines.find(pred);
        if (found) resolve(found);
        else waiting.push({ pred, resolve });
      }),
  };
}

describe('two scanners on one home', () => {
  it('turns the second away within 5 s, naming the first; the first reports its event-loop delay', async () => {
    const first = scan();
    await first.line((l) => l.progress !== undefined);
    const started = performance.now();
    const second = scan('--until-idle');
    const code = await second.exited;
    expect(performance.now() - started).toBeLessThan(5000);
    expect(code).toBe(1);
    const error = second.lines.find((l) => l.error)?.error as { code: string; message: string };
    expect(error.code).toBe('scan_locked');
    expect(error.message).toContain(String(first.child.pid));
    expect(error.message).toContain('box-companion scan');

    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);
    const summary = first.lines.at(-1)?.summary as { eventLoopDelayP99Ms: unknown };
    expect(typeof summary.eventLoopDelayP99Ms).toBe('number');
    expect(summary.eventLoopDelayP99Ms as number).toBeGreaterThan(0);
    // Once the first is gone, the home is free again.
    const third = scan('--until-idle');
    expect(await third.exited).toBe(0);
  }, 120_000);
});
