/**
 * The collaborator actions and their undo against the sandbox over the official SDK, and who is
 * external: the scan and the actions decide alike; an inherited collaborator is refused.
 */
import { describe, expect, it } from 'vitest';
import type { ActionSpec } from '../../../common/policy/types';
import { ACTIONS, actionForPolicy } from '../../../main/core/governance/actions';
import { BoxGovernance } from '../../../main/core/governance/box-governance';
import { summariseCollabs } from '../../../main/core/scan/phases/discovery';
import type { TruthEntry } from './support';
import {
  applyAndObserve,
  expectOnly,
  g,
  pick,
  regularUser,
  summary,
  truth0,
  undoAndObserve,
  useActionWorld,
  used,
} from './action-world';

useActionWorld();

describe('collaborators', () => {
  /** A file with direct external collaborators and none inherited, so the truth's list empties. */
  async function fileWithDirectExternals(): Promise<TruthEntry> {
    for (;;) {
      const f = pick((e) => e.collaborations > 0 && e.external_collaborators.length > 0);
      const s = await g.box.readFile(f.id, f.owner_id);
      if (s.collaborations.every((c) => c.inheritedFromFolderId === null) && s.collaborations.some((c) => c.external))
        return f;
    }
  }

  it('reads who is external as the enterprise does (the truth users)', async () => {
    const f = pick((e) => e.collaborations > 0);
    const s = await g.box.readFile(f.id, f.owner_id);
    for (const c of s.collaborations) expect(c.external).toBe(g.users.find((u) => u.login === c.login)?.external);
    // The findings name owners by login: the same state is read by login.
    const login = g.users.find((u) => u.id === f.owner_id)?.login ?? '';
    expect(await g.box.readFile(f.id, login.toUpperCase())).toEqual(s);
  });

  it('remove-external-collaborators: removes them (COLLABORATION_REMOVE), undo re-invites each with their role under a new id', async () => {
    const spec: ActionSpec = { name: 'remove-external-collaborators' };
    const f = await fileWithDirectExternals();
    const detail = await g.file(f.id);
    const r = await applyAndObserve(spec, f);
    const removed = r.before.collaborations.filter((c) => c.external);
    expect(r.after.collaborations.filter((c) => c.external)).toEqual([]);
    expect(r.diff).toEqual({ changed: [f.id], added: [] });
    expectOnly(r.truthBefore, r.truthAfter, f.id, {
      collaborations: f.collaborations - removed.length,
      external_collaborators: [],
    });
    expect(summary(r.events)).toEqual(removed.map(() => ['COLLABORATION_REMOVE', f.id, f.owner_id]));

    const u = await undoAndObserve(spec, r.before, r.after);
    expect(u.truthAfter.get(f.id)).toEqual(truth0.get(f.id));
    expect(summary(u.events)).toEqual(removed.map(() => ['COLLABORATION_INVITE', f.id, f.owner_id]));
    const back = await g.file(f.id);
    const roleOf = (list: typeof back.collaborations) => list.map((c) => [c.user_id, c.role]).sort();
    expect(roleOf(back.collaborations)).toEqual(roleOf(detail.collaborations));
    // Box gives a re-invited user a new collaboration: no id is the old one, and the state says which.
    const oldIds = new Set(detail.collaborations.map((c) => c.id));
    for (const c of u.undone.collaborations.filter((x) => x.external))
      expect(oldIds.has(c.collaborationId)).toBe(false);
  });

  it('a policy on external domains removes only collaborators at the included domains, never excluded ones', async () => {
    // Two external users at different domains invited onto a file of its own (no folder collaborators).
    const externals = g.users.filter((u) => u.external);
    const a = externals[0];
    const b = externals.find((u) => u.login.split('@')[1] !== a?.login.split('@')[1]);
    if (!a || !b) throw new Error('seed 17 has no external users at two domains');
    const [domainA, domainB] = [a.login.split('@')[1] ?? '', b.login.split('@')[1] ?? ''];
    const f = pick((e) => e.collaborations === 0 && e.external_collaborators.length === 0);
    await g.box.inviteToFile(f.id, a.login, 'editor', f.owner_id);
    await g.box.inviteToFile(f.id, b.login, 'viewer', f.owner_id);
    expect((await g.snapshot()).get(f.id)?.external_collaborators).toEqual([a.login, b.login].sort());

    const policy = { filter: { external: { includeDomains: [domainA.toUpperCase()] } } };
    const spec = actionForPolicy(policy, { name: 'remove-external-collaborators' });
    expect(spec).toEqual({ name: 'remove-external-collaborators', domains: { include: [domainA] } });
    const r = await applyAndObserve(spec, f);
    expectOnly(r.truthBefore, r.truthAfter, f.id, { collaborations: 1, external_collaborators: [b.login] });
    expect(summary(r.events)).toEqual([['COLLABORATION_REMOVE', f.id, f.owner_id]]);
    expect(r.action.describe(spec, r.before)).toBe(
      `Remove 1 external collaborator at ${domainA} (${a.login}); ${b.login} stays`,
    );
    const u = await undoAndObserve(spec, r.before, r.after);
    expect(u.truthAfter.get(f.id)?.external_collaborators).toEqual([a.login, b.login].sort());

    // Trusted partners (excludeDomains) are never removed; with nobody else, nothing is to do.
    const trusted = actionForPolicy({ filter: { external: { excludeDomains: [domainA, domainB] } } }, spec);
    expect(trusted).toBe(spec); // a spec naming its domains already is kept as it is
    const keepAll = actionForPolicy(
      { filter: { external: { excludeDomains: [domainA, domainB] } } },
      { name: 'remove-external-collaborators' },
    );
    const now = await g.box.readFile(f.id, f.owner_id);
    expect(ACTIONS['remove-external-collaborators'].applies(keepAll as never, now)).toEqual({
      ok: false,
      reason: `The file has no external collaborators not at ${domainA}, ${domainB}`,
    });
  });

  it('refuses an inherited external collaborator, naming the folder', async () => {
    for (;;) {
      const f = pick((e) => e.collaborations === 0 && e.external_collaborators.length > 0);
      const s = await g.box.readFile(f.id, f.owner_id);
      const inherited = s.collaborations.find((c) => c.external && c.inheritedFromFolderId !== null);
      if (!inherited) continue;
      const applies = ACTIONS['remove-external-collaborators'].applies({ name: 'remove-external-collaborators' }, s);
      expect(applies.ok).toBe(false);
      if (!applies.ok) expect(applies.reason).toContain(`folder ${inherited.inheritedFromFolderId}`);
      const one = ACTIONS['remove-collaborator'].applies({ name: 'remove-collaborator', login: inherited.login }, s);
      expect(one.ok).toBe(false);
      return;
    }
  });

  it('remove-collaborator: removes one user (COLLABORATION_REMOVE), undo re-invites them (COLLABORATION_INVITE)', async () => {
    const f = pick((e) => e.collaborations > 0);
    const s = await g.box.readFile(f.id, f.owner_id);
    const target = s.collaborations.find((c) => c.inheritedFromFolderId === null);
    if (!target) throw new Error('no direct collaborator');
    const spec: ActionSpec = { name: 'remove-collaborator', login: target.login.toUpperCase() };
    const r = await applyAndObserve(spec, f);
    expect(r.after.collaborations.some((c) => c.login === target.login && c.inheritedFromFolderId === null)).toBe(
      false,
    );
    expect(r.diff).toEqual({ changed: [f.id], added: [] });
    expect(r.truthAfter.get(f.id)?.collaborations).toBe(f.collaborations - 1);
    expect(summary(r.events)).toEqual([['COLLABORATION_REMOVE', f.id, f.owner_id]]);
    const u = await undoAndObserve(spec, r.before, r.after);
    expect(u.truthAfter.get(f.id)).toEqual(truth0.get(f.id));
    expect(summary(u.events)).toEqual([['COLLABORATION_INVITE', f.id, f.owner_id]]);
    expect(u.undone.collaborations.find((c) => c.login === target.login)?.role).toBe(target.role);
  });
});

