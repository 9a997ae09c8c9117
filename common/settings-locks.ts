/**
 * Which settings an organisation can preset and lock, in the words every side shares: the keys,
 * what the core says about the managed file, and the settings as they cross the bridge (the
 * effective values, with the managed keys). No zod here, so the renderer can use it without
 * bundling the validator (common/settings-managed.ts has the schemas). Runs everywhere.
 */
import type { Settings } from './settings';

/** Every setting a managed file can set, as its path in Settings. */
export const MANAGED_KEYS = [
  'walkthrough.dataCenter',
  'walkthrough.consoleGeneration',
  'boxApp.clientId',
  'scan.backfillDays',
  'activityRetentionDays',
  'offerSandbox',
] as const;
export type ManagedKey = (typeof MANAGED_KEYS)[number];

/** Why a managed file was not used, with where in the file when that is known. */
export interface ManagedFileProblem {
  message: string;
  /** 1-based, for a file that is not valid JSON. */
  line: number | null;
  column: number | null;
  /** The offending setting's path in the file (for example `scan.backfillDays`), for a schema error. */
  key: string | null;
}

export interface ManagedSettingsInfo {
  /** Where the app looks for the organisation's file (whether or not there is one). */
  path: string;
  /** The keys the file presets and locks; empty when there is no file or it could not be used. */
  keys: ManagedKey[];
  /** Why the file could not be used; null when it was used, or when there is none. */
  problem: ManagedFileProblem | null;
}

/** The settings on the bridge: the effective values (managed over the user's), and what is managed. */
export type SettingsView = Settings & { managed: ManagedSettingsInfo };

export function isManagedKey(managed: ManagedSettingsInfo | null | undefined, key: ManagedKey): boolean {
  return managed?.keys.includes(key) ?? false;
}

/** A setting's value by its path (one level of nesting at most). */
export function settingAt(settings: Settings, key: ManagedKey): unknown {
  const [head, tail] = key.split('.') as [keyof Settings, string | undefined];
  const value = settings[head];
  return tail === undefined ? value : (value as Record<string, unknown>)[tail];
}

/** A copy of `settings` with one value replaced by its path. */
export function withSettingAt(settings: Settings, key: ManagedKey, value: unknown): Settings {
  const [head, tail] = key.split('.') as [keyof Settings, string | undefined];
  if (tail === undefined) return { ...settings, [head]: value };
  return { ...settings, [head]: { ...(settings[head] as Record<string, unknown>), [tail]: value } };
}
