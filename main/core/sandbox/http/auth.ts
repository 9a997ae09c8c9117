/**
 * Bearer-token checks and the As-User rules, as Box applies them:
 * - an expired, revoked or unknown token → 401 with an EMPTY body and WWW-Authenticate;
 * - a missing scope → 403 with an empty body and error="insufficient_scope";
 * - As-User: an admin may act as anyone else; a co-admin not as the primary admin or another
 *   co-admin; a user never; nobody as themselves.
 */
import type { Ctx } from './context';
import { boxError, sendEmpty } from './context';
import { userIndexById } from '../generator/users';

const REALM = 'Bearer realm="Service"';
export const NO_ENTERPRISE_MESSAGE = 'User cannot access this feature without having an enterprise';

export function unauthorized(ctx: Ctx, withError: boolean): void {
  const header = withError
    ? `${REALM}, error="invalid_token", error_description="The access token provided is invalid."`
    : REALM;
  sendEmpty(ctx, 401, { 'www-authenticate': header });
}

/** Returns false after answering when the request may not go on. */
export function authenticate(ctx: Ctx): boolean {
  const w = ctx.world;
  const header = ctx.req.headers.authorization ?? '';
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  if (!m || !m[1]) {
    unauthorized(ctx, false);
    return false;
  }
  const token = w.tokens.tokens.get(m[1]);
  // A token of an app the enterprise no longer allows is treated as invalid: Box's exact
  // answer is unconfirmed, and refusing it is the fail-safe reading.
  if (
    !token ||
    token.kind !== 'access' ||
    w.tokens.stateOf(token, w.now()) !== 'active' ||
    token.clientId !== w.app.clientId ||
    !w.appAllowed()
  ) {
    unauthorized(ctx, true);
    return false;
  }
  // Using the access token ends the grace of the refresh token it was exchanged for.
  token.usedByApi = true;
  const scopes = new Set(token.scopes.filter((s) => w.app.scopes.has(s)));
  ctx.auth = { token, user: token.userIndex, actor: token.userIndex, scopes };
  return asUser(ctx);
}

function asUser(ctx: Ctx): boolean {
  const raw = ctx.req.headers['as-user'];
  if (raw === undefined || !ctx.auth) return true;
  const w = ctx.world;
  const id = Array.isArray(raw) ? (raw[0] ?? '') : raw;
  const me = ctx.auth.user;
  const role = w.roleOf(me);
  const deny = (message: string) => {
    boxError(ctx, 403, 'access_denied_insufficient_permissions', message);
    return false;
  };
  if (!w.settings.hasEnterprise) return deny(NO_ENTERPRISE_MESSAGE);
  if (!w.app.asUserEnabled) return deny('The application is not authorized to perform actions as other users');
  if (role === 'user') return deny('Access denied - insufficient permission');
  const target = userIndexById(w.ent.users, id.trim());
  // Unknown users and external users cannot be impersonated; answering 403 (not 404) does not
  // confirm whether an id exists.
  if (target < 0 || w.ent.users[target]?.external) return deny('Access denied - insufficient permission');
  if (target === me) return deny('Access denied - cannot act as yourself');
  if (role === 'coadmin' && w.roleOf(target) !== 'user') return deny('Access denied - insufficient permission');
  ctx.auth.actor = target;
  return true;
}

/** Content needs a root scope; user listing manage_managed_users; events manage_enterprise_properties. */
export function requireScope(ctx: Ctx, ...anyOf: string[]): boolean {
  if (!ctx.auth) return false;
  if (anyOf.some((s) => ctx.auth?.scopes.has(s))) return true;
  sendEmpty(ctx, 403, {
    'www-authenticate': `${REALM}, error="insufficient_scope", error_description="The request requires higher privileges than provided by the access token."`,
  });
  return false;
}

/** Enterprise features: an enterprise, and an admin or co-admin (co-admins have all rights here). */
export function requireEnterpriseAdmin(ctx: Ctx): boolean {
  const w = ctx.world;
  if (!ctx.auth) return false;
  if (!w.settings.hasEnterprise) {
    boxError(ctx, 403, 'access_denied_insufficient_permissions', NO_ENTERPRISE_MESSAGE);
    return false;
  }
  if (w.roleOf(ctx.auth.user) === 'user') {
    boxError(ctx, 403, 'access_denied_insufficient_permissions', 'Access denied - insufficient permission');
    return false;
  }
  return true;
}
