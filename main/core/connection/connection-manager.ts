/**
 * The connection to Box, as one state machine shared by the UI and the CLI:
 * Not connected → Waiting for the browser → Connected → (Reconnect required | Error).
 *
 * It owns where the connection points (Box or the sandbox), the client secret (keychain), the
 * sign-in, the TokenSession every API call uses, and disconnecting (revoke at Box, then forget).
 */
import { EventEmitter } from 'node:events';
import type { BoxRole, ConnectedAccount, ConnectionState } from '../../../common/connection';
import { appErrors } from '../../../common/errors/error-codes';
import { CLIENT_ID_PATTERN, CLIENT_SECRET_PATTERN, type BoxEndpoints } from '../auth/box-endpoints';
import { KeychainTokenStorage } from '../auth/keychain-token-storage';
import { homeRefreshLock } from '../auth/refresh-lock';
import { signIn } from '../auth/sign-in';
import { SignInError } from '../auth/sign-in-error';
import { TokenSession } from '../auth/token-session';
import { createBoxClient } from '../box/client';
import type { SecretStore } from '../keychain/secret-store';
import { ProfileStore, type ConnectionProfile } from './profile-store';

export interface AppRegistration {
  endpoints: BoxEndpoints;
  clientId: string;
  clientSecret: string;
  target: 'box' | 'sandbox';
  redirectPort?: number | null;
}

export interface ConnectOptions {
  openBrowser(url: string): Promise<void> | void;
  timeoutMs?: number;
}

const secretAccount = (clientId: string) => `client-secret:${clientId}`;
const tokenAccount = (clientId: string) => `tokens:${clientId}`;

export class ConnectionManager {
  private readonly events = new EventEmitter();
  private readonly profiles: ProfileStore;
  private waiting: Extract<ConnectionState, { status: 'waiting_for_browser' }> | null = null;
  private lastError: Extract<ConnectionState, { status: 'error' }> | null = null;
  private signInAbort: AbortController | null = null;
  private cachedSession: { clientId: string; session: TokenSession } | null = null;

  constructor(
    private readonly home: string,
    private readonly secrets: SecretStore,
  ) {
    this.profiles = new ProfileStore(home);
  }

  onChange(listener: (state: ConnectionState) => void): () => void {
    this.events.on('change', listener);
    return () => this.events.off('change', listener);
  }

  private async changed(): Promise<void> {
    this.events.emit('change', await this.state());
  }

  profile(): ConnectionProfile | null {
    return this.profiles.get();
  }

  /** Registers the Box app to sign in with; the secret goes to the keychain, never a file. */
  async registerApp(app: AppRegistration): Promise<void> {
    if (!CLIENT_ID_PATTERN.test(app.clientId))
      throw appErrors.invalid_argument(
        'A Box client ID is 32 lowercase letters and digits (from the Box app’s Configuration page).',
      );
    if (!CLIENT_SECRET_PATTERN.test(app.clientSecret))
      throw appErrors.invalid_argument(
        'A Box client secret is 32 letters and digits (from the Box app’s Configuration page).',
      );
    await this.secrets.set(secretAccount(app.clientId), app.clientSecret);
    const previous = this.profiles.get();
    if (previous && previous.clientId !== app.clientId) await this.forgetTokens(previous.clientId);
    this.profiles.set({
      endpoints: app.endpoints,
      clientId: app.clientId,
      target: app.target,
      redirectPort: app.redirectPort ?? null,
      account: null,
      reconnectReason: null,
    });
    this.lastError = null;
    await this.changed();
  }

  async state(): Promise<ConnectionState> {
    if (this.waiting) return this.waiting;
    if (this.lastError) return this.lastError;
    const profile = this.profiles.get();
    if (!profile?.account) return { status: 'not_connected' };
    if (profile.reconnectReason)
      return { status: 'reconnect_required', reason: profile.reconnectReason, account: profile.account };
    const tokens = await new KeychainTokenStorage(this.secrets, tokenAccount(profile.clientId))
      .read()
      .catch(() => null);
    if (!tokens)
      return {
        status: 'reconnect_required',
        reason: 'The Box sign-in is no longer in the keychain. Connect again.',
        account: profile.account,
      };
    return {
      status: 'connected',
      ...profile.account,
      accessTokenExpiresAt: new Date(tokens.accessTokenExpiresAt).toISOString(),
      refreshTokenExpiresAt: new Date(tokens.refreshTokenExpiresAt).toISOString(),
    };
  }

