/** OAuth rules: consent page, code life and single use, redirect URIs, deny, PKCE, refresh, revoke, app conditions. */
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataCenter } from '../../../common/allowlist';
import { startSandbox, type RunningSandbox } from '../../../main/core/sandbox';
import { api, consent, ctl, getTokens, signIn, tokenRequest } from './helpers';

let sb: RunningSandbox;
beforeAll(async () => {
  sb = await startSandbox({ seed: 3, users: 20, files: 200 });
});
afterAll(async () => sb.close());

describe('consent page and authorization codes', () => {
  it('shows the app name, the access asked for and the enterprise users', async () => {
    const res = await fetch(
      `${sb.info.authorizeUrl}?response_type=code&client_id=${sb.info.clientId}&redirect_uri=${encodeURIComponent('http://127.0.0.1:9/callback')}&state=s`,
    );
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain('Box Connect Companion');
    expect(html).toContain('Manage enterprise properties');
    expect(html).toContain('Perform actions as users');
    expect(html).toMatch(/<option value="\d+" selected>/);
  });

  it('redirects with code and state; a code works once', async () => {
    const r = await consent(sb.info, { state: 'abc123' });
    expect(r.status).toBe(302);
    const loc = new URL(r.location!);
    expect(loc.origin + loc.pathname).toBe('http://127.0.0.1:53682/callback');
    expect(loc.searchParams.get('state')).toBe('abc123');
    const code = loc.searchParams.get('code')!;
    const ok = await tokenRequest(sb.info, { grant_type: 'authorization_code', code });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('cache-control')).toBe('no-store');
    expect(ok.json).toMatchObject({ token_type: 'bearer', expires_in: 3600, restricted_to: [] });
    const again = await tokenRequest(sb.info, { grant_type: 'authorization_code', code });
    expect(again.status).toBe(400);
    expect(again.json).toMatchObject({ error: 'invalid_grant' });
  });

  it('a code expires after 30 seconds (clock advanced, no sleep)', async () => {
    const code = await signIn(sb.info);
    await ctl(sb.info, '/clock', { advance_seconds: 31 });
    const r = await tokenRequest(sb.info, { grant_type: 'authorization_code', code });
    expect(r.json).toEqual({ error: 'invalid_grant', error_description: 'The authorization code has expired' });
    const fresh = await signIn(sb.info);
    await ctl(sb.info, '/clock', { advance_seconds: 29 });
    expect((await tokenRequest(sb.info, { grant_type: 'authorization_code', code: fresh })).status).toBe(200);
  });

  it('follows Box redirect-URI rules: loopback any port, otherwise exact, mismatch never redirects', async () => {
    for (const ok of [
      'http://127.0.0.1/callback',
      'http://127.0.0.1:1/callback',
      'http://127.0.0.1:65000/callback',
      null,
    ]) {
      expect((await consent(sb.info, { redirectUri: ok })).status, String(ok)).toBe(302);
    }
    for (const bad of [
      'http://127.0.0.1:8080/other',
      'http://localhost:8080/callback',
      'https://127.0.0.1/callback',
      'http://evil.example/callback',
      'http://127.0.0.1.evil.example/callback',
    ]) {
      const r = await consent(sb.info, { redirectUri: bad });
      expect(r.status, bad).toBe(400);
      expect(r.location).toBeNull();
      expect(r.page).toContain('redirect_uri_mismatch');
    }
  });

  it('deny redirects with error=access_denied and the state', async () => {
    const r = await consent(sb.info, { action: 'deny', state: 'zz' });
    const loc = new URL(r.location!);
    expect(loc.searchParams.get('error')).toBe('access_denied');
    expect(loc.searchParams.get('state')).toBe('zz');
    expect(loc.searchParams.get('code')).toBeNull();
  });

  it('PKCE: S256 (default when the method is missing) and plain; a wrong or missing verifier is refused', async () => {
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const c1 = await signIn(sb.info, { challenge });
    expect(
      (await tokenRequest(sb.info, { grant_type: 'authorization_code', code: c1, code_verifier: verifier })).status,
    ).toBe(200);
    const c2 = await signIn(sb.info, { challenge, method: 'S256' });
    expect(
      (await tokenRequest(sb.info, { grant_type: 'authorization_code', code: c2, code_verifier: verifier + 'x' })).json,
    ).toMatchObject({ error: 'invalid_grant' });
    const c3 = await signIn(sb.info, { challenge });
    expect((await tokenRequest(sb.info, { grant_type: 'authorization_code', code: c3 })).json).toMatchObject({
      error: 'invalid_grant',
    });
    const c4 = await signIn(sb.info, { challenge: verifier, method: 'plain' });
    expect(
      (await tokenRequest(sb.info, { grant_type: 'authorization_code', code: c4, code_verifier: verifier })).status,
    ).toBe(200);
  });

  it('refuses HTTP Basic without body credentials and a wrong secret (invalid_client)', async () => {
    const code = await signIn(sb.info);
    const basic = await fetch(sb.info.tokenUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${sb.info.clientId}:${sb.info.clientSecret}`).toString('base64')}`,
      },
      body: new URLSearchParams({ grant_type: 'authorization_code', code }),
    });
    expect(await basic.json()).toMatchObject({ error: 'invalid_client' });
    expect(
      (await tokenRequest(sb.info, { grant_type: 'authorization_code', code, client_secret: 'x'.repeat(32) })).json,
    ).toMatchObject({ error: 'invalid_client' });
  });
});

