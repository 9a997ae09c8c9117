/**
 * POST /oauth2/token (authorization_code, refresh_token) and POST /oauth2/revoke, with Box's
 * rules: client credentials in the form body (HTTP Basic is refused), codes live 30 s and work
 * once, PKCE checked when the code carried a challenge, refresh tokens are single use (a spent
 * one replays its answer until that answer is put to use: TokenStore.replayablePair) and live
 * 60 days, and each success is `Cache-Control: no-store`.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Ctx } from '../http/context';
import { oauthError, readBody, sendEmpty, sendJson } from '../http/context';
import type { TokenRecord } from '../state/tokens';

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

async function form(ctx: Ctx): Promise<URLSearchParams | null> {
  const type = String(ctx.req.headers['content-type'] ?? '');
  if (!type.startsWith('application/x-www-form-urlencoded')) {
    oauthError(ctx, 'invalid_request', 'Content-Type must be application/x-www-form-urlencoded');
    return null;
  }
  return new URLSearchParams(await readBody(ctx.req));
}

function checkClient(ctx: Ctx, body: URLSearchParams): boolean {
  const w = ctx.world;
  const id = body.get('client_id');
  const secret = body.get('client_secret');
  if (!id || !secret) {
    // Box wants the credentials in the body; a Basic header alone is an invalid client.
    oauthError(ctx, 'invalid_client', 'The client credentials are invalid');
    return false;
  }
  if (!same(id, w.app.clientId) || !same(secret, w.app.clientSecret)) {
    oauthError(ctx, 'invalid_client', 'The client credentials are invalid');
    return false;
  }
  return true;
}

function issue(
  ctx: Ctx,
  userIndex: number,
  scopes: string[],
  grantId: number,
): { access: TokenRecord; refresh: TokenRecord } {
  const w = ctx.world;
  const pair = w.tokens.issuePair(userIndex, w.app.clientId, scopes, grantId, w.now(), w.app.accessTtlMs);
  sendPair(ctx, pair.access, pair.refresh);
  return pair;
}

function sendPair(ctx: Ctx, access: TokenRecord, refresh: TokenRecord): void {
  sendJson(
    ctx,
    200,
    {
      access_token: access.value,
      expires_in: Math.max(0, Math.round((access.expiresAt - ctx.world.now()) / 1000)),
      restricted_to: [],
      refresh_token: refresh.value,
      token_type: 'bearer',
    },
    { 'cache-control': 'no-store', pragma: 'no-cache' },
  );
}

export function pkceMatches(verifier: string, challenge: string, method: 'S256' | 'plain'): boolean {
  const derived = method === 'plain' ? verifier : createHash('sha256').update(verifier).digest('base64url');
  return same(derived, challenge);
}

export async function token(ctx: Ctx): Promise<void> {
  const body = await form(ctx);
  if (!body || !checkClient(ctx, body)) return;
  const w = ctx.world;
  const grant = body.get('grant_type');
  if (grant !== 'authorization_code' && grant !== 'refresh_token') {
    return oauthError(ctx, 'unsupported_grant_type', 'Grant type is not supported');
  }
  if (!w.appAllowed())
    return oauthError(ctx, 'unauthorized_client', 'This app is not authorized by the enterprise admin');
  const now = w.now();
  if (grant === 'authorization_code') {
    const code = w.tokens.codes.get(body.get('code') ?? '');
    if (!code || code.used || code.clientId !== w.app.clientId) {
      return oauthError(ctx, 'invalid_grant', "Auth code doesn't exist or is invalid for the client");
    }
    // The code is spent by this attempt whatever happens next: a replay must never succeed.
    code.used = true;
    if (now >= code.expiresAt) return oauthError(ctx, 'invalid_grant', 'The authorization code has expired');
    const redirectUri = body.get('redirect_uri');
    if (redirectUri !== null && redirectUri !== code.redirectUri)
      return oauthError(ctx, 'invalid_grant', 'The redirect_uri does not match the one of the authorization request');
    if (code.challenge !== null) {
      const verifier = body.get('code_verifier');
      if (!verifier || !pkceMatches(verifier, code.challenge, code.challengeMethod)) {
        return oauthError(ctx, 'invalid_grant', 'Invalid code_verifier');
      }
    }
    issue(ctx, code.userIndex, code.scopes, w.tokens.newGrantId());
    return;
  }
  const old = w.tokens.tokens.get(body.get('refresh_token') ?? '');
  // Every presentation counts, refused or not, so tests can prove each refresh token was spent once.
  if (old) old.presented = (old.presented ?? 0) + 1;
  if (old && old.clientId === w.app.clientId) {
    // A spent token whose answer was never put to use gets that same answer again.
    const replay = w.tokens.replayablePair(old, now);
    if (replay) return sendPair(ctx, replay.access, replay.refresh);
  }
  if (!old || old.kind !== 'refresh' || old.clientId !== w.app.clientId || old.state !== 'active') {
    return oauthError(ctx, 'invalid_grant', 'Invalid refresh token');
  }
  if (now >= old.expiresAt) return oauthError(ctx, 'invalid_grant', 'Refresh token has expired');
  old.state = 'used';
  const next = issue(ctx, old.userIndex, old.scopes, old.grantId);
  old.successor = { access: next.access.value, refresh: next.refresh.value };
}

export async function revoke(ctx: Ctx): Promise<void> {
  const body = await form(ctx);
  if (!body || !checkClient(ctx, body)) return;
  const w = ctx.world;
  const t: TokenRecord | undefined = w.tokens.tokens.get(body.get('token') ?? '');
  // Revoking either token of a sign-in logs that sign-in out entirely (access and refresh).
  // Unknown tokens succeed silently (RFC 7009), so revoke is safe to repeat.
  if (t && t.clientId === w.app.clientId) w.tokens.revokeGrant(t.grantId, 'revoked');
  sendEmpty(ctx, 200, { 'cache-control': 'no-store' });
}
