/**
 * Keeps a connection's tokens fresh, for any number of concurrent callers.
 *
 * - Refreshes ahead of expiry (the SDK itself refreshes only after a 401).
 * - One refresh at a time: concurrent callers share the same in-flight refresh.
 * - The new tokens are written to the keychain (one entry, one write) before the new access
 *   token is handed to anyone, so a crash never leaves only a spent refresh token behind unless
 *   it lands between Box's answer and that write.
 * - `invalid_grant` (refresh token spent, expired or revoked) moves the connection to
 *   "Reconnect required" instead of retrying.
 *
 * It is also the SDK's Authentication, so BoxClient calls go through the same refresh logic.
 */
import type { Authentication } from 'box-node-sdk/networking';
import type { AccessToken } from 'box-node-sdk/schemas/accessToken';
import type { BoxEndpoints } from './box-endpoints';
import type { KeychainTokenStorage, StoredTokens } from './keychain-token-storage';
import { OAuthError, refreshTokens, revokeToken } from './oauth-requests';

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

export class ReconnectRequiredError extends Error {
  /** `oauth`: Box's refusal of the refresh token, when that is why (the connection test maps it). */
  constructor(
    readonly reason: string,
    readonly oauth: { error: string; description: string; status: number } | null = null,
  ) {
    super(`Box needs you to sign in again: ${reason}`);
    this.name = 'ReconnectRequiredError';
  }
}

export interface TokenSessionOptions {
  storage: KeychainTokenStorage;
  endpoints: BoxEndpoints;
  /** Read when needed (from the keychain), so the client secret is never held in memory for long. */
  credentials: () => Promise<ClientCredentials>;
  now?: () => number;
  /** Refresh when the access token has less than this left (capped at half its lifetime). */
  refreshMarginMs?: number;
  /** Told when Box refuses the refresh token, so the connection state can change. */
  onReconnectRequired?: (reason: string) => void;
  /** Told after every successful refresh (for the expiry display). */
  onRefreshed?: (tokens: StoredTokens) => void;
}

export class TokenSession implements Authentication {
  private inFlight: Promise<StoredTokens> | null = null;
  private readonly now: () => number;

  constructor(private readonly options: TokenSessionOptions) {
    this.now = options.now ?? Date.now;
  }

  /** A valid access token, refreshing first when it is about to expire. */
  async accessToken(): Promise<string> {
    const tokens = await this.options.storage.read();
    if (!tokens) throw new ReconnectRequiredError('there are no Box tokens in the keychain for this connection');
    if (!this.expiresSoon(tokens)) return tokens.accessToken;
    return (await this.refresh(tokens.refreshToken)).accessToken;
  }

  private expiresSoon(tokens: StoredTokens): boolean {
    const left = tokens.accessTokenExpiresAt - this.now();
    const margin = this.options.refreshMarginMs ?? 5 * 60_000;
    // For short-lived tokens (tests use seconds) refresh once half the lifetime is gone.
    const lifetime = Math.max(1, tokens.accessTokenExpiresAt - (tokens.refreshTokenExpiresAt - 60 * 24 * 60 * 60 * 1000));
    return left <= Math.min(margin, lifetime / 2);
  }

  /**
   * Refreshes once for everyone waiting. `usedRefreshToken` is the token the caller saw: if the
   * keychain already holds a newer one (another caller refreshed), that result is used instead
   * of spending a refresh token twice.
   */
  refresh(usedRefreshToken?: string): Promise<StoredTokens> {
    this.inFlight ??= this.doRefresh(usedRefreshToken).finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async doRefresh(usedRefreshToken?: string): Promise<StoredTokens> {
    const current = await this.options.storage.read();
    if (!current) throw new ReconnectRequiredError('there are no Box tokens in the keychain for this connection');
    if (usedRefreshToken && current.refreshToken !== usedRefreshToken && !this.expiresSoon(current)) return current;
    let response;
    try {
      response = await refreshTokens(this.options.endpoints, await this.options.credentials(), current.refreshToken);
    } catch (error) {
      if (error instanceof OAuthError && (error.error === 'invalid_grant' || error.error === 'unauthorized_client' || error.error === 'invalid_client')) {
        const reason = explainRefreshRefusal(error);
        this.options.onReconnectRequired?.(reason);
        throw new ReconnectRequiredError(reason, { error: error.error, description: error.description, status: error.status });
      }
      throw error;
    }
    // Keychain first: only once the new refresh token is safe is the new access token used.
    await this.options.storage.store({
      accessToken: response.access_token,
      refreshToken: response.refresh_token,
      expiresIn: response.expires_in,
      tokenType: response.token_type,
    });
    const stored = await this.options.storage.read();
    if (!stored) throw new Error('The keychain did not keep the new Box tokens.');
    this.options.onRefreshed?.(stored);
    return stored;
  }

  /** Revokes both tokens at Box (best effort: a refusal means they are already dead), then forgets them. */
  async revokeAndForget(): Promise<{ revoked: boolean }> {
    const tokens = await this.options.storage.read();
    let revoked = true;
    if (tokens) {
      const credentials = await this.options.credentials();
      for (const token of [tokens.refreshToken, tokens.accessToken]) {
        await revokeToken(this.options.endpoints, credentials, token).catch(() => {
          revoked = false;
        });
      }
    }
    await this.options.storage.clear();
    return { revoked };
  }

  // --- The SDK's Authentication interface -------------------------------------------------
  async retrieveToken(): Promise<AccessToken> {
    return { accessToken: await this.accessToken(), tokenType: 'bearer' };
  }
  async refreshToken(): Promise<AccessToken> {
    // The SDK calls this after a 401: the access token was refused, refresh whatever its expiry says.
    const current = await this.options.storage.read();
    const tokens = await this.refresh(current?.refreshToken);
    return { accessToken: tokens.accessToken, tokenType: 'bearer' };
  }
  async retrieveAuthorizationHeader(): Promise<string> {
    return `Bearer ${await this.accessToken()}`;
  }
  async revokeToken(): Promise<undefined> {
    await this.revokeAndForget();
    return undefined;
  }
  async downscopeToken(): Promise<AccessToken> {
    throw new Error('Box Connect Companion never downscopes tokens.');
  }
}

export function explainRefreshRefusal(error: OAuthError): string {
  if (error.error === 'invalid_grant') {
    return /expired/i.test(error.description)
      ? 'the Box sign-in expired (Box refresh tokens last 60 days). Connect again.'
      : 'Box no longer accepts this sign-in (“Invalid refresh token”): it was used, revoked, or the app was removed. Connect again.';
  }
  if (error.error === 'unauthorized_client') {
    return 'Box refused this app for your enterprise (“Unauthorized - Cannot authorize with this service”): unpublished apps may be disabled and this app not enabled, or an admin removed it. Check the allowlist step, then connect again.';
  }
  return `Box refused the app's credentials (${error.error}). Check the client ID and secret, then connect again.`;
}
