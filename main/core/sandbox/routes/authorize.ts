/**
 * The consent page at /api/oauth2/authorize (Box's path). A person or Playwright picks one of
 * the enterprise's users, sees the app and the access it asks for, and grants or denies.
 * Redirect URIs follow Box's rules: exact match, except that loopback URIs may use any port.
 * A mismatch shows an error page and never redirects (an attacker's URI must not get a code).
 */
import type { Ctx } from '../http/context';
import { escapeHtml, readBody, redirect, sendHtml } from '../http/context';
import { randomToken, CODE_TTL_MS } from '../state/tokens';
import type { World } from '../state/world';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const NONCE_TTL_MS = 10 * 60_000;

const SCOPE_TEXT: Record<string, string> = {
  root_readonly: 'Read all files and folders stored in Box',
  root_readwrite: 'Read and write all files and folders stored in Box',
  manage_managed_users: 'Manage users (team information)',
  manage_groups: 'Manage groups',
  manage_enterprise_properties: 'Manage enterprise properties (activity log)',
};

export function redirectUriAllowed(registered: readonly string[], candidate: string): boolean {
  let c: URL;
  try {
    c = new URL(candidate);
  } catch {
    return false;
  }
  return registered.some((r) => {
    if (r === candidate) return true;
    const u = new URL(r);
    if (!LOOPBACK.has(u.hostname) || u.protocol !== c.protocol || u.hostname !== c.hostname) return false;
    return (
      u.pathname === c.pathname && u.search === c.search && c.hash === '' && c.username === '' && c.password === ''
    );
  });
}

interface AuthRequest {
  clientId: string;
  redirectUri: string;
  state: string | null;
  scopes: string[];
  challenge: string | null;
  method: 'S256' | 'plain';
}

