/** Builds the core for a plain-Node host (the harness and the CLI): conf settings, keytar secrets. */
import { mkdirSync } from 'node:fs';
import type { AppInfo } from '../../common/bridge/contract';
import { createCore, type Core } from './bridge/handlers';
import { KeytarSecretStore } from './keychain/keytar-store';
import { createNodeSettingsStore } from './settings/node-settings';

export function createNodeCore(home: string, runtime: AppInfo['runtime']): Core {
  mkdirSync(home, { recursive: true, mode: 0o700 });
  return createCore({ home, runtime, secrets: new KeytarSecretStore(), settings: createNodeSettingsStore(home) });
}
