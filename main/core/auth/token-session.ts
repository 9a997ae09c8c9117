/**
 * Keeps a connection's tokens fresh, for any number of concurrent callers.
 *
 * - Refreshes ahead of expiry (the SDK itself refreshes only after a 401).
 * - One refresh at a time: concurrent callers share the same in-flight refresh.
 * - The new tokens are written to the keychain (one entry, one write) before the new access
 *   token is handed to anyone, so a crash never leaves only a spent refresh token behind unless
 *   it lands between Box's answer and that write.
 * - Across processes too (the app and `box-companion` on one home): keychain read → refresh →
 *   keychain write runs under the home's refresh lock (refresh-lock.ts), so a process never
 *   presents a refresh token another one has spent.
 * - `invalid_grant` (refresh token spent, expired or revoked) first reads the keychain again:
 *   if another process stored a newer sign-in meanwhile, that one is used. Only when the
 *   keychain still holds the refused token does the connection move to "Reconnect required".
 *
 * - The keychain is the one source of truth (the CLI may refresh the same connection), but a
 *   read is trusted for a second: a scan makes hundreds of calls a second, and each keychain
 *   read is a D-Bus round trip to the Secret Service (at full speed the reads alone kept
 *   gnome-keyring-daemon at a quarter of a core). A refresh always reads the keychain afresh.
 *
 * It is also the SDK's Authentication, so BoxClient calls go through the same refresh logic.
 */
import type { Authentication } from 'box-node-sdk/networking';
import type { AccessToken } from 'box-node-sdk/schemas/accessToken';
import { appErrors, CodedError } from '../../../common/errors/error-codes';
import type { BoxEndpoints } from './box-endpoints';
import { REFRESH_TOKEN_LIFETIME_MS, type KeychainTokenStorage, type StoredTokens } from './keychain-token-storage';
import { OAuthError, refreshTokens, revokeToken } from './oauth-requests';
import { IN_PROCESS_ONLY, type RefreshLock } from './refresh-lock';

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

export class ReconnectRequiredError extends CodedError {
  /** `oauth`: Box's refusal of the refresh token, when that is why (the connection test maps it). */
  constructor(
    readonly reason: string,
    readonly oauth: { error: string; description: string; status: number } | null = null,
  ) {
    super('reconnect_required', `Box needs you to sign in again: ${reason}`);
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
  /** Held around keychain read → refresh → write, against other processes on the same sign-in. */
  refreshLock?: RefreshLock;
}

/** How long a keychain read is reused (a real clock, whatever `now` a test passes for expiry). */
const KEYCHAIN_READ_REUSE_MS = 1000;

export class TokenSession implements Authentication {
  private inFlight: Promise<StoredTokens> | null = null;
  private readonly now: () => number;
  private lastRead: { tokens: StoredTokens; at: number } | null = null;
  private reading: Promise<StoredTokens | null> | null = null;
  /** Bumped whenever the last read stops counting, so a read already under way is not kept. */
  private readGeneration = 0;

  constructor(private readonly options: TokenSessionOptions) {
    this.now = options.now ?? Date.now;
  }

  /** A valid access token, refreshing first when it is about to expire. */
  async accessToken(): Promise<string> {
    const tokens = await this.recentTokens();
    if (!tokens) throw new ReconnectRequiredError('there are no Box tokens in the keychain for this connection');
    if (!this.expiresSoon(tokens)) return tokens.accessToken;
    return (await this.refresh(tokens.refreshToken)).accessToken;
  }

  /** The keychain's tokens as read at most a second ago; concurrent callers share one read. */
  private recentTokens(): Promise<StoredTokens | null> {
    if (this.lastRead && performance.now() - this.lastRead.at < KEYCHAIN_READ_REUSE_MS)
      return Promise.resolve(this.lastRead.tokens);
    if (this.reading) return this.reading;
    const generation = this.readGeneration;
    const reading = this.options.storage.read().then((tokens) => {
      if (generation === this.readGeneration) this.lastRead = tokens ? { tokens, at: performance.now() } : null;
      return tokens;
    });
    this.reading = reading;
    const done = () => {
      if (this.reading === reading) this.reading = null;
    };
    reading.then(done, done);
    return reading;
  }

