/**
 * Each governance action, and its undo, against the sandbox over the official SDK: the ground
 * truth changes exactly as expected for that file and for nothing else, admin_logs shows the
 * events Box would log (type, item, actor), and undo puts the truth back. Refusals: a non-admin
 * sign-in, an inherited external collaborator, a file already without a link.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BoxClient, BoxDeveloperTokenAuth } from 'box-node-sdk';
import { dateTimeFromString } from 'box-node-sdk/internal/utils';
import type { ActionSpec, FileGovernanceState } from '../../../common/policy/types';
import { ACTIONS, actionFor, actionForPolicy } from '../../../main/core/governance/actions';
import { BoxGovernance } from '../../../main/core/governance/box-governance';
import { noteName } from '../../../main/core/governance/actions/quarantine';
import { RequestScheduler } from '../../../main/core/scan/scheduler';
import { summariseCollabs } from '../../../main/core/scan/phases/discovery';
import { getTokens } from '../sandbox/helpers';
import { changedIds, governanceWorld, type AdminEvent, type GovernanceWorld, type TruthEntry } from './support';

let g: GovernanceWorld;
let truth0: Map<string, TruthEntry>;
const used = new Set<string>();

beforeAll(async () => {
  g = await governanceWorld({ seed: 17, files: 3000, users: 30 });
  truth0 = await g.snapshot();
}, 60_000);
afterAll(async () => g?.close());

const regularUser = (id: string) => g.users.find((u) => u.id === id)?.role === 'user';

/** An unused file of a regular user, in a folder, matching `test`. */
function pick(test: (e: TruthEntry) => boolean): TruthEntry {
  for (const e of truth0.values()) {
    if (used.has(e.id) || e.trashed || e.folder_id === '0' || !regularUser(e.owner_id) || !test(e)) continue;
    used.add(e.id);
    return e;
  }
  throw new Error('seed 17 has no such file');
}

/** Applies `spec` to the file: the state before and after, and what changed in the truth and the log. */
async function applyAndObserve(spec: ActionSpec, file: TruthEntry) {
  const action = actionFor(spec);
  const before = await g.box.readFile(file.id, file.owner_id);
  expect(action.applies(spec, before)).toEqual({ ok: true });
  expect(action.isApplied(spec, before, before)).toBe(false);
  const truthBefore = await g.snapshot();
  const events = await g.mark();
  const after = await action.apply(g.box, spec, before);
  expect(action.isApplied(spec, before, after)).toBe(true);
  const truthAfter = await g.snapshot();
  return {
    action,
    before,
    after,
    truthBefore,
    truthAfter,
    diff: changedIds(truthBefore, truthAfter),
    events: await events(),
  };
}

async function undoAndObserve(spec: ActionSpec, before: FileGovernanceState, after: FileGovernanceState) {
  const action = actionFor(spec);
  const truthBefore = await g.snapshot();
  const events = await g.mark();
  if (!action.undo) throw new Error(`${spec.name} has no undo`);
  const undone = await action.undo(g.box, spec, before, after);
  const truthAfter = await g.snapshot();
  return { undone, truthAfter, diff: changedIds(truthBefore, truthAfter), events: await events() };
}

const summary = (events: AdminEvent[]) => events.map((e) => [e.event_type, e.source.item_id, e.created_by.id]);

/** The truth of `id` in `after` is `before`'s with `changes`. */
function expectOnly(
  before: Map<string, TruthEntry>,
  after: Map<string, TruthEntry>,
  id: string,
  changes: Partial<TruthEntry>,
) {
  expect(after.get(id)).toEqual({ ...before.get(id), ...changes });
}

