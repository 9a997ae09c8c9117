/**
 * Apply and undo safety (issue 17 after review), on a scanned sandbox: whatever stops a change
 * part-way, the log ends as Box is (the sandbox's truth); an undo never overwrites a change made
 * since the action, and never runs twice; a file edited since the scan is left alone; a new
 * sign-in acts (and is logged) as the new admin. Box's calls are the real ones over the SDK; the
 * box is wrapped only to press Pause or Cancel at an exact moment, or to fail one call.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLICY_FORMAT, type ActionRun, type AuditEntry } from '../../../common/policy/types';
import type { GovernanceBox } from '../../../main/core/governance/action';
import { GovernanceService } from '../../../main/core/governance/governance-service';
import type { GovernanceRunner } from '../../../main/core/governance/runner';
import { defaultWiring } from '../../../main/core/governance/wiring';
import { BoxApiError } from '../../../main/core/scan/box-api';
import { scanDbPath } from '../../../main/core/scan/engine';
import { openScanStoreForReading, type ScanStore } from '../../../main/core/scan/store/scan-store';
import { OPEN_LINKS_POLICY, runnerWorld, type RunnerWorld, type TruthEntry } from '../../helpers/governance-world';
import { consentInSandbox } from '../../helpers/headless-consent';

let world: RunnerWorld;
let scan: ScanStore;
let truth0: Map<string, TruthEntry>;
const services: GovernanceService[] = [];
let users: Array<{ id: string; login: string; role: string; external: boolean }>;

beforeAll(async () => {
  world = await runnerWorld({ seed: 1733, files: 400, users: 30, mix: 'metadata' });
  scan = openScanStoreForReading(scanDbPath(world.connected.home));
  world.policies.save(OPEN_LINKS_POLICY);
  world.policies.save({ format: POLICY_FORMAT, id: 'every-file', name: 'Every file', filter: {} });
  truth0 = await world.truth();
  users = (await world.ctl<{ users: typeof users }>('/truth')).users;
}, 120_000);
afterAll(async () => {
  services.forEach((s) => s.close());
  scan?.close();
  await world?.close();
});

/** The real box, with some of its calls wrapped (`hooks` get the real box to delegate to). */
function withHooks(real: GovernanceBox, hooks: Partial<GovernanceBox>): GovernanceBox {
  return new Proxy(real, {
    get(target, key) {
      const hook = hooks[key as keyof GovernanceBox];
      if (hook) return hook;
      const value = Reflect.get(target, key) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** A governance service on the world's home, one file at a time, its box wrapped by `hooks`. */
function serviceWith(hooks: (real: GovernanceBox) => Partial<GovernanceBox> = () => ({})): GovernanceService {
  const service = new GovernanceService(world.connected.home, {
    connection: world.connected.manager,
    policies: world.policies,
    scanStore: () => scan,
    concurrency: 1,
    wiring: async (o) => {
      const parts = await defaultWiring(o);
      return { ...parts, box: withHooks(parts.box, hooks(parts.box)) };
    },
  });
  services.push(service);
  return service;
}

const used = new Set<string>();
const regular = (id: string) => users.find((u) => u.id === id)?.role === 'user';

/** `n` unused files of regular users, in a folder, matching `test`. */
function pick(n: number, test: (e: TruthEntry) => boolean): string[] {
  const out: string[] = [];
  for (const e of truth0.values()) {
    if (out.length === n) break;
    if (used.has(e.id) || e.trashed || e.folder_id === '0' || !regular(e.owner_id) || !test(e)) continue;
    used.add(e.id);
    out.push(e.id);
  }
  if (out.length < n) throw new Error(`seed 1733 has fewer than ${n} such files`);
  return out;
}
const openLinks = (n: number) => pick(n, (e) => e.shared === 'open' && e.shared_effective === 'open');

function entryOf(runner: GovernanceRunner, runId: string, fileId: string): AuditEntry {
  const e = runner.audit.auditPage({ runId, offset: 0, limit: 1000 }).entries.find((x) => x.fileId === fileId);
  const planned = runner.audit.entriesIn(runId, ['planned']).find((x) => x.fileId === fileId);
  const found = e ?? planned;
  if (!found) throw new Error(`no entry for ${fileId} in ${runId}`);
  return found;
}

/** Every entry of the run says what the truth has: applied exactly when the link is gone. */
async function expectLogIsTruth(runner: GovernanceRunner, runId: string, fileIds: string[]): Promise<void> {
  const truth = await world.truth();
  const logged = fileIds.map((id) => [id, entryOf(runner, runId, id).state === 'applied']);
  expect(logged).toEqual(fileIds.map((id) => [id, truth.get(id)?.shared === null]));
}

/** What `f` throws. */
function thrown(f: () => unknown): { errorCode?: string; message?: string } {
  try {
    f();
  } catch (e) {
    return e as { errorCode?: string; message?: string };
  }
  throw new Error('it did not throw');
}

/** What a call whose answer a stop cut short rejects with (the scheduler's waits, fetch's signal). */
function abortError(): Error {
  return Object.assign(new Error('The operation was aborted'), { name: 'AbortError' });
}

describe('a run stopped while a change is under way (review 1)', () => {
  it('cancelled after Box removed the link, before its answer: the entry is applied, with after, and undoable', async () => {
    const files = openLinks(3);
    let runId = '';
    let runner: GovernanceRunner | null = null;
    const service = serviceWith((real) => ({
      async setSharedLink(fileId, access, asUser) {
        const written = await real.setSharedLink(fileId, access, asUser);
        if (fileId !== files[0]) return written;
        runner?.cancel(runId); // Box has made it, and the cancel ends the wait for its answer
        throw abortError();
      },
    }));
    runner = await service.runner();
    runId = runner.plan('open-links', undefined, { fileIds: files }).runId;
    const ended = await runner.apply(runId).done;
    expect(ended.state).toBe('cancelled');
    const e = entryOf(runner, runId, files[0]!);
    expect(e).toMatchObject({ state: 'applied', undoable: true, after: { sharedLink: null } });
    expect((await world.truth()).get(files[0]!)?.shared).toBeNull();
    // The files not started stay planned, untouched in Box.
    expect(runner.audit.entriesIn(runId, ['planned']).map((x) => x.fileId)).toEqual(files.slice(1));
    await expectLogIsTruth(runner, runId, files);
    // And the undo finds it: the link is back.
    await runner.undoAction(e.actionId).done;
    expect((await world.truth()).get(files[0]!)?.shared).toBe('open');
  }, 60_000);

  it('cancelled just before Box was asked: skipped "cancelled before the change", the link left as it was', async () => {
    const [file] = openLinks(1);
    let runId = '';
    let runner: GovernanceRunner | null = null;
    const service = serviceWith((real) => ({
      setSharedLink(fileId, access, asUser) {
        runner?.cancel(runId); // `applying` is committed; the request's turn is aborted
        return real.setSharedLink(fileId, access, asUser);
      },
    }));
    runner = await service.runner();
    runId = runner.plan('open-links', undefined, { fileIds: [file!] }).runId;
    await runner.apply(runId).done;
    expect(entryOf(runner, runId, file!)).toMatchObject({ state: 'skipped', reason: 'cancelled before the change' });
    expect((await world.truth()).get(file!)?.shared).toBe('open');
  }, 60_000);

  it('paused just before Box was asked: planned again, and the resume removes the link once', async () => {
    const files = openLinks(2);
    let runId = '';
    let runner: GovernanceRunner | null = null;
    let paused = false;
    const service = serviceWith((real) => ({
      setSharedLink(fileId, access, asUser) {
        if (!paused) runner?.pause(runId);
        paused = true;
        return real.setSharedLink(fileId, access, asUser);
      },
    }));
    runner = await service.runner();
    runId = runner.plan('open-links', undefined, { fileIds: files }).runId;
    const since = new Date().toISOString();
    expect((await runner.apply(runId).done).state).toBe('paused');
    expect(runner.audit.entriesIn(runId, ['applying'])).toEqual([]);
    expect(runner.audit.entriesIn(runId, ['planned']).map((e) => e.fileId)).toEqual(files);
    const resumed = await runner.resume(runId).done;
    expect(resumed.counts).toMatchObject({ applied: 2, failed: 0, skipped: 0 });
    const unshared = (await world.eventsSince(since)).filter((e) => e.event_type === 'UNSHARE');
    expect(unshared.map((e) => e.source.item_id).sort()).toEqual([...files].sort());
  }, 60_000);

  it('with Box unreadable when the run stops, stays applying and says so; the next run settles it', async () => {
    const [file, other] = openLinks(2);
    let runId = '';
    let runner: GovernanceRunner | null = null;
    let down = false;
    const service = serviceWith((real) => ({
      async setSharedLink(fileId, access, asUser) {
        const written = await real.setSharedLink(fileId, access, asUser);
        if (fileId !== file) return written;
        down = true;
        runner?.cancel(runId); // Box has made it, and the cancel ends the wait for its answer
        throw abortError();
      },
      readFile(fileId, owner) {
        // Every read after the change finds Box down: the settling read too.
        if (down) return Promise.reject(new BoxApiError(503, 'unavailable', 'Service Unavailable'));
        return real.readFile(fileId, owner);
      },
    }));
    runner = await service.runner();
    runId = runner.plan('open-links', undefined, { fileIds: [file!] }).runId;
    await runner.apply(runId).done;
    const unsettled = entryOf(runner, runId, file!);
    expect(unsettled.state).toBe('applying');
    expect(unsettled.reason).toMatch(/whether Box made the change is not known: the run was cancelled/);
    down = false;
    const next = runner.plan('open-links', undefined, { fileIds: [other!] });
    await runner.apply(next.runId).done;
    expect(entryOf(runner, runId, file!)).toMatchObject({
      state: 'applied',
      undoable: true,
      after: { sharedLink: null },
    });
    await expectLogIsTruth(runner, runId, [file!]);
  }, 60_000);
});

describe('a multi-step change that fails part-way (review 2)', () => {
  it('is logged applied in part, undoable, and the undo re-invites the collaborator it removed', async () => {
    const [file] = pick(1, (e) => e.collaborations === 0 && e.external_collaborators.length === 0);
    const owner = truth0.get(file!)!.owner_id;
    const externals = users.filter((u) => u.external).slice(0, 3);
    expect(externals).toHaveLength(3);
    let removals = 0;
    let box: GovernanceBox | null = null;
    const service = serviceWith((real) => {
      box = real;
      return {
        async removeCollaboration(collaborationId, asUser) {
          if (++removals === 2) throw new BoxApiError(500, 'internal_server_error', 'Internal Server Error');
          return real.removeCollaboration(collaborationId, asUser);
        },
      };
    });
    const runner = await service.runner();
    for (const u of externals) await box!.inviteToFile(file!, u.login, 'viewer', owner);
    const plan = runner.plan('every-file', { name: 'remove-external-collaborators' }, { fileIds: [file!] });
    const done = await runner.apply(plan.runId).done;
    expect(done.counts).toMatchObject({ applied: 1, failed: 0 });
    const e = entryOf(runner, plan.runId, file!);
    expect(e.state).toBe('applied');
    expect(e.undoable).toBe(true);
    expect(e.reason).toMatch(/^partly applied: Internal Server Error/);
    expect(e.before?.collaborations.filter((c) => c.external)).toHaveLength(3);
    expect(e.after?.collaborations.filter((c) => c.external)).toHaveLength(2);
    expect((await world.truth()).get(file!)?.external_collaborators).toHaveLength(2);

    removals = -100; // no more failures
    const undo = await runner.undoAction(e.actionId).done;
    expect(undo.counts).toMatchObject({ applied: 1, failed: 0, skipped: 0 });
    const back = (await world.truth()).get(file!)?.external_collaborators ?? [];
    expect(back.map((l) => l.toLowerCase()).sort()).toEqual(externals.map((u) => u.login.toLowerCase()).sort());
  }, 60_000);

  it('stopped part-way with Box unreadable: the resume removes only the rest, and the undo re-invites all three', async () => {
    const [file] = pick(1, (e) => e.collaborations === 0 && e.external_collaborators.length === 0);
    const owner = truth0.get(file!)!.owner_id;
    const externals = users.filter((u) => u.external).slice(0, 3);
    let box: GovernanceBox | null = null;
    let runner: GovernanceRunner | null = null;
    let runId = '';
    let removals = 0;
    let down = false;
    const service = serviceWith((real) => {
      box = real;
      return {
        async removeCollaboration(collaborationId, asUser) {
          await real.removeCollaboration(collaborationId, asUser);
          if (++removals > 1) return;
          runner?.pause(runId); // after the first of three: the second's turn is aborted
          down = true;
        },
        readFile(fileId, who) {
          if (down) return Promise.reject(new BoxApiError(503, 'unavailable', 'Service Unavailable'));
          return real.readFile(fileId, who);
        },
      };
    });
    runner = await service.runner();
    for (const u of externals) await box!.inviteToFile(file!, u.login, 'viewer', owner);
    runId = runner.plan('every-file', { name: 'remove-external-collaborators' }, { fileIds: [file!] }).runId;
    const since = new Date().toISOString();
    expect((await runner.apply(runId).done).state).toBe('paused');
    const unsettled = entryOf(runner, runId, file!);
    expect(unsettled.state).toBe('applying');
    expect(unsettled.reason).toMatch(/whether Box made the change is not known: the run was paused/);

    down = false;
    expect((await runner.resume(runId).done).counts).toMatchObject({ applied: 1, failed: 0 });
    const e = entryOf(runner, runId, file!);
    expect(e.before?.collaborations.filter((c) => c.external)).toHaveLength(3); // the trail from before the first
    expect(e.after?.collaborations.filter((c) => c.external)).toEqual([]);
    const removed = (await world.eventsSince(since)).filter(
      (x) => x.event_type === 'COLLABORATION_REMOVE' && x.source.item_id === file,
    );
    expect(removed).toHaveLength(3); // one per collaborator: the first was not removed again

    await runner.undoAction(e.actionId).done;
    const back = (await world.truth()).get(file!)?.external_collaborators ?? [];
    expect(back.map((l) => l.toLowerCase()).sort()).toEqual(externals.map((u) => u.login.toLowerCase()).sort());
  }, 60_000);
});

describe('a change stranded while Box was down, then changed by its owner (review of the settle)', () => {
  it("is not taken for the action done in part: skipped, not undoable, the owner's link left as it is", async () => {
    const [file] = openLinks(1);
    let runId = '';
    let runner: GovernanceRunner | null = null;
    let down = false;
    const service = serviceWith((real) => ({
      setSharedLink() {
        down = true;
        runner?.cancel(runId); // cancelled before the request went out: Box has no change
        return Promise.reject(abortError());
      },
      readFile(fileId, owner) {
        if (down) return Promise.reject(new BoxApiError(503, 'unavailable', 'Service Unavailable'));
        return real.readFile(fileId, owner);
      },
    }));
    runner = await service.runner();
    runId = runner.plan('open-links', undefined, { fileIds: [file!] }).runId;
    await runner.apply(runId).done;
    expect(entryOf(runner, runId, file!).state).toBe('applying');
    // Meanwhile the owner narrows the link themselves.
    await world.post('/activity', { file_id: file, event_type: 'SHARE', access: 'collaborators' });
    down = false;
    const next = runner.plan('open-links', undefined, { fileIds: openLinks(1) });
    await runner.apply(next.runId).done; // its start settles the stranded entry
    const e = entryOf(runner, runId, file!);
    expect(e).toMatchObject({ state: 'skipped', reason: 'cancelled before the change' });
    expect(() => runner!.undoAction(e.actionId)).toThrow(/cannot be undone/);
    expect((await world.truth()).get(file!)?.shared).toBe('collaborators');
  }, 60_000);
});

describe('a multi-step change paused part-way (review of the settle)', () => {
  it('stays applying with its state before, and the resume removes only the rest', async () => {
    const [file] = pick(1, (e) => e.collaborations === 0 && e.external_collaborators.length === 0);
    const owner = truth0.get(file!)!.owner_id;
    const externals = users.filter((u) => u.external).slice(0, 3);
    let box: GovernanceBox | null = null;
    let runner: GovernanceRunner | null = null;
    let runId = '';
    let removals = 0;
    const service = serviceWith((real) => {
      box = real;
      return {
        async removeCollaboration(collaborationId, asUser) {
          await real.removeCollaboration(collaborationId, asUser);
          if (++removals === 1) runner?.pause(runId); // after the first of three
        },
      };
    });
    runner = await service.runner();
    for (const u of externals) await box!.inviteToFile(file!, u.login, 'viewer', owner);
    runId = runner.plan('every-file', { name: 'remove-external-collaborators' }, { fileIds: [file!] }).runId;
    expect((await runner.apply(runId).done).state).toBe('paused');
    const paused = entryOf(runner, runId, file!);
    expect(paused.state).toBe('applying');
    expect(paused.before?.collaborations.filter((c) => c.external)).toHaveLength(3);

    expect((await runner.resume(runId).done).counts).toMatchObject({ applied: 1, failed: 0 });
    expect(entryOf(runner, runId, file!).after?.collaborations.filter((c) => c.external)).toEqual([]);
    expect((await world.truth()).get(file!)?.external_collaborators).toEqual([]);
  }, 60_000);
});

describe('a file edited between the scan and the apply (review 3, acceptance 3)', () => {
  it('is skipped "it was edited since the scan", its link left as it was', async () => {
    const files = openLinks(2);
    const runner = await serviceWith().runner();
    const plan = runner.plan('open-links', undefined, { fileIds: files });
    await world.post('/activity', { file_id: files[0], event_type: 'EDIT' });
    const done = await runner.apply(plan.runId).done;
    expect(done.counts).toMatchObject({ applied: 1, skipped: 1 });
    expect(entryOf(runner, plan.runId, files[0]!)).toMatchObject({
      state: 'skipped',
      reason: 'it was edited since the scan',
    });
    const truth = await world.truth();
    expect(truth.get(files[0]!)?.shared).toBe('open');
    expect(truth.get(files[1]!)?.shared).toBeNull();
  }, 60_000);
});

describe('undo (review 4)', () => {
  it('skips a file re-shared since the action instead of overwriting it, saying what changed', async () => {
    const files = openLinks(2);
    const runner = await serviceWith().runner();
    const plan = runner.plan('open-links', undefined, { fileIds: files });
    await runner.apply(plan.runId).done;
    // The owner shares it again, with the company, after the action.
    await world.post('/activity', { file_id: files[0], event_type: 'SHARE', access: 'company' });
    const undo = await runner.undoRun(plan.runId).done;
    expect(undo.counts).toMatchObject({ applied: 1, skipped: 1 });
    const skipped = runner.audit.entriesIn(undo.runId, ['skipped']);
    expect(skipped.map((e) => e.fileId)).toEqual([files[0]]);
    expect(skipped[0]!.reason).toBe('changed since the action: its shared link is now company (was none)');
    const truth = await world.truth();
    expect(truth.get(files[0]!)?.shared).toBe('company');
    expect(truth.get(files[1]!)?.shared).toBe('open');
    expect(entryOf(runner, plan.runId, files[0]!).state).toBe('applied'); // not undone
  }, 60_000);

  it('refuses a second undo of a run, or of one of its actions, while the first is not finished', async () => {
    const files = openLinks(2);
    const runner = await serviceWith().runner();
    const plan = runner.plan('open-links', undefined, { fileIds: files });
    await runner.apply(plan.runId).done;
    const first = runner.undoRun(plan.runId);
    const refusal = {
      errorCode: 'invalid_argument',
      message: `Run ${plan.runId} is already being undone by run ${first.run.runId} (applying): resume or cancel that run instead of starting another undo.`,
    };
    expect(thrown(() => runner.undoRun(plan.runId))).toMatchObject(refusal);
    const action = entryOf(runner, plan.runId, files[1]!).actionId;
    expect(thrown(() => runner.undoAction(action))).toMatchObject({
      ...refusal,
      message: refusal.message.replace(`Run ${plan.runId}`, `Action ${action}`),
    });
    const done: ActionRun = await first.done;
    expect(done.counts).toMatchObject({ applied: 2 });
    const truth = await world.truth();
    expect(files.map((id) => truth.get(id)?.shared)).toEqual(['open', 'open']);
    expect(() => runner.undoAction(action)).toThrow(/already undone/);
  }, 60_000);
});

describe('a new sign-in (review 6)', () => {
  it('makes the next run act and be logged as the new admin', async () => {
    let box: GovernanceBox | null = null;
    const service = serviceWith((real) => {
      box = real;
      return {};
    });
    const first = await service.runner();
    const admin = users.find((u) => u.role === 'admin')!;
    expect(first.plan('open-links', undefined, { fileIds: openLinks(1) }).by).toBe(admin.login);
    // A file of the co-admin's own, given a link: signed in as them, it is changed without
    // As-User (Box refuses As-User of oneself), and Box logs them as the actor.
    const coadmin = users.find((u) => u.role === 'coadmin')!;
    const file = [...truth0.values()].find((e) => e.owner_id === coadmin.id && !e.trashed)?.id;
    if (!file) throw new Error('seed 1733 gives the co-admin no file');
    await box!.setSharedLink(file, 'open', coadmin.id);

    const state = await world.connected.manager.connect({
      openBrowser: (url) => void consentInSandbox(url, { userId: coadmin.id }),
    });
    expect(state).toMatchObject({ status: 'connected', user: { id: coadmin.id } });
    const next = await service.runner();
    const plan = next.plan('every-file', { name: 'remove-shared-link' }, { fileIds: [file] });
    expect(plan.by).toBe(coadmin.login);
    const since = new Date().toISOString();
    const done = await next.apply(plan.runId).done;
    expect(done.counts).toMatchObject({ applied: 1, failed: 0 });
    expect(entryOf(next, plan.runId, file).by).toBe(coadmin.login);
    const events = (await world.eventsSince(since)).filter((e) => e.source.item_id === file);
    expect(events.map((e) => [e.event_type, e.created_by.id])).toEqual([['UNSHARE', coadmin.id]]);
    expect((await world.truth()).get(file)?.shared).toBeNull();
  }, 60_000);
});

describe('pause and cancel after a new sign-in (review 2, 5)', () => {
  it('reach the live run at once, even when the new sign-in’s runner cannot be built', async () => {
    const [first, second] = openLinks(2);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let failBuild = false;
    let reached: () => void = () => undefined;
    const inFlight = new Promise<void>((resolve) => (reached = resolve));
    const service = new GovernanceService(world.connected.home, {
      connection: world.connected.manager,
      policies: world.policies,
      scanStore: () => scan,
      concurrency: 1,
      wiring: async (o) => {
        if (failBuild) throw new BoxApiError(503, 'unavailable', 'Service Unavailable');
        const parts = await defaultWiring(o);
        const box = withHooks(parts.box, {
          async setSharedLink(fileId, access, asUser) {
            reached();
            await gate; // the run is live, mid-change, while the admin signs in again
            return parts.box.setSharedLink(fileId, access, asUser);
          },
        });
        return { ...parts, box };
      },
    });
    services.push(service);
    const runner = await service.runner();
    const run = runner.plan('open-links', undefined, { fileIds: [first!, second!] });
    const { done } = runner.apply(run.runId);
    await inFlight;

    failBuild = true; // the new sign-in's runner needs Box (GET /users/me), which is down
    const me = (await world.connected.manager.state()) as { user: { id: string } };
    await world.connected.manager.connect({
      openBrowser: (url) => void consentInSandbox(url, { userId: me.user.id }),
    });
    await expect(service.runner()).rejects.toThrow(/unavailable/i);

    const started = Date.now();
    expect((await service.halt(run.runId, 'pause')).state).toBe('paused');
    expect(Date.now() - started).toBeLessThan(1_000);
    release();
    expect((await done).state).toBe('paused');
    expect(entryOf(runner, run.runId, second!).state).toBe('planned');
    expect((await world.truth()).get(second!)?.shared).toBe('open');
  }, 60_000);
});