  private forgetLastRead(): void {
    this.readGeneration++;
    this.lastRead = null;
    this.reading = null;
  }

  private expiresSoon(tokens: StoredTokens): boolean {
    const left = tokens.accessTokenExpiresAt - this.now();
    const margin = this.options.refreshMarginMs ?? 5 * 60_000;
    // For short-lived tokens (tests use seconds) refresh once half the lifetime is gone.
    const lifetime = Math.max(
      1,
      tokens.accessTokenExpiresAt - (tokens.refreshTokenExpiresAt - REFRESH_TOKEN_LIFETIME_MS),
    );
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
    this.forgetLastRead();
    return (this.options.refreshLock ?? IN_PROCESS_ONLY).run(async () => {
      const current = await this.options.storage.read();
      if (!current) throw new ReconnectRequiredError('there are no Box tokens in the keychain for this connection');
      if (usedRefreshToken && current.refreshToken !== usedRefreshToken && !this.expiresSoon(current))
        return this.remember(current);
      return this.refreshWith(current, true);
    });
  }

  /** Spends `current.refreshToken` at Box and stores the answer. Runs under the refresh lock. */
  private async refreshWith(current: StoredTokens, mayRereadKeychain: boolean): Promise<StoredTokens> {
    let response;
    try {
      response = await refreshTokens(this.options.endpoints, await this.options.credentials(), current.refreshToken);
    } catch (error) {
      if (!(
        error instanceof OAuthError &&
        (error.error === 'invalid_grant' || error.error === 'unauthorized_client' || error.error === 'invalid_client')
      ))
        throw error;
      // Refused: if a process outside the lock (an older version, a lock taken over as stale)
      // stored a newer sign-in meanwhile, that one is good. The refused token is never sent again.
      const newer = error.error === 'invalid_grant' && mayRereadKeychain ? await this.options.storage.read() : null;
      if (newer && newer.refreshToken !== current.refreshToken) {
        return this.expiresSoon(newer) ? this.refreshWith(newer, false) : this.remember(newer);
      }
      const reason = explainRefreshRefusal(error);
      this.options.onReconnectRequired?.(reason);
      throw new ReconnectRequiredError(reason, {
        error: error.error,
        description: error.description,
        status: error.status,
      });
    }
    // Keychain first: only once the new refresh token is safe is the new access token used.
    await this.options.storage.store({
      accessToken: response.access_token,
      refreshToken: response.refresh_token,
      expiresIn: response.expires_in,
      tokenType: response.token_type,
    });
    const stored = await this.options.storage.read();
    if (!stored) throw appErrors.keychain_unavailable('The keychain did not keep the new Box tokens.');
    this.remember(stored);
    this.options.onRefreshed?.(stored);
    return stored;
  }

  /** Tokens just read from the keychain become the ones reused for the next second. */
  private remember(tokens: StoredTokens): StoredTokens {
    this.forgetLastRead();
    this.lastRead = { tokens, at: performance.now() };
    return tokens;
  }

  /** Revokes both tokens at Box (best effort: a refusal means they are already dead), then forgets them. */
  async revokeAndForget(): Promise<{ revoked: boolean }> {
    this.forgetLastRead();
    // Under the refresh lock: a refresh elsewhere must not write tokens back after the clear.
    const result = await (this.options.refreshLock ?? IN_PROCESS_ONLY).run(async () => {
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
    });
    this.forgetLastRead();
    return result;
  }

  // --- The SDK's Authentication interface -------------------------------------------------
  async retrieveToken(): Promise<AccessToken> {
    return { accessToken: await this.accessToken(), tokenType: 'bearer' };
  }
  async refreshToken(): Promise<AccessToken> {
    // The SDK calls this after a 401: the access token was refused, refresh whatever its expiry says.
    this.forgetLastRead();
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