describe('remove-shared-link', () => {
  it('removes the link, logs UNSHARE by the owner, and undo makes a new link with the old access', async () => {
    const spec: ActionSpec = { name: 'remove-shared-link' };
    const f = pick((e) => e.shared === 'open' && e.shared_effective === 'open');
    const urlBefore = (
      await g.box.sdk(f.owner_id).files.getFileById(f.id, { queryParams: { fields: ['shared_link'] } })
    ).sharedLink?.url;
    const r = await applyAndObserve(spec, f);
    expect(r.action.describe(spec, r.before)).toBe('Remove the shared link (People with the link)');
    expect(r.after.sharedLink).toBeNull();
    expect(r.diff).toEqual({ changed: [f.id], added: [] });
    expectOnly(r.truthBefore, r.truthAfter, f.id, { shared: null, shared_effective: null });
    expect(summary(r.events)).toEqual([['UNSHARE', f.id, f.owner_id]]);
    // A file already without a link: nothing to do.
    expect(r.action.applies(spec, r.after)).toEqual({ ok: false, reason: 'The file has no shared link' });

    const u = await undoAndObserve(spec, r.before, r.after);
    expect(u.undone.sharedLink).toEqual(r.before.sharedLink);
    expect(u.diff).toEqual({ changed: [f.id], added: [] });
    expect(u.truthAfter.get(f.id)).toEqual(truth0.get(f.id));
    expect(summary(u.events)).toEqual([['SHARE', f.id, f.owner_id]]);
    const urlAfter = (await g.box.sdk(f.owner_id).files.getFileById(f.id, { queryParams: { fields: ['shared_link'] } }))
      .sharedLink?.url;
    expect(urlAfter).toBeTruthy();
    expect(urlAfter).not.toBe(urlBefore);
    // The states the audit log keeps hold no URL.
    expect(JSON.stringify([r.before, r.after, u.undone])).not.toContain('/s/');
  });
});

describe('remove-shared-link of a password link, or one with an expiry and permissions', () => {
  const spec: ActionSpec = { name: 'remove-shared-link' };

  it('undo makes the new link need a password again (a new one nobody knows), and says so', async () => {
    const f = pick((e) => e.shared === 'open' && e.shared_effective === 'open' && e.link_password === true);
    const r = await applyAndObserve(spec, f);
    expect(r.before.sharedLink?.passwordEnabled).toBe(true);
    expect(r.action.describe(spec, r.before)).toBe(
      'Remove the shared link (People with the link, password). Undo: the link has a new URL and a new password nobody knows: the owner sets one in Box',
    );
    const u = await undoAndObserve(spec, r.before, r.after);
    // Open to anyone with the URL only with the password, as before: the truth says so, not only the read-back.
    expect(u.truthAfter.get(f.id)).toEqual(truth0.get(f.id));
    expect((await g.file(f.id)).shared_link).toMatchObject({ access: 'open', password_enabled: true });
    expect(u.undone.sharedLink).toEqual(r.before.sharedLink);
    expect(summary(u.events)).toEqual([['SHARE', f.id, f.owner_id]]);
    expect(r.action.undoNote?.(r.before, r.after, u.undone)).toBe(
      'the link has a new URL and a new password nobody knows: the owner sets one in Box',
    );
  });

  it("undo puts back the link's expiry and its download permission", async () => {
    const f = pick((e) => e.shared === 'company' && e.link_password === false);
    const expiry = new Date(Date.now() + 30 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, '+00:00');
    await g.box.sdk(f.owner_id).files.updateFileById(f.id, {
      requestBody: {
        sharedLink: { access: 'company', unsharedAt: dateTimeFromString(expiry), permissions: { canDownload: false } },
      },
      queryParams: { fields: ['shared_link'] },
    });
    const set = (await g.file(f.id)).shared_link;
    expect(set).toMatchObject({ unshared_at: new Date(expiry).toISOString(), can_download: false });
    const r = await applyAndObserve(spec, f);
    expect(r.before.sharedLink).toMatchObject({ unsharedAt: expiry, permissions: { canDownload: false } });
    const u = await undoAndObserve(spec, r.before, r.after);
    expect((await g.file(f.id)).shared_link).toEqual(set);
    expect(u.undone.sharedLink).toEqual(r.before.sharedLink);
    expect(r.action.undoNote?.(r.before, r.after, u.undone)).toBeNull();
  });
});

describe('undo of a link whose expiry has passed since', () => {
  it('leaves it removed: Box would have removed it by now', async () => {
    const spec: ActionSpec = { name: 'remove-shared-link' };
    const f = pick((e) => e.shared === 'company');
    const r = await applyAndObserve(spec, f);
    const link = r.before.sharedLink;
    if (!link) throw new Error('no link');
    const lapsed = { ...r.before, sharedLink: { ...link, unsharedAt: new Date(Date.now() - 60_000).toISOString() } };
    const u = await undoAndObserve(spec, lapsed, r.after);
    expect(u.undone.sharedLink).toBeNull();
    expect(u.events).toEqual([]);
  });
});

