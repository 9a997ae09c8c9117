/**
 * Who can see what. Box shows a user only their own content and what is shared with them
 * (collaborations); an admin sees others' content only by acting as them (As-User).
 * Inaccessible items answer 404, as Box does, so their existence does not leak.
 */
import type { World, CurrentFile } from './world';

export function folderVisibleTo(w: World, actor: number, f: number): boolean {
  const t = w.ent.tree;
  if (f < 0 || f >= t.folderCount) return false;
  const top = t.top[f] ?? f;
  if ((t.owner[top] ?? -1) === actor) return true;
  return w.topCollabs(top).some((c) => c.userIndex === actor && c.status === 'accepted');
}

export function fileVisibleTo(w: World, actor: number, file: CurrentFile): boolean {
  if (file.trashedAt !== null) return false;
  if (folderVisibleTo(w, actor, file.gen.folder)) return true;
  return file.collabs.some((c) => c.userIndex === actor && c.status === 'accepted');
}

/** Top folders shown in `actor`'s root "0": owned ones and accepted shares, in id order. */
export function rootFolders(w: World, actor: number): number[] {
  const t = w.ent.tree;
  const owned = t.ownedTops[actor] ?? [];
  const shared = w.sharedTops(actor);
  return [...owned, ...shared].sort((a, b) => a - b);
}
