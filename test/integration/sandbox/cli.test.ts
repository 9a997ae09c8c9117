/**
 * `box-companion sandbox` as a process: one JSON line when ready (acceptance 4: within 10 s even
 * with a million files), exit code 2 on a bad command line, clean stop on SIGTERM.
 * Runs the real entry, main/cli/bin.mjs.
 */
import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { spawnSandboxCli } from './cli-spawn';

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.once('line', (l) => resolve(l));
    child.once('exit', (code) => reject(new Error(`exited ${code} before printing`)));
  });
}

function exit(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('box-companion sandbox', () => {
  it('prints one JSON line within 10 s for a million files, serves, and stops on SIGTERM', async () => {
    const child = spawnSandboxCli(['--files', '1000000', '--seed', '9', '--port', '0']);
    const t0 = performance.now();
    const line = await firstLine(child);
    const seconds = (performance.now() - t0) / 1000;
    expect(seconds).toBeLessThan(10);
    const info = JSON.parse(line) as Record<string, unknown>;
    for (const k of ['apiUrl', 'authorizeUrl', 'tokenUrl', 'controlUrl', 'clientId', 'clientSecret'])
      expect(info[k]).toBeTruthy();
    expect(info.files).toBe(1_000_000);
    const truth = (await (await fetch(`${String(info.controlUrl)}/truth`)).json()) as { counts: { files: number } };
    expect(truth.counts.files).toBe(1_000_000);
    const done = exit(child);
    child.kill('SIGTERM');
    expect(await done).toBe(0);
  });

  it('exits with 2 and a clear message on a bad command line', async () => {
    const cases = [['--files', 'many'], ['--role', 'owner'], ['--bogus'], ['--allow', 'NOT-A-KEY']];
    await Promise.all(
      cases.map(async (args) => {
        const child = spawnSandboxCli(args);
        let err = '';
        child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
        expect(await exit(child), args.join(' ')).toBe(2);
        expect(err).toMatch(/sandbox: /);
      }),
    );
  });
});
