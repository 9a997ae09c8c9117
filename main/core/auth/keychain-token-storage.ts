/**
 * The SDK's TokenStorage, backed by the OS keychain and nothing else. Access token, refresh
 * token and both expiry times are one keychain entry, written in one call, so the keychain
 * never holds a new access token with an old refresh token or the reverse.
 */
import type { TokenStorage } from 'box-node-sdk/box';
import type { AccessToken } from 'box-node-sdk/schemas/accessToken';
import type { SecretStore } from '../keychain/secret-store';

/** Box refresh tokens live 60 days from issue (box-api.md). */
export const REFRESH_TOKEN_LIFETIME_MS = 60 * 24 * 60 * 60 * 1000;

export interface StoredTokens {
  accessToken: string;
  refreshToken: string;
  /** Epoch ms. */
  accessTokenExpiresAt: number;
  refreshTokenExpiresAt: number;
  tokenType: string;
}

export class KeychainTokenStorage implements TokenStorage {
  constructor(
    private readonly secrets: SecretStore,
    /** One keychain entry per connection, e.g. `tokens:<client id>`. */
    readonly account: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** Called by the SDK with a fresh token response (code exchange or refresh). */
  async store(token: AccessToken): Promise<undefined> {
    if (!token.accessToken || !token.refreshToken)
      throw new Error('Box answered without an access token and refresh token.');
    const issuedAt = this.now();
    const tokens: StoredTokens = {
      accessToken: token.accessToken,
      refreshToken: token.refreshToken,
      accessTokenExpiresAt: issuedAt + (token.expiresIn ?? 3600) * 1000,
      refreshTokenExpiresAt: issuedAt + REFRESH_TOKEN_LIFETIME_MS,
      tokenType: token.tokenType ?? 'bearer',
    };
    await this.secrets.set(this.account, JSON.stringify(tokens));
    return undefined;
  }

  async get(): Promise<undefined | AccessToken> {
    const tokens = await this.read();
    if (!tokens) return undefined;
    return {
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      tokenType: tokens.tokenType,
      expiresIn: Math.max(0, Math.floor((tokens.accessTokenExpiresAt - this.now()) / 1000)),
    };
  }

  async clear(): Promise<undefined> {
    await this.secrets.delete(this.account);
    return undefined;
  }

  /** The stored tokens with their expiry times, or null when there are none (or unreadable). */
  async read(): Promise<StoredTokens | null> {
    const raw = await this.secrets.get(this.account);
    if (!raw) return null;
    try {
      const parsed = JSON.parse(raw) as Partial<StoredTokens>;
      if (typeof parsed.accessToken !== 'string' || typeof parsed.refreshToken !== 'string') return null;
      return parsed as StoredTokens;
    } catch {
      return null;
    }
  }
}
