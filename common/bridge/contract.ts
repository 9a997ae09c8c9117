/**
 * The one contract between the renderer and the core, declared once.
 *
 * - `callArgs` holds the run-time validator of each call's single argument object; main
 *   validates every message against it before any handler runs.
 * - `CallResults` and `EventPayloads` type what comes back.
 * - Every transport (Electron IPC, the test WebSocket) carries the same envelopes.
 *
 * Runs everywhere: no Node, no DOM.
 */
import { z } from 'zod';
import type { RunbookFormat } from '../allowlist/runbook-formats';
import {
  consoleGenerationSchema,
  dataCenterIdSchema,
  portalGenerationSchema,
  runbookFormatSchema,
} from '../allowlist/schemas';
import { settingsPatchSchema, stepIdSchema, type WalkthroughSettings } from '../settings';
import type { SettingsView } from '../settings-locks';
import type { ConnectionState } from '../connection';
import type { ScanProgress } from '../scan/types';
import { connectionCallArgs, type ConnectionCallResults } from './connection-calls';
import { conntestCallArgs, type ConntestCallResults } from './conntest-calls';
import { helpdeskCallArgs, type HelpdeskCallResults } from './helpdesk-calls';
import type { ConnTestProgress } from '../conntest';
import { scanCallArgs, type ScanCallResults } from './scan-calls';
import { policyCallArgs, type PolicyCallResults, type PolicyEventPayloads } from './policy-calls';
import type { BridgeFailureDetail } from './errors';
import { noArgs } from './no-args';
import type { CallName, EventName } from './names';

export { BridgeError, type BridgeErrorCode, type BridgeFailureDetail } from './errors';

export const callArgs = {
  getAppInfo: noArgs,
  getSettings: noArgs,
  updateSettings: settingsPatchSchema,
  getWalkthroughState: noArgs,
  /** Remembers the data center and/or console generation; null clears a choice. */
  chooseWalkthrough: z
    .object({
      dataCenter: dataCenterIdSchema.nullable().optional(),
      consoleGeneration: consoleGenerationSchema.nullable().optional(),
      portalGeneration: portalGenerationSchema.nullable().optional(),
    })
    .strict(),
  /** Ticks a step of the portal half (the security portal's steps). */
  setPortalStepTicked: z
    .object({
      dataCenter: dataCenterIdSchema,
      portalGeneration: portalGenerationSchema,
      stepId: stepIdSchema,
      ticked: z.boolean(),
    })
    .strict(),
  setStepTicked: z
    .object({
      dataCenter: dataCenterIdSchema,
      consoleGeneration: consoleGenerationSchema,
      stepId: stepIdSchema,
      ticked: z.boolean(),
    })
    .strict(),
  /** Clears every tick of one data center. */
  startOver: z.object({ dataCenter: dataCenterIdSchema }).strict(),
  /** Writes the runbook under <home>/exports/ and returns its path. */
  exportRunbook: z
    .object({
      dataCenter: dataCenterIdSchema,
      consoleGeneration: consoleGenerationSchema,
      /** Adds part 2, in this security portal. */
      portalGeneration: portalGenerationSchema.optional(),
      format: runbookFormatSchema,
    })
    .strict(),
  ...connectionCallArgs,
  ...conntestCallArgs,
  ...helpdeskCallArgs,
  ...scanCallArgs,
  ...policyCallArgs,
} satisfies Record<CallName, z.ZodType>;

// Compile-time check that names.ts and callArgs list exactly the same calls.
type _SameCalls = [keyof typeof callArgs] extends [CallName]
  ? [CallName] extends [keyof typeof callArgs]
    ? true
    : never
  : never;
const _sameCalls: _SameCalls = true;
void _sameCalls;

export interface KeychainStatus {
  available: boolean;
  /** The service name entries are stored under (differs in tests). */
  service: string;
  /** Why the keychain is unavailable, in plain words; null when available. */
  reason: string | null;
}

export interface AppInfo {
  name: string;
  version: string;
  /** 'electron' in the desktop app, 'harness' in the browser test harness, 'cli' in the CLI. */
  runtime: 'electron' | 'harness' | 'cli';
  platform: string;
  home: string;
  keychain: KeychainStatus;
}

/** The allowlist walkthrough's remembered choices and ticks, plus what it needs from settings. */
export interface WalkthroughState extends WalkthroughSettings {
  /** The client ID of the companion's own Box app when known (settings boxApp.clientId). */
  companionClientId: string | null;
}

export interface ExportedRunbook {
  path: string;
  format: RunbookFormat;
  bytes: number;
}

export interface CallResults
  extends ConnectionCallResults, ConntestCallResults, HelpdeskCallResults, ScanCallResults, PolicyCallResults {
  getAppInfo: AppInfo;
  /** The effective settings (the organisation's managed values over the user's), with what is managed. */
  getSettings: SettingsView;
  updateSettings: SettingsView;
  getWalkthroughState: WalkthroughState;
  chooseWalkthrough: WalkthroughState;
  setStepTicked: WalkthroughState;
  setPortalStepTicked: WalkthroughState;
  startOver: WalkthroughState;
  exportRunbook: ExportedRunbook;
}

export interface EventPayloads extends PolicyEventPayloads {
  settingsChanged: SettingsView;
  connectionChanged: ConnectionState;
  connectionTestProgress: ConnTestProgress;
  /** The scan's progress, at most 10 times a second. */
  scanProgress: ScanProgress;
}

export type CallArgs<N extends CallName> = z.input<(typeof callArgs)[N]>;
export type ValidCallArgs<N extends CallName> = z.output<(typeof callArgs)[N]>;

export interface BridgeFailure {
  ok: false;
  error: BridgeFailureDetail;
}
export type BridgeReply<N extends CallName> = { ok: true; value: CallResults[N] } | BridgeFailure;

/** The object the renderer sees: one named function per call, plus `on` for event streams. */
export type BoxCompanionApi = {
  [N in CallName]: (args: CallArgs<N>) => Promise<CallResults[N]>;
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
};
