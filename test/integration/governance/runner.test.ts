/**
 * Issue 17 acceptance 1 and 3 at CI size, on a scanned sandbox of real documents: "remove the
 * shared link" applied to the public files with card numbers changes exactly those files in
 * the ground truth (the whole truth compared before and after), logs one row per file, and
 * undoing the run puts every link's access level back. A file re-shared between the dry run
 * and the apply is skipped, and the skip is logged. Automatic actions stop at their hourly cap.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GovernanceRunner } from '../../../main/core/governance/runner';
import { runnerWorld, type RunnerWorld } from '../../helpers/governance-world';
import { changedFiles as changed, publicWithCards } from '../../helpers/sandbox-truth';

let world: RunnerWorld;
let runner: GovernanceRunner;

beforeAll(async () => {
  world = await runnerWorld({ seed: 1717, files: 3000, users: 20 });
  runner = await world.service().runner();
}, 600_000);
afterAll(async () => world?.close());

describe('remove-shared-link on the public files with card numbers (acceptance 1)', () => {
  it('changes exactly those files, logs one row each, and the undo restores every link', async () => {
    const before = await world.truth();
    const since = new Date().toISOString();
    const plan = runner.plan('public-card-numbers');
    expect(plan.state).toBe('preview');
    const planned = runner.audit.changes(plan.runId, 0, 10_000).entries;
    // The dry run is the truth's own count, and changed nothing in Box.
    expect(planned.map((c) => c.fileId).sort()).toEqual(
      publicWithCards(before)
        .map((f) => f.id)
        .sort(),
    );
    expect(planned.length).toBeGreaterThan(5);
    expect(planned.every((c) => /shared link/i.test(c.change))).toBe(true);
    expect(changed(before, await world.truth())).toEqual([]);
    expect(await world.eventsSince(since)).toEqual([]);

    const applied = await runner.apply(plan.runId, planned.length).done;
    expect(applied.state).toBe('done');
    expect(applied.counts).toMatchObject({ planned: planned.length, applied: planned.length, skipped: 0, failed: 0 });

    const after = await world.truth();
    expect(changed(before, after)).toEqual(planned.map((c) => c.fileId).sort());
    for (const c of planned) expect(after.get(c.fileId)?.shared_effective).toBeNull();
    const unshared = (await world.eventsSince(since)).filter((e) => e.event_type === 'UNSHARE');
    expect(unshared.map((e) => e.source.item_id).sort()).toEqual(planned.map((c) => c.fileId).sort());

    const log = runner.audit.auditPage({ runId: plan.runId, offset: 0, limit: 10_000 });
    expect(log.total).toBe(planned.length);
    expect(new Set(log.entries.map((e) => e.fileId)).size).toBe(planned.length);
    for (const e of log.entries) {
      expect(e.state).toBe('applied');
      expect(e.before?.sharedLink?.effectiveAccess).toBe('open');
      expect(e.after?.sharedLink).toBeNull();
      expect(e.undoable).toBe(true);
    }

    const undo = await runner.undoRun(plan.runId).done;
    expect(undo.undoOf).toBe(plan.runId);
    expect(undo.counts).toMatchObject({ applied: planned.length, failed: 0 });
    const restored = await world.truth();
    for (const c of planned) {
      expect(restored.get(c.fileId)?.shared).toBe(before.get(c.fileId)?.shared);
      expect(restored.get(c.fileId)?.shared_effective).toBe(before.get(c.fileId)?.shared_effective);
    }
    const originals = runner.audit.auditPage({ runId: plan.runId, offset: 0, limit: 10_000 }).entries;
    expect(originals.every((e) => e.state === 'undone' && e.undoneBy !== null)).toBe(true);
  }, 300_000);
});

describe('a file re-shared between the dry run and the apply (acceptance 3)', () => {
  it('is skipped with the reason logged, and left as its owner set it', async () => {
    const plan = runner.plan('public-card-numbers');
    const planned = runner.audit.changes(plan.runId, 0, 10_000).entries;
    const target = planned[0]!;
    const owner = (await world.truth()).get(target.fileId)!.owner_id;
    // The owner restricts the link to the company through Box's own endpoint, after the dry run.
    const info = world.connected.sandbox.info;
    const token = await world.connected.manager.session().accessToken();
    const res = await fetch(`${info.apiUrl}/2.0/files/${target.fileId}?fields=shared_link`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'as-user': owner, 'content-type': 'application/json' },
      body: JSON.stringify({ shared_link: { access: 'company' } }),
    });
    expect(res.status).toBe(200);

    const done = await runner.apply(plan.runId, planned.length).done;
    expect(done.counts).toMatchObject({ applied: planned.length - 1, skipped: 1, failed: 0 });
    const skipped = runner.audit.entriesIn(plan.runId, ['skipped']);
    expect(skipped.map((e) => e.fileId)).toEqual([target.fileId]);
    expect(skipped[0]!.reason).toMatch(/no longer matches the policy: its access is now Internal/);
    expect(
      runner.audit.auditPage({ offset: 0, limit: 10_000 }).entries.some((e) => e.actionId === skipped[0]!.actionId),
    ).toBe(true);
    expect((await world.truth()).get(target.fileId)?.shared_effective).toBe('company');
    await runner.undoRun(plan.runId).done;
  }, 300_000);
});

describe('automatic actions (opt-in per policy and action, capped per hour)', () => {
  it('apply to new matches up to the cap, and to no more within the hour', async () => {
    const template = world.policies.get('public-card-numbers')!;
    const policy = world.policies.save({
      ...template,
      id: 'auto-cards',
      automatic: [{ action: { name: 'remove-shared-link' }, maxPerHour: 3 }],
    });
    const plan = runner.plan(policy.id);
    // Files still open now (the re-shared one above stays as its owner set it).
    const open = await world.truth();
    const ids = runner.audit
      .changes(plan.runId, 0, 100)
      .entries.map((c) => c.fileId)
      .filter((id) => open.get(id)?.shared_effective === 'open')
      .slice(0, 5);
    runner.cancel(plan.runId);
    const [first] = await runner.onNewMatches(policy, ids);
    expect(first).toMatchObject({ automatic: true, state: 'done', counts: { planned: 3, applied: 3 } });
    expect(await runner.onNewMatches(policy, ids.slice(3))).toEqual([]);
    const truth = await world.truth();
    expect(ids.map((id) => truth.get(id)?.shared_effective)).toEqual([null, null, null, 'open', 'open']);
    await runner.undoRun(first!.runId).done;
  }, 120_000);
});