  /** Signs in through the system browser; resolves with the new state (connected or error). */
  async connect(options: ConnectOptions): Promise<ConnectionState> {
    const profile = this.profiles.get();
    if (!profile)
      throw appErrors.not_connected('Choose the Box app to sign in with first (or the sandbox enterprise).');
    this.signInAbort?.abort();
    const abort = new AbortController();
    this.signInAbort = abort;
    this.lastError = null;
    try {
      const clientSecret = await this.secrets.get(secretAccount(profile.clientId));
      if (!clientSecret)
        throw new SignInError(
          'exchange_failed',
          'The client secret of this Box app is not in the keychain. Enter it again.',
        );
      await signIn({
        endpoints: profile.endpoints,
        credentials: { clientId: profile.clientId, clientSecret },
        secrets: this.secrets,
        tokenAccount: tokenAccount(profile.clientId),
        port: profile.redirectPort,
        timeoutMs: options.timeoutMs,
        signal: abort.signal,
        refreshLock: homeRefreshLock(this.home),
        openBrowser: options.openBrowser,
        onWaiting: (waiting) => {
          this.waiting = {
            status: 'waiting_for_browser',
            authorizeUrl: waiting.authorizeUrl,
            redirectUri: waiting.redirectUri,
            timeoutAt: waiting.timeoutAt.toISOString(),
          };
          void this.changed();
        },
      });
      this.waiting = null;
      this.cachedSession = null;
      const account = await this.whoAmI(profile);
      this.profiles.update({ account, reconnectReason: null });
    } catch (error) {
      this.waiting = null;
      this.lastError = errorState(error);
    } finally {
      if (this.signInAbort === abort) this.signInAbort = null;
    }
    await this.changed();
    return this.state();
  }

  /** Ends a sign-in that is waiting for the browser. */
  cancel(): void {
    this.signInAbort?.abort();
  }

  /** Revokes both tokens at Box and deletes them from the keychain. */
  async disconnect(): Promise<{ revoked: boolean }> {
    const profile = this.profiles.get();
    if (!profile) return { revoked: true };
    const result = await this.session().revokeAndForget();
    this.cachedSession = null;
    this.profiles.update({ account: null, reconnectReason: null });
    this.lastError = null;
    await this.changed();
    return result;
  }

  /** The TokenSession every API call of this connection goes through. */
  session(): TokenSession {
    const profile = this.profiles.get();
    if (!profile) throw appErrors.not_connected('Not connected to Box.');
    if (this.cachedSession?.clientId === profile.clientId) return this.cachedSession.session;
    const session = new TokenSession({
      storage: new KeychainTokenStorage(this.secrets, tokenAccount(profile.clientId)),
      endpoints: profile.endpoints,
      credentials: async () => {
        const clientSecret = await this.secrets.get(secretAccount(profile.clientId));
        if (!clientSecret)
          throw appErrors.not_connected('The client secret of this Box app is not in the keychain. Enter it again.');
        return { clientId: profile.clientId, clientSecret };
      },
      // The app and box-companion on this home refresh this sign-in one at a time.
      refreshLock: homeRefreshLock(this.home),
      onReconnectRequired: (reason) => {
        this.profiles.update({ reconnectReason: reason });
        void this.changed();
      },
    });
    this.cachedSession = { clientId: profile.clientId, session };
    return session;
  }

  /**
   * The secrets this connection holds right now (tokens and client secret), read from the
   * keychain only so the diagnostics bundle can prove it carries none of them. Never log these.
   */
  async secretsToScrub(): Promise<string[]> {
    const profile = this.profiles.get();
    if (!profile) return [];
    const tokens = await new KeychainTokenStorage(this.secrets, tokenAccount(profile.clientId))
      .read()
      .catch(() => null);
    const secret = await this.secrets.get(secretAccount(profile.clientId)).catch(() => null);
    return [tokens?.accessToken, tokens?.refreshToken, secret].filter(
      (v): v is string => typeof v === 'string' && v.length > 0,
    );
  }

  private async whoAmI(profile: ConnectionProfile): Promise<ConnectedAccount> {
    const client = createBoxClient(profile.endpoints, this.session());
    const me = await client.users.getUserMe({ fields: ['id', 'name', 'login', 'role', 'enterprise'] });
    const role = (me.role ?? null) as BoxRole | null;
    return {
      user: { id: me.id, name: me.name ?? '', login: me.login ?? '', role },
      enterprise: me.enterprise?.id ? { id: me.enterprise.id, name: me.enterprise.name ?? '' } : null,
      target: profile.target,
      apiUrl: profile.endpoints.apiUrl,
      clientId: profile.clientId,
      connectedAt: new Date().toISOString(),
    };
  }

  private async forgetTokens(clientId: string): Promise<void> {
    await new KeychainTokenStorage(this.secrets, tokenAccount(clientId)).clear().catch(() => undefined);
  }
}

function errorState(error: unknown): Extract<ConnectionState, { status: 'error' }> {
  if (error instanceof SignInError) {
    const action =
      error.kind === 'no_keychain'
        ? 'install_keychain'
        : // A sign-in that never came back was most often blocked by Box: the allowlist is the cure.
          error.kind === 'timeout'
          ? 'open_allowlist'
          : error.kind === 'exchange_failed' && /allowlist|not authorized/i.test(error.message)
            ? 'open_allowlist'
            : error.kind === 'exchange_failed' && /client ID and secret/.test(error.message)
              ? 'check_credentials'
              : 'retry';
    return { status: 'error', message: error.message, action };
  }
  return { status: 'error', message: error instanceof Error ? error.message : String(error), action: 'retry' };
}