describe("the sandbox's link password, as Box takes it", () => {
  it('sets one only on an open link, of eight characters with a digit, capital or symbol, and never shows it', async () => {
    const f = pick((e) => e.shared === 'company' && e.link_password === false);
    const put = (sharedLink: { access: 'open' | 'company'; password: string }) =>
      g.box
        .sdk(f.owner_id)
        .files.updateFileById(f.id, { requestBody: { sharedLink }, queryParams: { fields: ['shared_link'] } });
    await expect(put({ access: 'company', password: 'Str0ng-enough' })).rejects.toMatchObject({
      responseInfo: { statusCode: 400 },
    });
    await expect(put({ access: 'open', password: 'short' })).rejects.toMatchObject({
      responseInfo: { statusCode: 400 },
    });
    expect((await g.file(f.id)).shared_link).toMatchObject({ access: 'company', password_enabled: false });
    const made = await put({ access: 'open', password: 'Str0ng-enough' });
    expect(made.sharedLink?.isPasswordEnabled).toBe(true);
    expect((await g.file(f.id)).shared_link).toMatchObject({ access: 'open', password_enabled: true });
    expect(JSON.stringify(await g.ctl(`/truth/files/${f.id}`))).not.toContain('Str0ng-enough');
  });
});

describe('restrict-shared-link', () => {
  it('narrows an open link to the company (ITEM_SHARED_UPDATE), undo widens it back', async () => {
    const spec: ActionSpec = { name: 'restrict-shared-link', access: 'company' };
    const f = pick((e) => e.shared === 'open');
    const r = await applyAndObserve(spec, f);
    expect(r.after.sharedLink?.access).toBe('company');
    expect(r.diff).toEqual({ changed: [f.id], added: [] });
    expectOnly(r.truthBefore, r.truthAfter, f.id, { shared: 'company', shared_effective: 'company' });
    expect(summary(r.events)).toEqual([['ITEM_SHARED_UPDATE', f.id, f.owner_id]]);
    expect(r.action.applies(spec, r.after).ok).toBe(false);
    const u = await undoAndObserve(spec, r.before, r.after);
    expect(u.truthAfter.get(f.id)).toEqual(truth0.get(f.id));
    expect(summary(u.events)).toEqual([['ITEM_SHARED_UPDATE', f.id, f.owner_id]]);
  });

  it('undo leaves a link removed since removed (it never makes a new one)', async () => {
    const spec: ActionSpec = { name: 'restrict-shared-link', access: 'collaborators' };
    const f = pick((e) => e.shared === 'company');
    const r = await applyAndObserve(spec, f);
    await g.box.setSharedLink(f.id, null, f.owner_id); // the owner removes it afterwards
    const u = await undoAndObserve(spec, r.before, r.after);
    expect(u.undone.sharedLink).toBeNull();
    expect(u.events).toEqual([]);
    expect(u.diff).toEqual({ changed: [], added: [] });
  });

  it('undo of a password link keeps it needing a password (same link, same URL)', async () => {
    const spec: ActionSpec = { name: 'restrict-shared-link', access: 'company' };
    const f = pick((e) => e.shared === 'open' && e.shared_effective === 'open' && e.link_password === true);
    const r = await applyAndObserve(spec, f);
    const u = await undoAndObserve(spec, r.before, r.after);
    expect(u.truthAfter.get(f.id)).toEqual(truth0.get(f.id));
    expect((await g.file(f.id)).shared_link).toMatchObject({ access: 'open', password_enabled: true });
    expect(r.action.undoNote?.(r.before, r.after, u.undone)).toBeNull();
  });

  it('leaves a link that is already as narrow alone', async () => {
    const f = pick((e) => e.shared === 'collaborators');
    const before = await g.box.readFile(f.id, f.owner_id);
    const applies = ACTIONS['restrict-shared-link'].applies(
      { name: 'restrict-shared-link', access: 'company' },
      before,
    );
    expect(applies).toEqual({ ok: false, reason: 'The shared link is already limited to Invited people only' });
  });
});

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

