/**
 * Issue 17 acceptance 3, the CLI half: `policy run --apply` SIGKILLed mid-apply, then run again,
 * makes each remaining change exactly once. Box's own record says so: the sandbox's admin_logs
 * hold one UNSHARE per planned file, none twice, none missing. Above 100 files the apply needs
 * the count typed back (--confirm); `undo --run` then puts every link back.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, OPEN_LINKS_POLICY, runnerWorld, type RunnerWorld } from '../../helpers/governance-world';

let world: RunnerWorld;
beforeAll(async () => {
  world = await runnerWorld({ seed: 1718, files: 3000, users: 20, mix: 'metadata' });
  world.policies.save(OPEN_LINKS_POLICY);
}, 600_000);
afterAll(async () => world?.close());

const lines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

/** `policy run --apply`, SIGKILLed once `killAfter` files are reported applied (null: left to finish). */
function apply(
  confirm: number,
  killAfter: number | null,
): Promise<{ code: number | null; records: Array<Record<string, unknown>> }> {
  const args = [
    '--home',
    world.connected.home,
    '--json',
    'policy',
    'run',
    'open-links',
    '--apply',
    '--confirm',
    String(confirm),
    '--rate-limit',
    '20',
  ];
  const child = spawn(process.execPath, ['main/cli/bin.mjs', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stderr.resume();
  const records: Array<Record<string, unknown>> = [];
  let applied = 0;
  createInterface({ input: child.stdout }).on('line', (line) => {
    const r = JSON.parse(line) as Record<string, unknown>;
    records.push(r);
    if (r.state === 'applied' && ++applied === killAfter) child.kill('SIGKILL');
  });
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, records })));
}

describe('policy run --apply killed and run again (acceptance 3)', () => {
  it('applies each remaining change exactly once', async () => {
    const dry = await cli(world.connected.home, ['--json', 'policy', 'run', 'open-links']);
    expect(dry.code).toBe(0);
    const plan = lines(dry.stdout);
    const planned = plan.filter((r) => r.state === 'planned').map((r) => r.fileId as string);
    const count = planned.length;
    expect(count).toBeGreaterThan(100);
    expect((plan.at(-1)?.summary as { counts: { planned: number } }).counts.planned).toBe(count);

    const refused = await cli(world.connected.home, ['--json', 'policy', 'run', 'open-links', '--apply']);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain(`--confirm ${count}`);

    const since = new Date().toISOString();
    const killed = await apply(count, 10);
    expect(killed.code).toBeNull(); // SIGKILL
    // Resuming goes through the same confirmation: a paused run never goes on from a command
    // line that did not confirm its count.
    const unconfirmed = await cli(world.connected.home, ['--json', 'policy', 'run', 'open-links', '--apply']);
    expect(unconfirmed.code).toBe(1);
    expect(unconfirmed.stdout).toContain(`--confirm ${count}`);
    const resumed = await apply(count, null);
    expect(resumed.code).toBe(0);
    const summary = resumed.records.at(-1)?.summary as { runId: string; counts: { applied: number; planned: number } };
    expect(summary.counts).toMatchObject({ planned: count, applied: count });

    const unshared = (await world.eventsSince(since)).filter((e) => e.event_type === 'UNSHARE');
    const perFile = new Map<string, number>();
    for (const e of unshared) perFile.set(e.source.item_id, (perFile.get(e.source.item_id) ?? 0) + 1);
    expect([...perFile.keys()].sort()).toEqual([...planned].sort());
    expect([...perFile.values()].every((n) => n === 1)).toBe(true);

    // The log has one row per file, all applied.
    const log = await cli(world.connected.home, ['--json', 'actions', '--run', summary.runId, '--limit', '10000']);
    const rows = lines(log.stdout).filter((r) => r.fileId);
    expect(rows).toHaveLength(count);
    expect(rows.every((r) => r.state === 'applied')).toBe(true);

    // And `undo --run` puts every link back.
    const undone = await cli(world.connected.home, ['--json', 'undo', '--run', summary.runId]);
    expect(undone.code).toBe(0);
    expect((lines(undone.stdout).at(-1)?.summary as { undoOf: string }).undoOf).toBe(summary.runId);
    const back = await world.truth();
    expect(planned.filter((id) => back.get(id)?.shared_effective !== 'open')).toEqual([]);
  }, 600_000);
});