describe('who is external: the scan and the actions decide alike', () => {
  it('a member list not filled yet (no scan listed the users) is not taken for "everyone is external"', async () => {
    let f = pick((e) => e.collaborations > 0);
    while (!(await g.box.readFile(f.id, f.owner_id)).collaborations.some((c) => !c.external))
      f = pick((e) => e.collaborations > 0); // one with a member collaborating, so the test can fail
    const box = new BoxGovernance(g.box.sdk(), g.scheduler, {
      home: g.connected.home,
      admin: { id: g.adminId, login: g.users.find((u) => u.id === g.adminId)?.login ?? '' },
      isMember: () => false,
    });
    const s = await box.readFile(f.id, f.owner_id);
    for (const c of s.collaborations) expect(c.external).toBe(g.users.find((u) => u.login === c.login)?.external);
  });

  it('a login the scan counts external is the one the action removes, and one it counts internal stays', async () => {
    // A collaborator at the company's own domain whom the member list does not hold (a free Box
    // account with a work address): external to the scan, so external to the action too.
    const members = new Set(g.users.filter((u) => !u.external).map((u) => u.id));
    let f: TruthEntry | null = null;
    let outsider = '';
    for (const e of truth0.values()) {
      if (used.has(e.id) || e.trashed || e.folder_id === '0' || !regularUser(e.owner_id) || e.collaborations === 0)
        continue;
      const own = await g.box.readFile(e.id, e.owner_id);
      const internal = own.collaborations.find((c) => c.inheritedFromFolderId === null && !c.external);
      const user = internal && g.users.find((u) => u.login === internal.login);
      if (!user || user.id === e.owner_id) continue;
      [f, outsider] = [e, user.id];
      used.add(e.id);
      break;
    }
    if (!f) throw new Error('seed 17 has no file with an internal collaborator');
    const isMember = (id: string) => members.has(id) && id !== outsider;
    const box = new BoxGovernance(g.box.sdk(), g.scheduler, {
      home: g.connected.home,
      admin: { id: g.adminId, login: g.users.find((u) => u.id === g.adminId)?.login ?? '' },
      isMember,
    });
    // The scan's own summary of the file's collaborations, from Box's JSON as the scan reads it.
    const raw = await g.box.sdk(f.owner_id).listCollaborations.getFileCollaborations(f.id);
    const scan = summariseCollabs(
      (raw.rawData as unknown as { entries: Parameters<typeof summariseCollabs>[0] }).entries,
      isMember,
    );
    const state = await box.readFile(f.id, f.owner_id);
    const own = state.collaborations.filter((c) => c.inheritedFromFolderId === null);
    expect(
      own
        .filter((c) => c.external)
        .map((c) => c.login)
        .sort(),
    ).toEqual([...scan.externals].sort());
    expect(own.filter((c) => !c.external)).toHaveLength(scan.internal);
    const outsiderLogin = g.users.find((u) => u.id === outsider)?.login ?? '';
    expect(scan.externals).toContain(outsiderLogin);
    // The action removes exactly the scan's externals: the outsider included, members not.
    const spec: ActionSpec = { name: 'remove-external-collaborators' };
    const events = await g.mark();
    const after = await ACTIONS['remove-external-collaborators'].apply(box, spec, state);
    expect(
      after.collaborations
        .filter((c) => c.inheritedFromFolderId === null)
        .map((c) => c.login)
        .sort(),
    ).toEqual(
      own
        .filter((c) => !c.external)
        .map((c) => c.login)
        .sort(),
    );
    expect((await events()).filter((e) => e.event_type === 'COLLABORATION_REMOVE')).toHaveLength(scan.externals.length);
    await ACTIONS['remove-external-collaborators'].undo?.(box, spec, state, after);
    expect((await g.snapshot()).get(f.id)).toEqual(truth0.get(f.id));
  });
});
