/** /2.0/users/me, /2.0/users/{id} and /2.0/users (offset or marker paging, user_type, filter_term). */
import type { Ctx } from '../http/context';
import { boxError, sendJson } from '../http/context';
import { requireEnterpriseAdmin, requireScope } from '../http/auth';
import { decodeMarker, encodeMarker, parseFields, parseLimit, parseOffset, useMarker } from '../http/params';
import { userIndexById } from '../generator/users';
import { userJson } from '../views/users';

export function getMe(ctx: Ctx): void {
  if (!ctx.auth) return;
  sendJson(ctx, 200, userJson(ctx.world, ctx.auth.actor, parseFields(ctx)));
}

export function getUser(ctx: Ctx): void {
  if (!ctx.auth) return;
  const w = ctx.world;
  const i = userIndexById(w.ent.users, ctx.params.id ?? '');
  if (i !== ctx.auth.actor) {
    if (!requireScope(ctx, 'manage_managed_users') || !requireEnterpriseAdmin(ctx)) return;
  }
  if (i < 0) return boxError(ctx, 404, 'not_found', 'Not Found');
  sendJson(ctx, 200, userJson(w, i, parseFields(ctx)));
}

export function listUsers(ctx: Ctx): void {
  if (!requireScope(ctx, 'manage_managed_users') || !requireEnterpriseAdmin(ctx)) return;
  const w = ctx.world;
  const type = ctx.q.get('user_type') ?? 'all';
  if (!['all', 'managed', 'external'].includes(type)) {
    return boxError(ctx, 400, 'invalid_request_parameters', `Invalid value '${type}' for query parameter 'user_type'.`);
  }
  const term = (ctx.q.get('filter_term') ?? '').toLowerCase();
  // Box: "all" returns managed users matching the term, and an external user only when the
  // term is that user's full login; "external" lists external users.
  const matches = w.ent.users.filter((u) => {
    const hit = term === '' || u.name.toLowerCase().startsWith(term) || u.login.toLowerCase().startsWith(term);
    if (type === 'managed') return !u.external && hit;
    if (type === 'external') return u.external && hit;
    return u.external ? term !== '' && u.login.toLowerCase() === term : hit;
  });
  const fields = parseFields(ctx);
  const limit = parseLimit(ctx, 100, 1000);
  if (useMarker(ctx)) {
    const scope = `users:${type}:${term}`;
    const start = decodeMarker(ctx, scope);
    const page = matches.slice(start, start + limit);
    const next = start + limit < matches.length ? encodeMarker(scope, start + limit) : null;
    return sendJson(ctx, 200, { limit, next_marker: next, entries: page.map((u) => userJson(w, u.index, fields)) });
  }
  const offset = parseOffset(ctx);
  const page = matches.slice(offset, offset + limit);
  sendJson(ctx, 200, {
    total_count: matches.length,
    limit,
    offset,
    entries: page.map((u) => userJson(w, u.index, fields)),
  });
}
