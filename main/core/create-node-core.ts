/**
 * Builds the core in a plain-Node process: the core process of the desktop app and of the
 * harness (main/core/process/run-core-process.ts), and tests. Conf settings (the options
 * electron-store would use, which needs Electron's `app`), keytar secrets.
 */
import type { ExtractorSpawner } from './extract/extractor-link';
import { mkdirSync } from 'node:fs';
import type { AppInfo } from '../../common/bridge/contract';
import { createCore, type Core } from './bridge/handlers';
import { ConnectionManager } from './connection/connection-manager';
import { InAppSandbox } from './connection/in-app-sandbox';
import { KeytarSecretStore } from './keychain/keytar-store';
import { createNodeSettingsStore } from './settings/node-settings';

/**
 * A core process passes `openBrowser` through to its host (Electron's shell in the app); in
 * tests it defaults to printing the sign-in URL on stderr.
 */
export function createNodeCore(
  home: string,
  runtime: AppInfo['runtime'],
  openBrowser: (url: string) => Promise<void> | void = (url) =>
    void process.stderr.write(`Sign in to Box at: ${url}\n`),
  extractorSpawner?: ExtractorSpawner,
  notify?: (title: string, body: string) => void,
): Core {
  mkdirSync(home, { recursive: true, mode: 0o700 });
  const secrets = new KeytarSecretStore();
  const settings = createNodeSettingsStore(home);
  // Where and why only: the problem names the file, the line or the key, never a value.
  const problem = settings.managed().problem;
  if (problem) process.stderr.write(`core: managed settings not used, defaults apply: ${problem.message}\n`);
  return createCore({
    home,
    runtime,
    secrets,
    settings,
    connection: new ConnectionManager(home, secrets),
    sandbox: new InAppSandbox(),
    openBrowser,
    extractorSpawner,
    notify,
  });
}
