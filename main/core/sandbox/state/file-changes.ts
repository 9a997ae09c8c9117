/**
 * What the mutating endpoints do to the world, as Box does it, each logged as the admin event
 * Box writes (admin_logs): a shared link made (SHARE), changed (ITEM_SHARED_UPDATE) or removed
 * (UNSHARE); a move (MOVE); the trash (DELETE) and back (UNDELETE); a collaborator invited
 * (COLLABORATION_INVITE) or removed (COLLABORATION_REMOVE). The event's source is the item as it
 * is now (admin_logs shows the current parent), created_by the acting user. The HTTP side (auth,
 * parsing, Box's errors) is in routes/file-changes.ts and routes/collaborations.ts.
 */
import { randomBytes } from 'node:crypto';
import { effectiveLinkAccess, type FileCollab, type GeneratedLink, type LinkAccess } from '../generator/files';
import type { FolderCollab } from '../generator/tree';
import { folderOwner } from './catalog';
import type { CurrentFile, World } from './world';

type ChangeType =
  | 'SHARE'
  | 'ITEM_SHARED_UPDATE'
  | 'UNSHARE'
  | 'MOVE'
  | 'DELETE'
  | 'UNDELETE'
  | 'COLLABORATION_INVITE'
  | 'COLLABORATION_REMOVE';

function logChange(
  w: World,
  type: ChangeType,
  actor: number,
  item: { file: number } | { folder: number },
  details: Record<string, unknown> | null = null,
): void {
  w.appendEvent({
    eventId: `${randomBytes(4).toString('hex')}-chg-${w.live.length.toString(16)}-${randomBytes(6).toString('hex')}`,
    type,
    actor,
    file: 'file' in item ? item.file : -1,
    folder: 'folder' in item ? item.folder : -1,
    ip: '10.0.0.1',
    details,
  });
}

/**
 * What a PUT may set besides the access: a password (true: set, false: removed; the sandbox
 * keeps only that one is set, never the password), the expiry, the download and edit permissions.
 */
export interface LinkSettings {
  password?: boolean;
  unsharedAt?: number | null;
  canDownload?: boolean;
  canEdit?: boolean;
}

function sameLink(a: GeneratedLink, b: GeneratedLink): boolean {
  return (
    a.access === b.access &&
    a.passwordEnabled === b.passwordEnabled &&
    (a.unsharedAt ?? null) === (b.unsharedAt ?? null) &&
    (a.canDownload ?? true) === (b.canDownload ?? true) &&
    (a.canEdit ?? false) === (b.canEdit ?? false)
  );
}

/**
 * Creates, changes (`access`, `settings`) or removes (null) the file's shared link. A new link gets
 * a new token (a new URL); a changed one keeps its URL. The enterprise's cap on open links applies.
 */
export function setSharedLink(
  w: World,
  file: CurrentFile,
  access: LinkAccess | null,
  actor: number,
  settings: LinkSettings = {},
): void {
  const k = file.gen.k;
  const old = file.link;
  if (access === null) {
    if (!old) return; // Box answers the file unchanged and logs nothing
    w.override(k).link = null;
    return logChange(w, 'UNSHARE', actor, { file: k });
  }
  const next: GeneratedLink = {
    access,
    effectiveAccess: effectiveLinkAccess(w.ent.seed, k, access),
    token: old?.token ?? randomBytes(16).toString('hex'),
    passwordEnabled: settings.password ?? old?.passwordEnabled ?? false,
    downloadCount: old?.downloadCount ?? 0,
    previewCount: old?.previewCount ?? 0,
    unsharedAt: settings.unsharedAt !== undefined ? settings.unsharedAt : (old?.unsharedAt ?? null),
    canDownload: settings.canDownload ?? old?.canDownload ?? true,
    canEdit: settings.canEdit ?? old?.canEdit ?? false,
  };
  if (old && sameLink(old, next)) return;
  w.override(k).link = next;
  logChange(w, old ? 'ITEM_SHARED_UPDATE' : 'SHARE', actor, { file: k }, { shared_link_access: access });
}

