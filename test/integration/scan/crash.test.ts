/**
 * Acceptance 8 and the CLI: `box-companion scan --until-idle --json` is SIGKILLed at random
 * moments 5 times; after each restart it carries on, and at the end every file of the sandbox
 * is accounted for and no finished file was scanned twice. Then `findings` exports it.
 */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectToSandbox, type Connected } from '../../helpers/connected';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const bin = path.join(repoRoot, 'main/cli/bin.mjs');

let connected: Connected;
beforeAll(async () => {
  connected = await connectToSandbox({ files: 3000, users: 20, seed: 21, mix: 'metadata' });
}, 60_000);
afterAll(async () => connected?.cleanup());

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  lines: Array<Record<string, unknown>>;
}

/** Runs the scan; with killAfterScanned, SIGKILLs it once that many files are reported scanned. */
function runScan(killAfterScanned: number | null): Promise<Run> {
  const child = spawn(
    process.execPath,
    [bin, '--home', connected.home, '--json', 'scan', '--until-idle', '--rate-limit', '400', '--concurrency', '8'],
    {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stderr.resume();
  const lines: Array<Record<string, unknown>> = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    const record = JSON.parse(line) as { progress?: { files: { scanned: number } } };
    lines.push(record);
    if (killAfterScanned !== null && (record.progress?.files.scanned ?? 0) >= killAfterScanned && !child.killed)
      child.kill('SIGKILL');
  });
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, lines })));
}

describe('the scan survives being killed', () => {
  it('finishes after 5 SIGKILLs with no file lost and none scanned twice', async () => {
    // Random kill points, spread over the scan (seeded per run, printed for replay).
    const seed = Date.now() % 100_000;
    let x = seed;
    const rand = () => (x = (x * 48271) % 2147483647) / 2147483647;
    const points = Array.from({ length: 5 }, (_, i) => Math.floor(300 + i * 450 + rand() * 300));
    console.log(`crash test kill points (files scanned): ${points.join(', ')} (seed ${seed})`);
    let lastScanned = -1;
    for (const at of points) {
      const run = await runScan(at);
      expect(run.signal).toBe('SIGKILL');
      const progress = run.lines
        .filter((l) => l.progress)
        .map((l) => (l.progress as { files: { scanned: number } }).files.scanned);
      expect(progress[0]).toBeGreaterThanOrEqual(Math.max(0, lastScanned)); // resumed, not restarted
      lastScanned = progress.at(-1) ?? lastScanned;
    }
    const final = await runScan(null);
    expect(final.code).toBe(0);
    const summary = final.lines.at(-1)?.summary as {
      files: { discovered: number; queued: number; scanned: number; failed: number; notScanned: number };
      backfill: { done: boolean };
    };
    expect(summary.backfill.done).toBe(true);
    expect(summary.files.queued).toBe(0);

    const truth = (await (
      await fetch(`${connected.sandbox.info.controlUrl}/truth/files?offset=0&limit=10000`)
    ).json()) as { entries: Array<{ id: string }> };
    const db = new Database(path.join(connected.home, 'scan.sqlite'), { readonly: true });
    try {
      const rows = new Map(
        (
          db.prepare('SELECT id, state, scan_count FROM files').all() as Array<{
            id: string;
            state: number;
            scan_count: number;
          }>
        ).map((r) => [r.id, r]),
      );
      expect(truth.entries.filter((t) => !rows.has(t.id)).map((t) => t.id)).toEqual([]);
      expect([...rows.values()].filter((r) => r.state === 0)).toEqual([]);
      expect([...rows.values()].filter((r) => r.state === 1 && r.scan_count !== 1)).toEqual([]);
      const events = db.prepare('SELECT COUNT(*) n, COUNT(DISTINCT event_id) d FROM events').get() as {
        n: number;
        d: number;
      };
      expect(events.n).toBe(events.d);
      expect(summary.files.scanned + summary.files.failed + summary.files.notScanned).toBe(rows.size);
    } finally {
      db.close();
    }

    const csv = spawnSync(process.execPath, [bin, '--home', connected.home, 'findings', '--format', 'csv'], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    expect(csv.status).toBe(0);
    expect(csv.stdout.trimEnd().split('\r\n')).toHaveLength(truth.entries.length + 1);
  }, 240_000);
});
