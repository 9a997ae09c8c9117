/**
 * The whole "Sign in with Box" flow: PKCE + state, the loopback listener, the system browser,
 * the code exchange, and the tokens into the keychain. Returns who signed in.
 */
import type { BoxEndpoints } from './box-endpoints';
import { KeychainTokenStorage } from './keychain-token-storage';
import { DEFAULT_SIGN_IN_TIMEOUT_MS, startLoopbackListener } from './loopback-listener';
import { describeNetworkFailure } from '../box/network-failure';
import { authorizeUrl, exchangeCode, OAuthError } from './oauth-requests';
import { codeChallengeS256, createCodeVerifier, createState } from './pkce';
import { IN_PROCESS_ONLY, type RefreshLock } from './refresh-lock';
import { SignInError } from './sign-in-error';
import type { SecretStore } from '../keychain/secret-store';

export interface SignInOptions {
  endpoints: BoxEndpoints;
  credentials: { clientId: string; clientSecret: string };
  secrets: SecretStore;
  tokenAccount: string;
  /** A fixed loopback port when the Box app registered one; otherwise any free port. */
  port?: number | null;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Opens the authorize URL in the system browser (never inside the app). */
  openBrowser(url: string): Promise<void> | void;
  /** Told once the listener is up, with what the admin's browser is being sent to. */
  onWaiting?(waiting: { authorizeUrl: string; redirectUri: string; timeoutAt: Date }): void;
  /**
   * The lock other processes refresh this connection under: the new sign-in is stored inside
   * it, so a refresh of the old sign-in elsewhere cannot write its tokens over the new ones.
   */
  refreshLock?: RefreshLock;
}

export async function signIn(options: SignInOptions): Promise<KeychainTokenStorage> {
  const keychain = await options.secrets.status();
  if (!keychain.available)
    throw new SignInError('no_keychain', `There is nowhere safe to keep the Box sign-in. ${keychain.reason ?? ''}`);

  const state = createState();
  const verifier = createCodeVerifier();
  const timeoutMs = options.timeoutMs ?? DEFAULT_SIGN_IN_TIMEOUT_MS;
  const listener = await startLoopbackListener({
    expectedState: state,
    port: options.port ?? 0,
    timeoutMs,
    signal: options.signal,
  });
  try {
    const url = authorizeUrl(options.endpoints, {
      clientId: options.credentials.clientId,
      redirectUri: listener.redirectUri,
      state,
      codeChallenge: codeChallengeS256(verifier),
    });
    options.onWaiting?.({
      authorizeUrl: url,
      redirectUri: listener.redirectUri,
      timeoutAt: new Date(Date.now() + timeoutMs),
    });
    await options.openBrowser(url);
    const code = await listener.code;

    const storage = new KeychainTokenStorage(options.secrets, options.tokenAccount);
    try {
      const tokens = await exchangeCode(options.endpoints, options.credentials, code, verifier, listener.redirectUri);
      await (options.refreshLock ?? IN_PROCESS_ONLY).run(() =>
        storage.store({
          accessToken: tokens.access_token,
          refreshToken: tokens.refresh_token,
          expiresIn: tokens.expires_in,
          tokenType: tokens.token_type,
        }),
      );
    } catch (error) {
      listener.finish('failed');
      throw new SignInError('exchange_failed', explainExchangeFailure(error));
    }
    listener.finish('success');
    return storage;
  } finally {
    // Let the browser fetch its result page, then make sure nothing is left listening.
    await Promise.race([listener.closed, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    await listener.close();
  }
}

export function explainExchangeFailure(error: unknown): string {
  if (error instanceof OAuthError) {
    if (error.error === 'unauthorized_client') {
      return 'Box refused this app for your enterprise (“This app is not authorized by the enterprise admin”). Unpublished apps are probably disabled and this app is not enabled: add its client ID in the allowlist step, then connect again.';
    }
    if (error.error === 'invalid_client')
      return 'Box did not accept the client ID and secret. Check them against your Box app’s configuration page.';
    if (error.error === 'invalid_grant')
      return `Box did not accept the sign-in code (${error.description || 'invalid_grant'}). It lives 30 seconds: connect again.`;
    return `Box refused the sign-in: ${error.message}.`;
  }
  // The network's own reason ("self-signed certificate in certificate chain", a proxy's 407), not undici's "fetch failed".
  return `The app could not reach Box to finish signing in: ${describeNetworkFailure(error).reason}. Run the connection test: its first check names the network problem.`;
}
