/**
 * `box-companion scan` runs the policies' live matcher as the app does (issue 17 review): a
 * policy saved with `box-companion policy add` before the scan has its matches and alerts in
 * scan.sqlite when the scan ends, the same files a fresh count over the store finds.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScanStore } from '../../../main/core/scan/store/scan-store';
import { connectToSandbox, type Connected } from '../../helpers/connected';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const bin = path.join(repoRoot, 'main/cli/bin.mjs');

let connected: Connected;
beforeAll(async () => {
  connected = await connectToSandbox({ files: 120, users: 4, seed: 71, mix: 'metadata' });
}, 60_000);
afterAll(async () => connected?.cleanup());

/** Runs the CLI without blocking this process: the sandbox answers from here. */
function cli(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [bin, '--home', connected.home, ...args], { cwd: repoRoot });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('exit', (status) => resolve({ status, stdout, stderr })));
}

describe('box-companion scan and the policies', () => {
  it('keeps each policy’s matches and alerts as the scan finds them', async () => {
    expect((await cli('policy', 'add', '--template', 'public-card-numbers', '--json')).status).toBe(0);
    const policy = path.join(connected.home, 'every-file.json');
    const every = {
      format: 'box-companion-policy/1',
      id: 'any-file',
      name: 'Every file',
      filter: { size: { minBytes: 0 } },
    };
    writeFileSync(policy, JSON.stringify(every));
    expect((await cli('policy', 'add', policy, '--json')).status).toBe(0);

    const scan = await cli('--json', 'scan', '--no-backfill', '--until-idle');
    expect(scan.status, `${scan.stderr}${scan.stdout.trim().split('\n').at(-1)?.slice(0, 1500)}`).toBe(0);

    const listed = (await cli('policy', 'list', '--json')).stdout
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { id: string; matches: number });
    const store = new ScanStore(path.join(connected.home, 'scan.sqlite'));
    try {
      const kept = store.reader().prepare('SELECT policy_id, COUNT(*) n FROM policy_matches GROUP BY policy_id').all();
      const alerts = store.reader().prepare("SELECT COUNT(*) n FROM policy_alerts WHERE policy_id = 'any-file'").get();
      const counted = listed.find((l) => l.id === 'any-file')!.matches;
      expect(counted).toBeGreaterThan(0);
      expect(kept).toContainEqual({ policy_id: 'any-file', n: counted });
      expect(alerts).toEqual({ n: counted }); // each file scanned after the policy was saved: one alert each
    } finally {
      store.close();
    }
  });
});