describe('quarantine and restore-from-quarantine', () => {
  it('moves the file to the admin-only quarantine with a note for the owner; undo moves it back and removes the note', async () => {
    const spec: ActionSpec = { name: 'quarantine' };
    const f = pick((e) => e.collaborations === 0);
    // Made once, in the admin's root (an UPLOAD of the folder by the admin), then remembered.
    const made = await g.mark();
    const q = await g.box.quarantineFolder();
    expect(await reopened().quarantineFolder()).toEqual(q);
    expect(summary(await made())).toEqual([['UPLOAD', q.id, g.adminId]]);
    const r = await applyAndObserve(spec, f);
    // In the file's own folder of the quarantine, named by its id.
    const own = r.events[0]?.source.item_id ?? '';
    expect(r.events[0]).toMatchObject({ event_type: 'UPLOAD', source: { item_type: 'folder', parent: { id: q.id } } });
    expect(await g.box.quarantineFolderOf(f.id)).toEqual({ id: own, path: `${q.path}/${f.id}` });
    expect(r.after.parentId).toBe(own);
    expect(r.after.quarantinedFrom).toEqual({
      parentId: f.folder_id,
      parentPath: r.before.parentPath,
      ownerId: f.owner_id,
    });
    expect(r.diff.changed).toEqual([f.id]);
    // The file takes the quarantine folder's owner, the admin (its login and groups follow the id).
    const moved = r.truthAfter.get(f.id);
    expectOnly(r.truthBefore, r.truthAfter, f.id, {
      folder_id: own,
      owner_id: g.adminId,
      owner_login: moved?.owner_login,
      owner_groups: moved?.owner_groups,
    });
    expect(r.diff.added).toHaveLength(1);
    const noteId = r.diff.added[0] ?? '';
    expect(r.after.quarantineNoteId).toBe(noteId);
    const note = await g.file(noteId);
    expect(note).toMatchObject({ name: noteName(r.before.name), folder_id: f.folder_id, owner_id: f.owner_id });
    expect(summary(r.events)).toEqual([
      ['UPLOAD', own, g.adminId],
      ['UPLOAD', noteId, f.owner_id],
      ['MOVE', f.id, g.adminId],
    ]);
    // Only the admin reaches the quarantine: not the owner, not As-User of them.
    await expect(g.box.sdk(f.owner_id).folders.getFolderById(q.id)).rejects.toThrow();
    await expect(g.box.sdk(f.owner_id).files.getFileById(f.id)).rejects.toThrow();
    const text = await readNote(noteId, f.owner_id);
    expect(text).toContain(r.before.name);
    expect(text).toContain('quarantine');
    expect(ACTIONS.quarantine.applies(spec, r.after).ok).toBe(false);

    const u = await undoAndObserve(spec, r.before, r.after);
    expect(u.undone.parentId).toBe(f.folder_id);
    expect(u.undone.quarantinedFrom).toBeNull();
    expect(u.truthAfter.get(f.id)).toEqual(truth0.get(f.id));
    expect(u.diff).toEqual({ changed: [f.id, noteId].sort(), added: [] });
    expect(u.truthAfter.get(noteId)?.trashed).toBe(true);
    expect(summary(u.events)).toEqual([
      ['MOVE', f.id, g.adminId],
      ['DELETE', noteId, f.owner_id],
    ]);
  });

  it('restore-from-quarantine moves a quarantined file back (and its undo puts it in quarantine again)', async () => {
    const f = pick((e) => e.collaborations === 0);
    const before = await g.box.readFile(f.id, f.owner_id);
    const inQ = await ACTIONS.quarantine.apply(g.box, { name: 'quarantine' }, before);
    // A fresh GovernanceBox on the same home finds the file in quarantine, and where it came from.
    const read = await reopened().readFile(f.id);
    expect(read.quarantinedFrom?.parentId).toBe(f.folder_id);
    const spec: ActionSpec = { name: 'restore-from-quarantine' };
    expect(ACTIONS['restore-from-quarantine'].applies(spec, before)).toEqual({
      ok: false,
      reason: 'The file is not in the admin quarantine',
    });
    const events = await g.mark();
    const restored = await ACTIONS['restore-from-quarantine'].apply(g.box, spec, read);
    expect(ACTIONS['restore-from-quarantine'].isApplied(spec, read, restored)).toBe(true);
    expect((await g.snapshot()).get(f.id)).toEqual(truth0.get(f.id));
    expect(summary(await events()).map((e) => e[0])).toEqual(['MOVE', 'DELETE']);
    const again = await ACTIONS['restore-from-quarantine'].undo?.(g.box, spec, read, restored);
    expect(again?.parentId).toBe(inQ.parentId);
    expect(again?.quarantineNoteId).toBeTruthy();
  });
});

