import ElectronStore from 'electron-store';
import { ConfSettingsStore, settingsStoreOptions, type SettingsStore } from '../core/settings/settings-store';

/** electron-store with the same options (file, schema defaults) as the CLI's conf store. */
export function createElectronSettingsStore(home: string): SettingsStore {
  return new ConfSettingsStore(new ElectronStore(settingsStoreOptions(home)));
}
