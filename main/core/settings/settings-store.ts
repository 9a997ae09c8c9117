/**
 * Settings behind one small interface. The desktop app backs it with electron-store, the CLI
 * and tests with conf (the library electron-store is built on): both get the options from
 * settingsStoreOptions(), so they read and write the same file under the app home.
 */
import { EventEmitter } from 'node:events';
import { DEFAULT_SETTINGS, settingsSchema, type Settings, type SettingsPatch } from '../../../common/settings';
import type { ManagedSettingsInfo } from '../../../common/settings-locks';

/** The part of conf's API we use; electron-store's instances have it too. */
export interface ConfLike {
  readonly store: Record<string, unknown>;
  set(object: Record<string, unknown>): void;
  readonly path: string;
}

export const SETTINGS_FILE_NAME = 'settings';

export function settingsStoreOptions(home: string) {
  return {
    cwd: home,
    configName: SETTINGS_FILE_NAME,
    projectName: 'box-connect-companion',
    defaults: DEFAULT_SETTINGS as Record<string, unknown>,
    clearInvalidConfig: false,
  };
}

/** The user's own settings, as saved in the app home. */
export interface UserSettingsStore {
  get(): Settings;
  update(patch: SettingsPatch): Settings;
  onChange(listener: (settings: Settings) => void): () => void;
  readonly filePath: string;
}

/**
 * The settings the app uses: the user's, with the organisation's managed values over them
 * (managed-settings-store.ts). `update` refuses a change to a locked key (setting_locked).
 */
export interface SettingsStore extends UserSettingsStore {
  /** The managed file: where it is looked for, which keys it locks, and why it could not be used. */
  managed(): ManagedSettingsInfo;
  /** Throws setting_locked when `proposed` changes a locked key (for actions that are not patches). */
  assertUnlocked(proposed: Settings): void;
}

export class ConfSettingsStore implements UserSettingsStore {
  private readonly events = new EventEmitter();

  constructor(private readonly conf: ConfLike) {}

  get filePath(): string {
    return this.conf.path;
  }

  get(): Settings {
    // A file edited by hand may hold anything: fall back to defaults field by field, so a
    // broken walkthrough checklist does not also reset the theme.
    const parsed = settingsSchema.safeParse(this.conf.store);
    if (parsed.success) return parsed.data;
    const store = this.conf.store;
    const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    for (const [key, schema] of Object.entries(settingsSchema.shape)) {
      const field = schema.safeParse(store[key]);
      if (field.success) settings[key] = field.data;
    }
    return settings as Settings;
  }

  update(patch: SettingsPatch): Settings {
    const next = settingsSchema.parse({ ...this.get(), ...patch });
    this.conf.set(next as Record<string, unknown>);
    this.events.emit('change', next);
    return next;
  }

  onChange(listener: (settings: Settings) => void): () => void {
    this.events.on('change', listener);
    return () => this.events.off('change', listener);
  }
}
