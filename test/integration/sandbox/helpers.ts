/** Shared helpers for the sandbox tests: consent-page driving, raw API calls, the SDK client. */
import { BoxClient, BoxOAuth, OAuthConfig } from 'box-node-sdk';
import { BaseUrls, NetworkSession } from 'box-node-sdk/networking';
import type { SandboxInfo } from '../../../main/core/sandbox';

export interface ConsentOptions {
  userId?: string;
  redirectUri?: string | null;
  state?: string;
  scope?: string;
  challenge?: string;
  method?: string;
  action?: 'grant' | 'deny';
}

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

async function raw(res: Response): Promise<RawResponse> {
  const text = await res.text();
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** Drives the consent page like a person: load it, pick the user, press Grant or Deny. */
export async function consent(
  info: SandboxInfo,
  o: ConsentOptions = {},
): Promise<{ status: number; location: string | null; page: string }> {
  const q = new URLSearchParams({ response_type: 'code', client_id: info.clientId, state: o.state ?? 'st4te' });
  const redirectUri = o.redirectUri === undefined ? 'http://127.0.0.1:53682/callback' : o.redirectUri;
  if (redirectUri !== null) q.set('redirect_uri', redirectUri);
  if (o.scope) q.set('scope', o.scope);
  if (o.challenge) q.set('code_challenge', o.challenge);
  if (o.method) q.set('code_challenge_method', o.method);
  const pageRes = await fetch(`${info.authorizeUrl}?${q}`, { redirect: 'manual' });
  const page = await pageRes.text();
  const nonce = /name="request_token" value="([^"]+)"/.exec(page)?.[1];
  if (pageRes.status !== 200 || !nonce)
    return { status: pageRes.status, location: pageRes.headers.get('location'), page };
  const form = new URLSearchParams(q);
  form.set('request_token', nonce);
  form.set('user_id', o.userId ?? info.signInUserId);
  form.set('action', o.action ?? 'grant');
  const res = await fetch(info.authorizeUrl, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form,
  });
  return { status: res.status, location: res.headers.get('location'), page: await res.text() };
}

export async function signIn(info: SandboxInfo, o: ConsentOptions = {}): Promise<string> {
  const r = await consent(info, o);
  const code = r.location ? new URL(r.location).searchParams.get('code') : null;
  if (!code) throw new Error(`consent did not give a code: ${r.status} ${r.location ?? r.page.slice(0, 200)}`);
  return code;
}

export async function tokenRequest(
  info: SandboxInfo,
  form: Record<string, string>,
  url = info.tokenUrl,
): Promise<RawResponse> {
  const body = new URLSearchParams({ client_id: info.clientId, client_secret: info.clientSecret, ...form });
  return raw(
    await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body }),
  );
}

export interface Tokens {
  access_token: string;
  refresh_token: string;
  expires_in: number;
}

export async function getTokens(info: SandboxInfo, o: ConsentOptions = {}): Promise<Tokens> {
  const code = await signIn(info, o);
  const r = await tokenRequest(info, { grant_type: 'authorization_code', code });
  if (r.status !== 200) throw new Error(`token exchange failed: ${r.text}`);
  return r.json as Tokens;
}

export async function api(
  info: SandboxInfo,
  token: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  return raw(
    await fetch(`${info.apiUrl}${path}`, {
      headers: { authorization: `Bearer ${token}`, ...headers },
      redirect: 'manual',
    }),
  );
}

export async function ctl<T = Record<string, unknown>>(info: SandboxInfo, path: string, body?: unknown): Promise<T> {
  const res = await fetch(
    `${info.controlUrl}${path}`,
    body === undefined
      ? {}
      : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
  );
  const text = await res.text();
  if (res.status !== 200) throw new Error(`control ${path}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

/** The official SDK, changed in nothing but its base URLs. */
export function sdkSession(info: SandboxInfo): NetworkSession {
  return new NetworkSession({}).withCustomBaseUrls(
    new BaseUrls({ baseUrl: info.apiUrl, uploadUrl: info.uploadUrl, oauth2Url: info.oauth2Url }),
  );
}

export function sdkAuth(info: SandboxInfo): BoxOAuth {
  return new BoxOAuth({ config: new OAuthConfig({ clientId: info.clientId, clientSecret: info.clientSecret }) });
}

export function sdkClient(info: SandboxInfo, auth: BoxOAuth): BoxClient {
  return new BoxClient({ auth }).withCustomBaseUrls({
    baseUrl: info.apiUrl,
    uploadUrl: info.uploadUrl,
    oauth2Url: info.oauth2Url,
  });
}

export interface TruthUser {
  id: string;
  name: string;
  login: string;
  role: string;
  external: boolean;
}

export interface Truth {
  counts: { users: number; folders: number; files: number; events: number };
  users: TruthUser[];
  bigFolder: { id: string; name: string; owner_id: string; items: number };
}
