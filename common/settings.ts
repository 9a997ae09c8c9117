/**
 * The app's settings: one schema for the Electron app (electron-store) and the CLI/tests
 * (conf). Runs everywhere (no Node, no DOM).
 *
 * Every field has a default, and nested objects use `prefault` so their own defaults fill in:
 * a settings file written by an older version (with fewer fields) still loads.
 */
import { z } from 'zod';
import { consoleGenerationSchema, dataCenterIdSchema, portalGenerationSchema } from './allowlist/schemas';

export const themeSchema = z.enum(['system', 'light', 'dark']);

export const stepIdSchema = z.string().regex(/^[a-z0-9-]{1,40}$/, 'a step id: lowercase letters, digits and dashes');

/** Ticked step ids per data center, then per console generation. */
export const walkthroughTicksSchema = z.partialRecord(
  dataCenterIdSchema,
  z.partialRecord(consoleGenerationSchema, z.array(stepIdSchema)),
);
export type WalkthroughTicks = z.infer<typeof walkthroughTicksSchema>;

/** Ticked portal step ids per data center, then per security portal generation. */
export const portalTicksSchema = z.partialRecord(
  dataCenterIdSchema,
  z.partialRecord(portalGenerationSchema, z.array(stepIdSchema)),
);

export const walkthroughSettingsSchema = z.object({
  /** The data center last chosen or detected; null until the admin picks one. */
  dataCenter: dataCenterIdSchema.nullable().default(null),
  consoleGeneration: consoleGenerationSchema.nullable().default(null),
  ticks: walkthroughTicksSchema.default({}),
  /** The security portal generation for the walkthrough's second half; null until chosen. */
  portalGeneration: portalGenerationSchema.nullable().default(null),
  portalTicks: portalTicksSchema.default({}),
});
export type WalkthroughSettings = z.infer<typeof walkthroughSettingsSchema>;

export const boxAppSettingsSchema = z.object({
  /** The client ID of the Box app the companion signs in with; null until a later step sets it. */
  clientId: z.string().trim().min(1).max(200).nullable().default(null),
});

/** The guided first run: which step the admin is on, and whether it is finished. */
export const firstRunStepSchema = z.enum(['welcome', 'allowlist', 'connect', 'test', 'scan']);
export type FirstRunStep = z.infer<typeof firstRunStepSchema>;
export const firstRunSettingsSchema = z.object({
  /** True once a scan was started from the guided flow: the app then opens on the dashboard. */
  done: z.boolean().default(false),
  /** The step to reopen on the next launch while the flow is not done. */
  step: firstRunStepSchema.default('welcome'),
});

/** Box's admin_logs_streaming keeps events 14 days: an older event cannot be delivered again. */
export const EVENT_STREAM_WINDOW_DAYS = 14;
export const activityRetentionDaysSchema = z.number().int().min(EVENT_STREAM_WINDOW_DAYS).max(3650);

/** How many days of activity a scan pulls before it starts, when its start names none. */
export const backfillDaysSchema = z.number().int().min(1).max(365);
export const scanSettingsSchema = z.object({
  backfillDays: backfillDaysSchema.default(7),
});

export const settingsSchema = z.object({
  theme: themeSchema.default('system'),
  walkthrough: walkthroughSettingsSchema.prefault({}),
  /** The Box app the companion signs in with; its client ID must be allowlisted too. */
  boxApp: boxAppSettingsSchema.prefault({}),
  firstRun: firstRunSettingsSchema.prefault({}),
  /**
   * How many days the activity log keeps events (older ones are pruned from scan.sqlite). At
   * least 14: Box's event stream keeps 14 days, and the stored events tell a repeat from a new one.
   */
  activityRetentionDays: activityRetentionDaysSchema.default(90),
  scan: scanSettingsSchema.prefault({}),
  /**
   * Whether the built-in sandbox enterprise is offered. Only an organisation's managed file turns
   * it off (common/settings-managed.ts), so it is not in the patch below.
   */
  offerSandbox: z.boolean().default(true),
});

export type Settings = z.infer<typeof settingsSchema>;

/**
 * What a caller may change: every field optional, nothing unknown accepted. Spelled out rather
 * than `settingsSchema.partial()` because a partial field keeps its default, and a patch that
 * filled in defaults for the fields it left out would wipe them.
 */
export const settingsPatchSchema = z
  .object({
    theme: themeSchema.optional(),
    walkthrough: walkthroughSettingsSchema.optional(),
    boxApp: boxAppSettingsSchema.optional(),
    firstRun: firstRunSettingsSchema.optional(),
    activityRetentionDays: activityRetentionDaysSchema.optional(),
    scan: scanSettingsSchema.optional(),
  })
  .strict();
/** Input: the store parses every patch, so fields with defaults may be left out. */
export type SettingsPatch = z.input<typeof settingsPatchSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});
