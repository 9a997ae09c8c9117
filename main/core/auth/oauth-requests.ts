/**
 * The OAuth requests the SDK cannot make for us: the authorize URL with PKCE and our own
 * authorize host, the code exchange with `code_verifier`, and revoking both tokens. (The SDK's
 * getAuthorizeUrl always uses account.box.com and has no PKCE; its code exchange sends no
 * verifier.) Client credentials go in the form body: Box refuses HTTP Basic.
 */
import { CodedError } from '../../../common/errors/error-codes';
import { hostFetch } from '../box/network';
import type { BoxEndpoints } from './box-endpoints';

export interface AuthorizeRequest {
  clientId: string;
  redirectUri: string;
  state: string;
  codeChallenge: string;
}

export function authorizeUrl(endpoints: BoxEndpoints, request: AuthorizeRequest): string {
  const url = new URL(endpoints.authorizeUrl);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', request.clientId);
  url.searchParams.set('redirect_uri', request.redirectUri);
  url.searchParams.set('state', request.state);
  url.searchParams.set('code_challenge', request.codeChallenge);
  url.searchParams.set('code_challenge_method', 'S256');
  return url.toString();
}

export interface TokenResponse {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  token_type: string;
}

/** A refusal from Box's token endpoint: `error` is the OAuth code (invalid_grant, unauthorized_client…). */
export class OAuthError extends CodedError {
  constructor(
    readonly error: string,
    readonly description: string,
    readonly status: number,
  ) {
    super('sign_in_failed', description ? `${error}: ${description}` : error);
    this.name = 'OAuthError';
  }
}

const TOKEN_REQUEST_TIMEOUT_MS = 30_000;

/** The app's own OAuth client ID and secret, sent with every token request. */
interface AppCredentials {
  clientId: string;
  clientSecret: string;
}

/** Through the host's network stack, like every other request (its proxy, its certificates). */
async function postForm(url: string, form: Record<string, string>): Promise<Response> {
  return hostFetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams(form).toString(),
    signal: AbortSignal.timeout(TOKEN_REQUEST_TIMEOUT_MS),
  });
}

async function oauthError(response: Response): Promise<OAuthError> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as { error?: string; error_description?: string };
    return new OAuthError(body.error ?? `http_${response.status}`, body.error_description ?? '', response.status);
  } catch {
    return new OAuthError(`http_${response.status}`, 'Box answered with something that is not JSON', response.status);
  }
}

/**
 * Posts an OAuth form signed with the app's client ID and secret (after the request's own
 * fields); an answer that is not OK throws Box's OAuthError.
 */
async function postAsApp(url: string, credentials: AppCredentials, fields: Record<string, string>): Promise<Response> {
  const response = await postForm(url, {
    ...fields,
    client_id: credentials.clientId,
    client_secret: credentials.clientSecret,
  });
  if (!response.ok) throw await oauthError(response);
  return response;
}

/** Asks Box's token endpoint for tokens with one OAuth grant (RFC 6749 §4.1.3, §6). */
async function requestTokens(
  endpoints: BoxEndpoints,
  credentials: AppCredentials,
  grant: Record<string, string>,
): Promise<TokenResponse> {
  const response = await postAsApp(endpoints.tokenUrl, credentials, grant);
  return (await response.json()) as TokenResponse;
}

export async function exchangeCode(
  endpoints: BoxEndpoints,
  credentials: AppCredentials,
  code: string,
  codeVerifier: string,
  redirectUri: string,
): Promise<TokenResponse> {
  return requestTokens(endpoints, credentials, {
    grant_type: 'authorization_code',
    code,
    code_verifier: codeVerifier,
    redirect_uri: redirectUri,
  });
}

export async function refreshTokens(
  endpoints: BoxEndpoints,
  credentials: AppCredentials,
  refreshToken: string,
): Promise<TokenResponse> {
  return requestTokens(endpoints, credentials, { grant_type: 'refresh_token', refresh_token: refreshToken });
}

export async function revokeToken(endpoints: BoxEndpoints, credentials: AppCredentials, token: string): Promise<void> {
  await postAsApp(endpoints.revokeUrl, credentials, { token });
}
