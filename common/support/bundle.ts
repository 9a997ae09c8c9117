/**
 * Reading a diagnostics bundle (the JSON `box-companion diagnostics` and the app's "Save
 * diagnostics file" write, main/core/conntest/diagnostics.ts) back for the help desk: checked
 * against a schema and a size cap, and turned into what the connection test screen shows,
 * read-only. A bad file gets a message naming what is wrong. Runs everywhere.
 */
import { z } from 'zod';
import { consoleGenerationSchema, dataCenterIdSchema } from '../allowlist/schemas';
import { CHECK_IDS, type ConnTestResult } from '../conntest';
import { encodeSupportCode, formatSupportCode, supportStateOf } from './support-code';

import { BUNDLE_KIND, MAX_BUNDLE_BYTES, bundleTooBig } from './bundle-limits';

export { BUNDLE_KIND, MAX_BUNDLE_BYTES };

const evidenceSchema = z.object({
  request: z.string(),
  status: z.number().int().nullable(),
  code: z.string().nullable(),
  message: z.string().nullable(),
  requestId: z.string().nullable(),
  ms: z.number().nullable(),
});

const checkSchema = z.object({
  id: z.enum(CHECK_IDS),
  title: z.string(),
  status: z.enum(['pass', 'warning', 'fail']),
  summary: z.string(),
  evidence: z.array(evidenceSchema),
  fix: z.string().nullable(),
  actions: z.array(z.enum(['reconnect', 'open_allowlist', 'retry', 'copy_diagnostics'])),
  notRun: z.boolean(),
});

const resultSchema = z.object({
  runId: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  durationMs: z.number(),
  account: z.object({ login: z.string(), role: z.string().nullable(), enterprise: z.string().nullable() }).nullable(),
  checks: z.array(checkSchema).max(CHECK_IDS.length),
  summary: z.object({
    pass: z.number().int(),
    warning: z.number().int(),
    fail: z.number().int(),
    verdict: z.enum(['pass', 'warning', 'fail']),
  }),
});

/** Only what the help desk screen reads is checked; a bundle may carry more. */
const bundleSchema = z.object({
  kind: z.literal(BUNDLE_KIND),
  generatedAt: z.iso.datetime(),
  app: z.object({ name: z.string(), version: z.string(), runtime: z.string() }),
  system: z.object({
    os: z.string(),
    release: z.string(),
    /** Added with the help desk's "Open a diagnostics file"; older bundles lack it. */
    hostname: z.string().optional(),
  }),
  settings: z
    .object({
      walkthrough: z
        .object({ dataCenter: dataCenterIdSchema.nullable(), consoleGeneration: consoleGenerationSchema.nullable() })
        .partial(),
    })
    .partial(),
  connection: z.object({ state: z.object({ status: z.string() }) }),
  lastTest: resultSchema.nullable(),
});

/** A bundle as the connection test screen shows it, read-only. */
export interface OpenedBundle {
  /** The file's name as picked, for the heading. */
  fileName: string;
  /** The computer it was saved on: its host name, or its OS for older bundles. */
  machine: string;
  /** When it was saved (ISO). */
  savedAt: string;
  appVersion: string;
  connected: boolean;
  lastTest: ConnTestResult | null;
  /** The support code the admin's screen showed with this result. */
  supportCode: string;
}

export type BundleReading = { ok: true; bundle: OpenedBundle } | { ok: false; problem: string };

function refuse(fileName: string, why: string): BundleReading {
  return { ok: false, problem: `${fileName} cannot be opened as a diagnostics file: ${why}` };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length ? issue.path.map(String).join('.') : 'the file';
  return `${where}: ${issue.message}`;
}

export function readDiagnosticsBundle(fileName: string, text: string): BundleReading {
  // Characters, not bytes, but within a factor the cap is about scale, not exactness.
  if (text.length > MAX_BUNDLE_BYTES) return { ok: false, problem: bundleTooBig(fileName) };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return refuse(fileName, 'it is not JSON. Ask for the file the app’s “Save diagnostics file” writes.');
  }
  if (typeof json !== 'object' || json === null || (json as { kind?: unknown }).kind !== BUNDLE_KIND)
    return refuse(
      fileName,
      `it is JSON, but not a Box Connect Companion diagnostics file (no "kind": "${BUNDLE_KIND}").`,
    );
  const parsed = bundleSchema.safeParse(json);
  if (!parsed.success)
    return refuse(
      fileName,
      `it is damaged or from an incompatible version (${describeIssue(parsed.error.issues[0]!)}).`,
    );
  const bundle = parsed.data;
  const connected = bundle.connection.state.status === 'connected';
  const walkthrough = bundle.settings.walkthrough ?? {};
  const code = encodeSupportCode(
    supportStateOf({
      dataCenter: walkthrough.dataCenter ?? null,
      consoleGeneration: walkthrough.consoleGeneration ?? null,
      connected,
      lastTest: bundle.lastTest,
    }),
  );
  return {
    ok: true,
    bundle: {
      fileName,
      machine: bundle.system.hostname || `${bundle.system.os} ${bundle.system.release}`,
      savedAt: bundle.generatedAt,
      appVersion: bundle.app.version,
      connected,
      lastTest: bundle.lastTest,
      supportCode: formatSupportCode(code),
    },
  };
}
