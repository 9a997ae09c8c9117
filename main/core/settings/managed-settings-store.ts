/**
 * The effective settings: the organisation's managed values over the user's own. Reading gives
 * the managed value of a locked key; a change to a locked key is refused (setting_locked), and
 * the user's file keeps the user's own value for it, so removing the managed file later gives
 * the user back what they had.
 */
import { CodedError } from '../../../common/errors/error-codes';
import type { Settings, SettingsPatch } from '../../../common/settings';
import {
  MANAGED_KEYS,
  settingAt,
  withSettingAt,
  type ManagedKey,
  type ManagedSettingsInfo,
} from '../../../common/settings-locks';
import type { ManagedFileRead } from './managed-file';
import type { SettingsStore, UserSettingsStore } from './settings-store';

/** A write to a setting the organisation locked. */
export class SettingLockedError extends CodedError {
  constructor(
    readonly keys: ManagedKey[],
    path: string,
  ) {
    super(
      'setting_locked',
      `${keys.join(', ')} ${keys.length === 1 ? 'is' : 'are'} set by your organisation (${path}) and cannot be changed here.`,
    );
    this.name = 'SettingLockedError';
  }
}

export class ManagedSettingsStore implements SettingsStore {
  private readonly locked: ManagedKey[];

  constructor(
    private readonly user: UserSettingsStore,
    private readonly file: ManagedFileRead,
  ) {
    this.locked = MANAGED_KEYS.filter((key) => key in file.values);
  }

  get filePath(): string {
    return this.user.filePath;
  }

  managed(): ManagedSettingsInfo {
    return { path: this.file.path, keys: [...this.locked], problem: this.file.problem };
  }

  get(): Settings {
    return this.overlay(this.user.get());
  }

  update(patch: SettingsPatch): Settings {
    const own = this.user.get();
    const proposed = { ...this.get(), ...patch } as Settings;
    this.assertUnlocked(proposed);
    // The user's file keeps the user's own value of each locked key, whatever the patch carried.
    const kept = this.locked.reduce((next, key) => withSettingAt(next, key, settingAt(own, key)), proposed);
    return this.overlay(this.user.update(onlyPatchedFields(kept, patch)));
  }

  /** Refuses a locked key set to anything but its managed value (writing it back unchanged is fine). */
  assertUnlocked(proposed: Settings): void {
    const changed = this.locked.filter((key) => !sameValue(settingAt(proposed, key), this.file.values[key]));
    if (changed.length) throw new SettingLockedError(changed, this.file.path);
  }

  onChange(listener: (settings: Settings) => void): () => void {
    return this.user.onChange((own) => listener(this.overlay(own)));
  }

  private overlay(own: Settings): Settings {
    return this.locked.reduce((next, key) => withSettingAt(next, key, this.file.values[key]), own);
  }
}

/** The fields `patch` names, taken from `settings` (the user store merges a patch over its file). */
function onlyPatchedFields(settings: Settings, patch: SettingsPatch): SettingsPatch {
  const fields = Object.keys(patch) as (keyof SettingsPatch)[];
  return Object.fromEntries(fields.map((field) => [field, settings[field]])) as SettingsPatch;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
