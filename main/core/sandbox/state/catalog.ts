/**
 * Folders and file IDs over both the generated tree and what was uploaded (state/uploads.ts):
 * the routes and views ask here instead of reading the tree's arrays, so an uploaded folder is
 * a folder like any other.
 */
import { fileIndexById } from '../generator/files';
import { folderIdOf, folderIndexById, folderName } from '../generator/tree';
import { indexOfId } from '../generator/ids';
import type { World } from './world';

function uploaded(w: World, f: number) {
  return f >= w.ent.tree.folderCount ? w.uploads.folder(f) : null;
}

export function folderExists(w: World, f: number): boolean {
  return (f >= 0 && f < w.ent.tree.folderCount) || uploaded(w, f) !== null;
}

/** Parent folder index; -1 for a top-level folder (it sits in its owner's root "0"). */
export function folderParent(w: World, f: number): number {
  return uploaded(w, f)?.parent ?? w.ent.tree.parent[f] ?? -1;
}

export function folderOwner(w: World, f: number): number {
  return uploaded(w, f)?.owner ?? w.ent.tree.owner[f] ?? 0;
}

/** The top-level folder above f (f itself at the top); -1 for the root. */
export function folderTop(w: World, f: number): number {
  if (f < 0) return -1;
  return uploaded(w, f)?.top ?? w.ent.tree.top[f] ?? f;
}

export function folderLabel(w: World, f: number): string {
  return uploaded(w, f)?.name ?? folderName(w.ent.tree, f);
}

export function folderIdOfAny(w: World, f: number): string {
  return f < 0 ? '0' : folderIdOf(w.ent.tree, f);
}

/** The folder index an ID names (generated or uploaded), or -1. "0" is not a folder index. */
export function folderIndexOfId(w: World, id: string): number {
  const t = w.ent.tree;
  const f = folderIndexById(t, id);
  if (f >= 0) return f;
  const u = indexOfId(id, t.folderIdBase + t.folderCount, w.uploads.folderCount);
  return u < 0 ? -1 : t.folderCount + u;
}

/** The file index an ID names (generated or uploaded), or -1. */
export function fileIndexOfId(w: World, id: string): number {
  const sp = w.ent.space;
  const k = fileIndexById(sp, id);
  if (k >= 0) return k;
  const u = indexOfId(id, sp.fileIdBase + sp.files, w.uploads.fileCount);
  return u < 0 ? -1 : sp.files + u;
}
