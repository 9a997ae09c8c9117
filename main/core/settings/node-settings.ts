/** The settings store for the CLI, the harness and tests: conf, outside Electron, with the managed file over it. */
import Conf from 'conf';
import { managedFilePath, readManagedFile } from './managed-file';
import { ManagedSettingsStore } from './managed-settings-store';
import { ConfSettingsStore, settingsStoreOptions, type SettingsStore } from './settings-store';

/** `managedFile`: where the organisation's file is (the OS's system location, or BOX_COMPANION_MANAGED_FILE). */
export function createNodeSettingsStore(home: string, managedFile: string = managedFilePath()): SettingsStore {
  const user = new ConfSettingsStore(new Conf(settingsStoreOptions(home)));
  return new ManagedSettingsStore(user, readManagedFile(managedFile));
}
