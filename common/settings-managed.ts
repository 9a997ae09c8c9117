/**
 * The organisation's managed settings file (`managed.json`, found by main/core/settings/): its
 * schema, versioned and strict so a typo is reported rather than ignored, and how its fields map
 * onto the settings they preset and lock (common/settings-locks.ts). Runs everywhere.
 */
import { z } from 'zod';
import { consoleGenerationSchema, dataCenterIdSchema } from './allowlist/schemas';
import { activityRetentionDaysSchema, backfillDaysSchema, settingsSchema } from './settings';
import { MANAGED_KEYS, type ManagedKey } from './settings-locks';

export const MANAGED_FILE_VERSION = 1;

export const managedFileSchema = z
  .object({
    version: z.literal(MANAGED_FILE_VERSION),
    dataCenter: dataCenterIdSchema.optional(),
    consoleGeneration: consoleGenerationSchema.optional(),
    /** The client ID of the companion's own Box app (settings `boxApp.clientId`). */
    clientId: z
      .string()
      .regex(/^[a-z0-9]{32}$/, 'a Box client ID is 32 lowercase letters and digits')
      .optional(),
    scan: z
      .object({
        backfillDays: backfillDaysSchema.optional(),
        activityRetentionDays: activityRetentionDaysSchema.optional(),
      })
      .strict()
      .optional(),
    offerSandbox: z.boolean().optional(),
  })
  .strict();
export type ManagedFile = z.infer<typeof managedFileSchema>;

/** Where each managed setting comes from in the file. */
const FROM_FILE: Record<ManagedKey, (file: ManagedFile) => unknown> = {
  'walkthrough.dataCenter': (file) => file.dataCenter,
  'walkthrough.consoleGeneration': (file) => file.consoleGeneration,
  'boxApp.clientId': (file) => file.clientId,
  'scan.backfillDays': (file) => file.scan?.backfillDays,
  activityRetentionDays: (file) => file.scan?.activityRetentionDays,
  offerSandbox: (file) => file.offerSandbox,
};

/** The settings a valid file presets and locks, by key; a field the file leaves out stays the user's. */
export function managedValues(file: ManagedFile): Partial<Record<ManagedKey, unknown>> {
  const values: Partial<Record<ManagedKey, unknown>> = {};
  for (const key of MANAGED_KEYS) {
    const value = FROM_FILE[key](file);
    if (value !== undefined) values[key] = value;
  }
  return values;
}

/** The settings as they cross the bridge, for validating the core's answers (tests, diagnostics). */
export const settingsViewSchema = settingsSchema.extend({
  managed: z
    .object({
      path: z.string().min(1),
      keys: z.array(z.enum(MANAGED_KEYS)),
      problem: z
        .object({
          message: z.string(),
          line: z.number().int().positive().nullable(),
          column: z.number().int().positive().nullable(),
          key: z.string().nullable(),
        })
        .strict()
        .nullable(),
    })
    .strict(),
});
