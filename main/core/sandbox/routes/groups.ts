/** /2.0/groups and /2.0/groups/:id/memberships (offset paging), as Box answers an admin. */
import type { Ctx } from '../http/context';
import { boxError, sendJson } from '../http/context';
import { requireEnterpriseAdmin, requireScope } from '../http/auth';
import { parseLimit, parseOffset } from '../http/params';
import { groupsOf, type SandboxGroup } from '../state/groups';

function worldGroups(ctx: Ctx) {
  const w = ctx.world;
  return groupsOf(w.ent, w.ent.seed, w.ent.users);
}

const groupJson = (g: SandboxGroup) => ({ type: 'group', id: g.id, name: g.name, group_type: 'managed_group' });

function allowed(ctx: Ctx): boolean {
  return requireScope(ctx, 'manage_groups', 'manage_managed_users') && requireEnterpriseAdmin(ctx);
}

export function listGroups(ctx: Ctx): void {
  if (!allowed(ctx)) return;
  const all = worldGroups(ctx).groups;
  const limit = parseLimit(ctx, 100, 1000);
  const offset = parseOffset(ctx);
  sendJson(ctx, 200, {
    total_count: all.length,
    limit,
    offset,
    entries: all.slice(offset, offset + limit).map(groupJson),
  });
}

export function groupMemberships(ctx: Ctx): void {
  if (!allowed(ctx)) return;
  const w = ctx.world;
  const g = worldGroups(ctx).groups.find((x) => x.id === ctx.params.id);
  if (!g) return boxError(ctx, 404, 'not_found', 'Not Found');
  const limit = parseLimit(ctx, 100, 1000);
  const offset = parseOffset(ctx);
  const entries = g.members.slice(offset, offset + limit).map((i) => {
    const u = w.ent.users[i]!;
    return {
      type: 'group_membership',
      id: `${g.id}${String(i).padStart(6, '0')}`,
      user: { type: 'user', id: u.id, name: u.name, login: u.login },
      group: groupJson(g),
      role: 'member',
    };
  });
  sendJson(ctx, 200, { total_count: g.members.length, limit, offset, entries });
}