describe('tokens', () => {
  it('refresh tokens are single use and last 60 days', async () => {
    const t = await getTokens(sb.info);
    const r1 = await tokenRequest(sb.info, { grant_type: 'refresh_token', refresh_token: t.refresh_token });
    expect(r1.status).toBe(200);
    const issued = r1.json as { access_token: string; refresh_token: string };
    expect(issued.refresh_token).not.toBe(t.refresh_token);
    // Until the new pair is put to use, the spent token replays the same answer (Box's grace for
    // a client that died before saving it)...
    const replayed = await tokenRequest(sb.info, { grant_type: 'refresh_token', refresh_token: t.refresh_token });
    expect(replayed.json).toMatchObject({ access_token: issued.access_token, refresh_token: issued.refresh_token });
    // ...and once the new access token has been used, the spent token is refused for good.
    expect((await api(sb.info, issued.access_token, '/2.0/users/me')).status).toBe(200);
    const again = await tokenRequest(sb.info, { grant_type: 'refresh_token', refresh_token: t.refresh_token });
    expect(again.json).toEqual({ error: 'invalid_grant', error_description: 'Invalid refresh token' });
    // Presenting the new refresh token also ends the old one's grace.
    const r2 = await tokenRequest(sb.info, { grant_type: 'refresh_token', refresh_token: issued.refresh_token });
    expect(r2.status).toBe(200);
    expect(
      (await tokenRequest(sb.info, { grant_type: 'refresh_token', refresh_token: issued.refresh_token })).json,
    ).toMatchObject({ refresh_token: (r2.json as { refresh_token: string }).refresh_token });
    const r3 = await tokenRequest(sb.info, {
      grant_type: 'refresh_token',
      refresh_token: (r2.json as { refresh_token: string }).refresh_token,
    });
    expect(r3.status).toBe(200);
    expect(
      (await tokenRequest(sb.info, { grant_type: 'refresh_token', refresh_token: issued.refresh_token })).json,
    ).toEqual({ error: 'invalid_grant', error_description: 'Invalid refresh token' });
    const next = (r3.json as { refresh_token: string }).refresh_token;
    await ctl(sb.info, '/clock', { advance_seconds: 60 * 86_400 + 1 });
    expect((await tokenRequest(sb.info, { grant_type: 'refresh_token', refresh_token: next })).json).toEqual({
      error: 'invalid_grant',
      error_description: 'Refresh token has expired',
    });
  });

  it('an expired access token gets 401 with an empty body and WWW-Authenticate', async () => {
    const t = await getTokens(sb.info);
    expect((await api(sb.info, t.access_token, '/2.0/users/me')).status).toBe(200);
    await ctl(sb.info, '/clock', { advance_seconds: 3601 });
    const r = await api(sb.info, t.access_token, '/2.0/users/me');
    expect(r.status).toBe(401);
    expect(r.text).toBe('');
    expect(r.headers.get('www-authenticate')).toMatch(/^Bearer realm="Service", error="invalid_token"/);
    expect(r.headers.get('box-request-id')).toBeTruthy();
    const tokens = await ctl<{ entries: Array<{ token: string; state: string }> }>(sb.info, '/tokens');
    expect(tokens.entries.find((e) => e.token === t.access_token)?.state).toBe('expired');
  });

  it('control API can expire a token without moving the clock', async () => {
    const t = await getTokens(sb.info);
    expect(await ctl(sb.info, '/tokens/expire', { token: t.access_token })).toEqual({ expired: 1 });
    expect((await api(sb.info, t.access_token, '/2.0/users/me')).status).toBe(401);
  });

  it('revoke ends the sign-in (access and refresh) and answers 200 with an empty body', async () => {
    const t = await getTokens(sb.info);
    const r = await tokenRequest(sb.info, { token: t.access_token }, sb.info.revokeUrl);
    expect(r.status).toBe(200);
    expect(r.text).toBe('');
    expect((await api(sb.info, t.access_token, '/2.0/users/me')).status).toBe(401);
    expect(
      (await tokenRequest(sb.info, { grant_type: 'refresh_token', refresh_token: t.refresh_token })).json,
    ).toMatchObject({ error: 'invalid_grant' });
  });

  it('a missing scope gets 403 with an empty body and insufficient_scope', async () => {
    const t = await getTokens(sb.info, { scope: 'root_readwrite' });
    const r = await api(sb.info, t.access_token, '/2.0/events?stream_type=admin_logs');
    expect(r.status).toBe(403);
    expect(r.text).toBe('');
    expect(r.headers.get('www-authenticate')).toContain('error="insufficient_scope"');
    expect((await api(sb.info, t.access_token, '/2.0/folders/0/items')).status).toBe(200);
  });
});

