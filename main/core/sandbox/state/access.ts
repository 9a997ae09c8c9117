/**
 * Who can see what. Box shows a user only their own content and what is shared with them
 * (collaborations); an admin sees others' content only by acting as them (As-User).
 * Inaccessible items answer 404, as Box does, so their existence does not leak.
 */
import type { World, CurrentFile } from './world';
import { folderExists, folderOwner, folderTop } from './catalog';

export function folderVisibleTo(w: World, actor: number, f: number): boolean {
  if (!folderExists(w, f)) return false;
  const top = folderTop(w, f);
  if (folderOwner(w, top) === actor) return true;
  return w.topCollabs(top).some((c) => c.userIndex === actor && c.status === 'accepted');
}

export function fileVisibleTo(w: World, actor: number, file: CurrentFile): boolean {
  if (file.trashedAt !== null) return false;
  // A file uploaded straight into a root "0" is its owner's alone.
  if (file.gen.folder < 0) return file.gen.owner === actor;
  if (folderVisibleTo(w, actor, file.gen.folder)) return true;
  return file.collabs.some((c) => c.userIndex === actor && c.status === 'accepted');
}

/** Top folders shown in `actor`'s root "0": owned ones (generated, then uploaded) and accepted shares, in id order. */
export function rootFolders(w: World, actor: number): number[] {
  const t = w.ent.tree;
  const owned = t.ownedTops[actor] ?? [];
  const uploaded = w.uploads.foldersIn(-1).filter((f) => folderOwner(w, f) === actor);
  const shared = w.sharedTops(actor);
  return [...owned, ...uploaded, ...shared].sort((a, b) => a - b);
}

/** Roles that may add content to a folder (Box: editor, co-owner, uploaders; not viewers or previewers). */
const WRITE_ROLES = new Set(['editor', 'co-owner', 'uploader', 'viewer uploader']);

/** Whether `actor` may upload into folder f (-1: their own root). */
export function folderWritableBy(w: World, actor: number, f: number): boolean {
  if (f < 0) return true;
  const top = folderTop(w, f);
  if (folderOwner(w, top) === actor) return true;
  return w.topCollabs(top).some((c) => c.userIndex === actor && c.status === 'accepted' && WRITE_ROLES.has(c.role));
}

/** Whether `actor` may upload a new version of a file they can see. */
export function fileWritableBy(w: World, actor: number, file: CurrentFile): boolean {
  if (file.gen.folder < 0) return file.gen.owner === actor;
  if (file.gen.owner === actor || folderWritableBy(w, actor, file.gen.folder)) return true;
  return file.collabs.some((c) => c.userIndex === actor && c.status === 'accepted' && c.role === 'editor');
}
