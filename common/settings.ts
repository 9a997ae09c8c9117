/**
 * The app's settings: one schema for the Electron app (electron-store) and the CLI/tests
 * (conf). Runs everywhere (no Node, no DOM).
 */
import { z } from 'zod';

export const themeSchema = z.enum(['system', 'light', 'dark']);

export const settingsSchema = z.object({
  theme: themeSchema.default('system'),
});

export type Settings = z.infer<typeof settingsSchema>;

/** What a caller may change: every field optional, nothing unknown accepted. */
export const settingsPatchSchema = settingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});