function errorPage(ctx: Ctx, status: number, title: string, text: string): void {
  sendHtml(ctx, status, page(title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>`));
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} | Box</title>
<style>body{font-family:system-ui,sans-serif;max-width:34rem;margin:3rem auto;color:#222}button{font-size:1rem;padding:.5rem 1.2rem;margin-right:.6rem}
.grant{background:#0061d5;color:#fff;border:0}.note{color:#666;font-size:.85rem}label{display:block;margin:1rem 0 .3rem}</style></head>
<body><p class="note">Box (sandbox enterprise)</p>${body}</body></html>`;
}

function redirectWith(ctx: Ctx, uri: string, params: Record<string, string | null>): void {
  const u = new URL(uri);
  for (const [k, v] of Object.entries(params)) if (v !== null) u.searchParams.set(k, v);
  redirect(ctx, u.toString());
}

/** Validates an authorization request; answers (page or redirect) and returns null if invalid. */
function parseRequest(ctx: Ctx, p: URLSearchParams): AuthRequest | null {
  const w = ctx.world;
  const clientId = p.get('client_id') ?? '';
  if (clientId !== w.app.clientId) {
    errorPage(ctx, 400, 'Invalid client', 'The client_id is unknown (invalid_client).');
    return null;
  }
  const redirectUri = p.get('redirect_uri') || (w.app.redirectUris[0] ?? '');
  if (!redirectUriAllowed(w.app.redirectUris, redirectUri)) {
    errorPage(
      ctx,
      400,
      'redirect_uri_mismatch',
      'The redirect URI does not match any redirect URI registered for this application.',
    );
    return null;
  }
  const state = p.get('state');
  if (p.get('response_type') !== 'code') {
    redirectWith(ctx, redirectUri, {
      error: 'unsupported_response_type',
      error_description: 'The response type must be code',
      state,
    });
    return null;
  }
  const requested = (p.get('scope') ?? '').split(/[\s+]+/).filter(Boolean);
  if (requested.some((s) => !w.app.scopes.has(s))) {
    redirectWith(ctx, redirectUri, {
      error: 'invalid_scope',
      error_description: 'The requested scope is not configured for this application',
      state,
    });
    return null;
  }
  const method = p.get('code_challenge_method') ?? 'S256'; // Box's CLI omits it; S256 is meant.
  if (method !== 'S256' && method !== 'plain') {
    redirectWith(ctx, redirectUri, {
      error: 'invalid_request',
      error_description: 'Unsupported code_challenge_method',
      state,
    });
    return null;
  }
  return {
    clientId,
    redirectUri,
    state,
    scopes: requested.length > 0 ? requested : [...w.app.scopes],
    challenge: p.get('code_challenge') || null,
    method,
  };
}

export function defaultSignInUser(w: World, role: 'admin' | 'coadmin' | 'user'): number {
  if (!w.settings.hasEnterprise || role === 'admin') return 0;
  const i = w.ent.users.findIndex((u) => !u.external && w.roleOf(u.index) === role);
  return i >= 0 ? i : 0;
}

export function authorizePage(ctx: Ctx, signInUser: number): void {
  const req = parseRequest(ctx, ctx.q);
  if (!req) return;
  const w = ctx.world;
  const nonce = randomToken();
  w.tokens.consentNonces.set(nonce, w.now() + NONCE_TTL_MS);
  const hidden = [
    'client_id',
    'redirect_uri',
    'state',
    'scope',
    'response_type',
    'code_challenge',
    'code_challenge_method',
  ]
    .filter((k) => ctx.q.get(k) !== null)
    .map((k) => `<input type="hidden" name="${k}" value="${escapeHtml(ctx.q.get(k) ?? '')}">`)
    .join('');
  const options = w.ent.users
    .filter((u) => !u.external)
    .map(
      (u) =>
        `<option value="${u.id}"${u.index === signInUser ? ' selected' : ''}>${escapeHtml(`${u.name} <${u.login}> (${w.roleOf(u.index)})`)}</option>`,
    )
    .join('');
  const scopes =
    req.scopes.map((s) => `<li>${escapeHtml(SCOPE_TEXT[s] ?? s)}</li>`).join('') +
    (w.app.asUserEnabled ? '<li>Perform actions as users (team members)</li>' : '');
  sendHtml(
    ctx,
    200,
    page(
      'Grant access to Box',
      `<h1>Grant access to Box</h1>
<p><strong id="app-name">${escapeHtml(w.app.name)}</strong> would like to:</p><ul id="scopes">${scopes}</ul>
<form method="post" action="/api/oauth2/authorize">${hidden}<input type="hidden" name="request_token" value="${nonce}">
<label for="user">Sign in as</label><select id="user" name="user_id">${options}</select>
<p><button class="grant" type="submit" name="action" value="grant">Grant access to Box</button>
<button type="submit" name="action" value="deny">Deny</button></p></form>`,
    ),
  );
}

export async function authorizeSubmit(ctx: Ctx): Promise<void> {
  const w = ctx.world;
  const body = new URLSearchParams(await readBody(ctx.req));
  const nonce = body.get('request_token') ?? '';
  const expires = w.tokens.consentNonces.get(nonce);
  w.tokens.consentNonces.delete(nonce);
  if (expires === undefined || w.now() > expires)
    return errorPage(
      ctx,
      400,
      'Request expired',
      'This sign-in page has expired or was already used. Start again from the application.',
    );
  const req = parseRequest(ctx, body);
  if (!req) return;
  if (body.get('action') !== 'grant') {
    return redirectWith(ctx, req.redirectUri, {
      error: 'access_denied',
      error_description: 'The user denied access to your application',
      state: req.state,
    });
  }
  const user = w.ent.users.find((u) => u.id === body.get('user_id') && !u.external);
  if (!user) return errorPage(ctx, 400, 'Sign-in failed', 'Unknown user.');
  if (w.settings.hasEnterprise && !w.appAllowed()) {
    return errorPage(
      ctx,
      403,
      'Disabled by Administrator',
      'This application cannot be used because it is not allowed by your Box administrator.',
    );
  }
  const code = randomToken();
  w.tokens.codes.set(code, {
    code,
    clientId: req.clientId,
    userIndex: user.index,
    redirectUri: req.redirectUri,
    scopes: req.scopes,
    challenge: req.challenge,
    challengeMethod: req.method,
    expiresAt: w.now() + CODE_TTL_MS,
    used: false,
  });
  redirectWith(ctx, req.redirectUri, { code, state: req.state });
}
