/** Builds the core for a plain-Node host (the harness and the CLI): conf settings, keytar secrets. */
import { mkdirSync } from 'node:fs';
import type { AppInfo } from '../../common/bridge/contract';
import { createCore, type Core } from './bridge/handlers';
import { ConnectionManager } from './connection/connection-manager';
import { InAppSandbox } from './connection/in-app-sandbox';
import { KeytarSecretStore } from './keychain/keytar-store';
import { createNodeSettingsStore } from './settings/node-settings';

/**
 * `openBrowser` defaults to printing the sign-in URL on stderr: the harness serves tests and
 * remote shells, where the waiting screen's link is what a person (or Playwright) follows.
 */
export function createNodeCore(
  home: string,
  runtime: AppInfo['runtime'],
  openBrowser: (url: string) => Promise<void> | void = (url) => void process.stderr.write(`Sign in to Box at: ${url}\n`),
): Core {
  mkdirSync(home, { recursive: true, mode: 0o700 });
  const secrets = new KeytarSecretStore();
  return createCore({
    home,
    runtime,
    secrets,
    settings: createNodeSettingsStore(home),
    connection: new ConnectionManager(home, secrets),
    sandbox: new InAppSandbox(),
    openBrowser,
  });
}
