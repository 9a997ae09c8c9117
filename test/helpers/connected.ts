/** A ConnectionManager signed in to a sandbox through the real flow (consent played headlessly). */
import { ConnectionManager } from '../../main/core/connection/connection-manager';
import { KeytarSecretStore } from '../../main/core/keychain/keytar-store';
import type { SecretStore } from '../../main/core/keychain/secret-store';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../main/core/sandbox';
import { consentInSandbox } from './headless-consent';
import { makeTempHome } from './temp-home';

export interface Connected {
  sandbox: RunningSandbox;
  manager: ConnectionManager;
  home: string;
  cleanup(): Promise<void>;
}

/** `secrets`: the keychain to use (the real one unless a test wraps it to count its reads). */
export async function connectToSandbox(
  options: Partial<SandboxOptions> = {},
  secrets: SecretStore = new KeytarSecretStore(),
): Promise<Connected> {
  const sandbox = await startSandbox({ files: 300, ...options });
  const temp = makeTempHome('bcc-auth-');
  const manager = new ConnectionManager(temp.home, secrets);
  const info = sandbox.info;
  await manager.registerApp({
    endpoints: {
      apiUrl: info.apiUrl,
      uploadUrl: info.uploadUrl,
      authorizeUrl: info.authorizeUrl,
      tokenUrl: info.tokenUrl,
      revokeUrl: info.revokeUrl,
    },
    clientId: info.clientId,
    clientSecret: info.clientSecret,
    target: 'sandbox',
  });
  const state = await manager.connect({ openBrowser: (url) => void consentInSandbox(url) });
  if (state.status !== 'connected') throw new Error(`sign-in failed: ${JSON.stringify(state)}`);
  return {
    sandbox,
    manager,
    home: temp.home,
    async cleanup() {
      await manager.disconnect().catch(() => undefined);
      await sandbox.close();
      temp.cleanup();
    },
  };
}

export interface SandboxTokenEntry {
  token: string;
  kind: 'access' | 'refresh';
  /** Access tokens: whether an API call authenticated with it. */
  used_by_api?: boolean;
  state: 'active' | 'used' | 'revoked' | 'expired';
  times_presented?: number;
  grant_id: number;
  reason: string | null;
}

export async function sandboxTokens(sandbox: RunningSandbox): Promise<SandboxTokenEntry[]> {
  const response = await fetch(`${sandbox.info.controlUrl}/tokens`);
  return ((await response.json()) as { entries: SandboxTokenEntry[] }).entries;
}
