/**
 * Quarantine, restore-from-quarantine and trash, and their undo, against the sandbox over the
 * official SDK; and the refusals of a non-admin sign-in.
 */
import { describe, expect, it } from 'vitest';
import { BoxClient, BoxDeveloperTokenAuth } from 'box-node-sdk';
import type { ActionSpec } from '../../../common/policy/types';
import { ACTIONS } from '../../../main/core/governance/actions';
import { BoxGovernance } from '../../../main/core/governance/box-governance';
import { noteName } from '../../../main/core/governance/actions/quarantine';
import { RequestScheduler } from '../../../main/core/scan/scheduler';
import { getTokens } from '../sandbox/helpers';
import { changedIds } from './support';
import {
  applyAndObserve,
  expectOnly,
  g,
  pick,
  readNote,
  reopened,
  summary,
  truth0,
  undoAndObserve,
  useActionWorld,
} from './action-world';

useActionWorld();

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