describe('enterprise app conditions', () => {
  it('restrict-unpublished without the client ID: Disabled by Administrator page, unauthorized_client, 401', async () => {
    const t = await getTokens(sb.info);
    await ctl(sb.info, '/enterprise', {
      restrict_unpublished: true,
      allowed_client_ids: [dataCenter('US1').allowlistKey],
    });
    try {
      const page = await consent(sb.info);
      expect(page.status).toBe(403);
      expect(page.page).toContain('Disabled by Administrator');
      expect(page.location).toBeNull();
      expect(
        (await tokenRequest(sb.info, { grant_type: 'refresh_token', refresh_token: t.refresh_token })).json,
      ).toEqual({
        error: 'unauthorized_client',
        error_description: 'This app is not authorized by the enterprise admin',
      });
      expect((await api(sb.info, t.access_token, '/2.0/users/me')).status).toBe(401);
      await ctl(sb.info, '/enterprise', { allowed_client_ids: [sb.info.clientId] });
      expect((await api(sb.info, t.access_token, '/2.0/users/me')).status).toBe(200);
    } finally {
      await ctl(sb.info, '/enterprise', { restrict_unpublished: false, allowed_client_ids: [] });
    }
  });

  it('an app removed after tokens were issued: tokens revoked, refresh invalid_grant', async () => {
    const t = await getTokens(sb.info);
    const r = await ctl<{ revoked: number }>(sb.info, '/app', { removed: true });
    expect(r.revoked).toBeGreaterThanOrEqual(2);
    expect((await api(sb.info, t.access_token, '/2.0/users/me')).status).toBe(401);
    expect(
      (await tokenRequest(sb.info, { grant_type: 'refresh_token', refresh_token: t.refresh_token })).json,
    ).toMatchObject({ error: 'invalid_grant' });
    const tokens = await ctl<{ entries: Array<{ token: string; state: string; reason: string | null }> }>(
      sb.info,
      '/tokens',
    );
    expect(tokens.entries.find((e) => e.token === t.refresh_token)).toMatchObject({
      state: 'revoked',
      reason: 'app_removed',
    });
    // Signing in again works: removal is not a ban.
    expect((await getTokens(sb.info)).access_token).toBeTruthy();
  });
});

describe('account without an enterprise', () => {
  it('has enterprise null and gets the no-enterprise message on enterprise features', async () => {
    const solo = await startSandbox({ seed: 3, users: 10, files: 50, enterprise: false });
    try {
      const t = await getTokens(solo.info);
      expect((await api(solo.info, t.access_token, '/2.0/users/me?fields=role,enterprise')).json).toMatchObject({
        role: 'user',
        enterprise: null,
      });
      const ev = await api(solo.info, t.access_token, '/2.0/events?stream_type=admin_logs');
      expect(ev.status).toBe(403);
      expect(ev.json).toMatchObject({
        type: 'error',
        code: 'access_denied_insufficient_permissions',
        message: 'User cannot access this feature without having an enterprise',
      });
      expect((await api(solo.info, t.access_token, '/2.0/users')).status).toBe(403);
    } finally {
      await solo.close();
    }
  });
});