describe('quarantine of two files of the same name', () => {
  it('puts each in its own folder of the quarantine: both moved, one note each, and each restores', async () => {
    const spec: ActionSpec = { name: 'quarantine' };
    const first = pick((e) => e.collaborations === 0);
    const firstBefore = await g.box.readFile(first.id, first.owner_id);
    // A second file of that name, in another folder of another user.
    const other = pick(
      (e) => e.collaborations === 0 && e.owner_id !== first.owner_id && e.folder_id !== first.folder_id,
    );
    const twinId = await g.box.uploadText(other.folder_id, firstBefore.name, 'same name', other.owner_id);
    const twinBefore = await g.box.readFile(twinId, other.owner_id);
    const a = await ACTIONS.quarantine.apply(g.box, spec, firstBefore);
    const truthBefore = await g.snapshot();
    const b = await ACTIONS.quarantine.apply(g.box, spec, twinBefore);
    expect(a.quarantinedFrom?.parentId).toBe(first.folder_id);
    expect(b.quarantinedFrom?.parentId).toBe(other.folder_id);
    expect(b.parentId).not.toBe(a.parentId);
    const truthAfter = await g.snapshot();
    expect(truthAfter.get(twinId)?.owner_id).toBe(g.adminId);
    const notes = changedIds(truthBefore, truthAfter).added;
    expect(notes).toEqual([b.quarantineNoteId]);
    expect(truthAfter.get(notes[0] ?? '')).toMatchObject({ folder_id: other.folder_id, owner_id: other.owner_id });
    const back = await ACTIONS['restore-from-quarantine'].apply(g.box, { name: 'restore-from-quarantine' }, b);
    expect(back.parentId).toBe(other.folder_id);
    expect((await g.snapshot()).get(twinId)).toMatchObject({ folder_id: other.folder_id, owner_id: other.owner_id });
    await ACTIONS.quarantine.undo?.(g.box, spec, firstBefore, a);
    expect((await g.snapshot()).get(first.id)).toEqual(truth0.get(first.id));
  });
});

describe('a quarantine whose move does not happen', () => {
  it('takes its note back and forgets the file: no note without a moved file', async () => {
    const spec: ActionSpec = { name: 'quarantine' };
    const f = pick((e) => e.collaborations === 0);
    const before = await g.box.readFile(f.id, f.owner_id);
    await g.box.trashFile(f.id, f.owner_id); // trashed by its owner after the dry run read it
    const truthBefore = await g.snapshot();
    await expect(ACTIONS.quarantine.apply(g.box, spec, before)).rejects.toMatchObject({ status: 404 });
    const truthAfter = await g.snapshot();
    const { added } = changedIds(truthBefore, truthAfter);
    expect(added).toHaveLength(1); // the note was made, and is in the owner's trash now
    expect(truthAfter.get(added[0] ?? '')).toMatchObject({ folder_id: f.folder_id, trashed: true });
    expect((await reopened().readFile(f.id, f.owner_id)).quarantinedFrom).toBeNull();
    await g.box.restoreFile(f.id, f.owner_id);
  });
});