/** Moves the file into folder `to` (-1: the actor's root); it takes the folder's owner, as in Box. */
export function moveFile(w: World, file: CurrentFile, to: number, actor: number): void {
  const k = file.gen.k;
  const from = file.gen.folder;
  if (from === to) return;
  const o = w.override(k);
  o.folder = to;
  o.owner = to < 0 ? actor : folderOwner(w, to);
  w.moves.move(k, w.originFolder(k), from, to);
  logChange(w, 'MOVE', actor, { file: k });
}

export function trashFile(w: World, file: CurrentFile, actor: number): void {
  w.override(file.gen.k).trashedAt = w.now();
  w.setTrashed(file.gen.k, file.gen.folder, true);
  logChange(w, 'DELETE', actor, { file: file.gen.k });
}

/** Out of the trash, into its folder or `to` when given (the old folder gone or chosen by the caller). */
export function restoreFile(w: World, file: CurrentFile, to: number | null, actor: number): void {
  const k = file.gen.k;
  w.override(k).trashedAt = null;
  w.setTrashed(k, file.gen.folder, false);
  if (to !== null && to !== file.gen.folder) {
    const o = w.override(k);
    o.folder = to;
    o.owner = to < 0 ? actor : folderOwner(w, to);
    w.moves.move(k, w.originFolder(k), file.gen.folder, to);
  }
  logChange(w, 'UNDELETE', actor, { file: k });
}

/** A new collaboration on the file (a new id every time, as Box gives a re-invited user). */
export function inviteToFile(
  w: World,
  file: CurrentFile,
  user: number,
  role: FileCollab['role'],
  actor: number,
): FileCollab {
  const collab: FileCollab = { id: w.newCollabId(), userIndex: user, role, status: 'accepted', createdAt: w.now() };
  w.override(file.gen.k).collabs = [...file.collabs, collab];
  logChange(w, 'COLLABORATION_INVITE', actor, { file: file.gen.k }, { role, invitee: w.ent.users[user]?.login });
  return collab;
}

export function inviteToFolder(
  w: World,
  top: number,
  user: number,
  role: FolderCollab['role'],
  actor: number,
): FolderCollab {
  const collab: FolderCollab = {
    id: w.newCollabId(),
    userIndex: user,
    role,
    status: 'accepted',
    createdAt: w.now(),
    createdBy: actor,
  };
  w.folderCollabs.set(top, [...w.topCollabs(top), collab]);
  logChange(w, 'COLLABORATION_INVITE', actor, { folder: top }, { role, invitee: w.ent.users[user]?.login });
  return collab;
}

/** Where a collaboration id lives: on a file (index) or a top folder; null when there is none. */
export type CollabPlace = { file: CurrentFile; collab: FileCollab } | { top: number; collab: FolderCollab };

export function findCollab(w: World, id: string): CollabPlace | null {
  // Generated file collaborations carry their file's index in the id (generator/files.ts).
  const n = Number(id);
  const generated = (n - 60_000_000_000) / 4;
  const candidates = Number.isInteger(generated) && generated >= 0 ? [generated] : [];
  for (const [k, o] of w.overrides) if (o.collabs) candidates.push(k);
  for (const k of candidates) {
    const file = w.file(k);
    const collab = file?.collabs.find((c) => c.id === id);
    if (file && collab) return { file, collab };
  }
  const tops = new Set([...w.ent.tree.collabs.keys(), ...w.folderCollabs.keys()]);
  for (const top of tops) {
    const collab = w.topCollabs(top).find((c) => c.id === id);
    if (collab) return { top, collab };
  }
  return null;
}

export function removeCollab(w: World, place: CollabPlace, actor: number): void {
  const { id } = place.collab;
  const details = { role: place.collab.role, invitee: w.ent.users[place.collab.userIndex]?.login };
  if ('file' in place) {
    const k = place.file.gen.k;
    w.override(k).collabs = place.file.collabs.filter((c) => c.id !== id);
    return logChange(w, 'COLLABORATION_REMOVE', actor, { file: k }, details);
  }
  w.folderCollabs.set(
    place.top,
    w.topCollabs(place.top).filter((c) => c.id !== id),
  );
  logChange(w, 'COLLABORATION_REMOVE', actor, { folder: place.top }, details);
}
