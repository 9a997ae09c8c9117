/**
 * The ground truth a policy test needs of one file, as things stand now (later changes
 * included): its link's effective access, its external collaborators' logins (its own and
 * those of its top folder, which cover everything beneath; rejected invitations excluded, as
 * the scan does), its modified time, and its owner's login and groups.
 */
import { isoTime } from '../http/context';
import { groupNames, groupsOf } from './groups';
import type { CurrentFile, World } from './world';

export function policyTruthOf(w: World, f: CurrentFile): Record<string, unknown> {
  const users = w.ent.users;
  const top = w.ent.tree.top[f.gen.folder];
  const inherited = top === undefined ? [] : w.topCollabs(top);
  const logins = new Set<string>();
  for (const c of [...inherited, ...f.collabs]) {
    const u = users[c.userIndex];
    if (u?.external && (c.status as string) !== 'rejected') logins.add(u.login);
  }
  const g = groupsOf(w.ent, w.ent.seed, users);
  return {
    shared_effective: f.link?.effectiveAccess ?? null,
    link_password: f.link?.passwordEnabled ?? false,
    external_collaborators: [...logins].sort(),
    modified_at: isoTime(f.modifiedAt),
    owner_login: users[f.gen.owner]?.login ?? null,
    owner_groups: groupNames(g, f.gen.owner),
  };
}
