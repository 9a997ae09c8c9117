/**
 * Activities on folders: a collaboration invited, changed or removed (which changes the access
 * of everything beneath, as in Box), or a read-only look (preview, download, open) that changes
 * nothing. Collaborations live on top-level folders in this sandbox (the generator puts them
 * there and they cover the subtree), so collaboration changes are accepted on top folders
 * only. Folder shared links are not modelled: SHARE/UNSHARE on a folder are refused rather
 * than logged without an effect.
 */
import { hash, Rng, S, token } from '../generator/prng';
import type { SandboxEvent } from '../generator/events';
import type { FolderCollab } from '../generator/tree';
import { ActivityError } from './activity';
import type { World } from './world';

export const FOLDER_ACTIVITY_TYPES = [
  'COLLABORATION_INVITE',
  'COLLABORATION_ROLE_CHANGE',
  'COLLABORATION_REMOVE',
  'PREVIEW',
  'DOWNLOAD',
  'ITEM_OPEN',
  'CONTENT_ACCESS',
] as const;
export type FolderActivityType = (typeof FOLDER_ACTIVITY_TYPES)[number];

export interface FolderActivityInput {
  folderIndex: number;
  type: FolderActivityType;
  actor?: number;
  /** COLLABORATION_INVITE: whom to invite (default: an external user not yet invited). */
  invitee?: number;
}

export function applyFolderActivity(w: World, input: FolderActivityInput): SandboxEvent {
  const t = w.ent.tree;
  const f = input.folderIndex;
  if (f < 0 || f >= t.folderCount) throw new ActivityError('no such folder');
  const owner = t.owner[f] ?? 0;
  const actor = input.actor ?? owner;
  const { type } = input;
  const now = w.now();
  let details: Record<string, unknown> | null = null;
  if (type.startsWith('COLLABORATION_')) {
    if ((t.top[f] ?? f) !== f)
      throw new ActivityError('collaborations are modelled on top-level folders only (they cover the subtree)');
    const list: FolderCollab[] = [...w.topCollabs(f)];
    if (type === 'COLLABORATION_INVITE') {
      const users = w.ent.users;
      const invitee =
        input.invitee ?? users.findIndex((u, i) => u.external && i !== owner && !list.some((c) => c.userIndex === i));
      if (invitee < 0 || invitee === owner || !users[invitee]) throw new ActivityError('nobody left to invite');
      if (list.some((c) => c.userIndex === invitee)) throw new ActivityError('already a collaborator');
      list.push({
        id: String(71_000_000_000 + w.live.length),
        userIndex: invitee,
        role: 'editor',
        status: 'accepted',
        createdAt: now,
        createdBy: actor,
      });
      details = { role: 'editor', invitee: users[invitee]?.login };
    } else if (type === 'COLLABORATION_ROLE_CHANGE') {
      const first = list[0];
      if (!first) throw new ActivityError('the folder has no collaboration');
      list[0] = { ...first, role: first.role === 'editor' ? 'viewer' : 'editor' };
      details = { role: list[0].role, invitee: w.ent.users[first.userIndex]?.login };
    } else {
      const last = list.pop();
      if (!last) throw new ActivityError('the folder has no collaboration');
      details = { invitee: w.ent.users[last.userIndex]?.login };
    }
    w.folderCollabs.set(f, list);
  }
  const r = new Rng(hash(w.ent.seed, S.live, w.live.length));
  return w.appendEvent({
    eventId: `${r.int(0x10000000).toString(16).padStart(7, '0')}-live-${w.live.length.toString(16)}-${token(w.ent.seed, S.live, w.live.length, 12)}`,
    type,
    actor,
    file: -1,
    folder: f,
    ip: `10.${r.int(200)}.${r.int(250)}.${1 + r.int(250)}`,
    details,
  });
}
