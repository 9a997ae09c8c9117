/**
 * `box-companion scan` when the sign-in is lost (issue 13, review finding 5): the CLI waited
 * forever at "Reconnect to continue" (a terminal has no Connect button), so `--until-idle`
 * never returned. Now it exits 1 with `reconnect_required`, saying to connect and scan again.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectToSandbox, type Connected } from '../../helpers/connected';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const bin = path.join(repoRoot, 'main/cli/bin.mjs');

let connected: Connected;
beforeAll(async () => {
  connected = await connectToSandbox({ files: 3000, users: 10, seed: 62, latencyMs: 5, mix: 'metadata' });
}, 60_000);
afterAll(async () => connected?.cleanup());

describe('box-companion scan after the sign-in is lost', () => {
  it('exits 1 with reconnect_required instead of waiting forever', async () => {
    const child = spawn(
      process.execPath,
      [bin, '--home', connected.home, '--json', 'scan', '--no-backfill', '--until-idle'],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stderr.resume();
    const lines: Array<Record<string, unknown>> = [];
    let scanning: () => void = () => undefined;
    const started = new Promise<void>((r) => (scanning = r));
    createInterface({ input: child.stdout }).on('line', (text) => {
      const l = JSON.parse(text) as { progress?: { files: { scanned: number } } };
      lines.push(l);
      if ((l.progress?.files.scanned ?? 0) > 0) scanning();
    });
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    await started;
    const revoked = await fetch(`${connected.sandbox.info.controlUrl}/tokens/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(revoked.ok).toBe(true);
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([
      exited,
      new Promise<'still running'>((r) => (timer = setTimeout(() => r('still running'), 30_000))),
    ]);
    clearTimeout(timer);
    if (code === 'still running') child.kill('SIGKILL');
    expect(code).toBe(1);
    const error = lines.find((l) => l.error !== undefined)?.error as { code: string; message: string } | undefined;
    expect(error?.code).toBe('reconnect_required');
    expect(error?.message).toMatch(/box-companion connect/);
  }, 90_000);
});
