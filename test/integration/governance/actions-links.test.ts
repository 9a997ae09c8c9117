/**
 * The shared-link actions and their undo against the sandbox over the official SDK: the truth
 * changes exactly as expected for that file and nothing else, admin_logs shows the events Box
 * would log, undo puts back the access, expiry and permissions and never opens a password link.
 */
import { describe, expect, it } from 'vitest';
import { dateTimeFromString } from 'box-node-sdk/internal/utils';
import type { ActionSpec } from '../../../common/policy/types';
import { ACTIONS } from '../../../main/core/governance/actions';
import { applyAndObserve, expectOnly, g, pick, summary, truth0, undoAndObserve, useActionWorld } from './action-world';

useActionWorld();

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
