/** The settings store for the CLI, the harness and tests: conf, outside Electron. */
import Conf from 'conf';
import { ConfSettingsStore, settingsStoreOptions, type SettingsStore } from './settings-store';

export function createNodeSettingsStore(home: string): SettingsStore {
  return new ConfSettingsStore(new Conf(settingsStoreOptions(home)));
}