describe('a quarantine cut short (crash recovery)', () => {
  it('after a kill between the note and the move, applying again leaves one note and moves the file once', async () => {
    const spec: ActionSpec = { name: 'quarantine' };
    const f = pick((e) => e.collaborations === 0);
    const before = await g.box.readFile(f.id, f.owner_id);
    const truthBefore = await g.snapshot();
    const events = await g.mark();
    // What apply does first, then the process dies.
    const own = await g.box.quarantineFolderOf(f.id);
    const noteId = await g.box.uploadText(f.folder_id, noteName(before.name), 'cut short', f.owner_id);
    await g.box.rememberQuarantine(
      f.id,
      { parentId: f.folder_id, parentPath: before.parentPath, ownerId: f.owner_id },
      noteId,
      own.id,
    );
    // After the restart the file is read again: not moved, so not applied.
    const now = await reopened().readFile(f.id, f.owner_id);
    expect(ACTIONS.quarantine.isApplied(spec, before, now)).toBe(false);
    const after = await ACTIONS.quarantine.apply(g.box, spec, now);
    expect(ACTIONS.quarantine.isApplied(spec, before, after)).toBe(true);
    expect(after.quarantineNoteId).toBe(noteId);
    const diff = changedIds(truthBefore, await g.snapshot());
    expect(diff).toEqual({ changed: [f.id], added: [noteId] });
    // The file's own quarantine folder made once, the note once, one move.
    expect(summary(await events()).map((e) => e[0])).toEqual(['UPLOAD', 'UPLOAD', 'MOVE']);
    expect(after.parentId).toBe(own.id);
    // Killed after the move: read again, it is applied; nothing is sent twice.
    expect(ACTIONS.quarantine.isApplied(spec, before, await g.box.readFile(f.id, f.owner_id))).toBe(true);
  });
});

describe('trash', () => {
  it('moves the file to the trash (DELETE by the owner), undo restores it into its folder (UNDELETE)', async () => {
    const spec: ActionSpec = { name: 'trash' };
    const f = pick(() => true);
    const r = await applyAndObserve(spec, f);
    expect(r.after.trashed).toBe(true);
    expect(r.diff).toEqual({ changed: [f.id], added: [] });
    expectOnly(r.truthBefore, r.truthAfter, f.id, { trashed: true });
    expect(summary(r.events)).toEqual([['DELETE', f.id, f.owner_id]]);
    expect(ACTIONS.trash.applies(spec, r.after).ok).toBe(false);
    // Sent again (a retry after a lost answer): already done, nothing more happens.
    const again = await g.mark();
    await g.box.trashFile(f.id, f.owner_id);
    expect(await again()).toEqual([]);
    const u = await undoAndObserve(spec, r.before, r.after);
    expect(u.undone.trashed).toBe(false);
    await g.box.restoreFile(f.id, f.owner_id);
    expect(u.truthAfter.get(f.id)).toEqual(truth0.get(f.id));
    expect(summary(u.events)).toEqual([['UNDELETE', f.id, f.owner_id]]);
  });
});

describe('refusals', () => {
  it('a regular user signed in changes nothing of another user: As-User is refused, the file is not found', async () => {
    const f = pick((e) => e.shared !== null);
    const other = g.users.find((u) => u.role === 'user' && !u.external && u.id !== f.owner_id);
    if (!other) throw new Error('no other user');
    const info = g.connected.sandbox.info;
    const token = (await getTokens(info, { userId: other.id })).access_token;
    const client = new BoxClient({ auth: new BoxDeveloperTokenAuth({ token }) }).withCustomBaseUrls({
      baseUrl: info.apiUrl,
      uploadUrl: info.uploadUrl,
      oauth2Url: info.oauth2Url,
    });
    const box = new BoxGovernance(client, new RequestScheduler({ ratePerSecond: 0, concurrency: 2 }), {
      home: g.connected.home,
      admin: { id: other.id, login: other.login },
    });
    await expect(box.readFile(f.id, f.owner_id)).rejects.toMatchObject({ status: 403 });
    await expect(box.setSharedLink(f.id, null, null)).rejects.toMatchObject({ status: 404 });
    await expect(box.trashFile(f.id, null)).rejects.toMatchObject({ status: 404 });
    expect((await g.snapshot()).get(f.id)).toEqual(truth0.get(f.id));
  });
});

function reopened(): BoxGovernance {
  return new BoxGovernance(g.box.sdk(), g.scheduler, {
    home: g.connected.home,
    admin: { id: g.adminId, login: g.users.find((u) => u.id === g.adminId)?.login ?? '' },
  });
}

async function readNote(noteId: string, ownerId: string): Promise<string> {
  const stream = await g.box.sdk(ownerId).downloads.downloadFile(noteId);
  const chunks: Buffer[] = [];
  for await (const c of stream as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(c));
  return Buffer.concat(chunks).toString('utf8');
}
