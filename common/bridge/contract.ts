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
import { settingsPatchSchema, type Settings } from '../settings';
import type { BridgeErrorCode } from './errors';
import type { CallName, EventName } from './names';

export { BridgeError, type BridgeErrorCode } from './errors';

const noArgs = z.object({}).strict();

export const callArgs = {
  getAppInfo: noArgs,
  getSettings: noArgs,
  updateSettings: settingsPatchSchema,
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

export interface CallResults {
  getAppInfo: AppInfo;
  getSettings: Settings;
  updateSettings: Settings;
}

export interface EventPayloads {
  settingsChanged: Settings;
}

export type CallArgs<N extends CallName> = z.input<(typeof callArgs)[N]>;
export type ValidCallArgs<N extends CallName> = z.output<(typeof callArgs)[N]>;

export interface BridgeFailure {
  ok: false;
  error: { code: BridgeErrorCode; message: string };
}
export type BridgeReply<N extends CallName> = { ok: true; value: CallResults[N] } | BridgeFailure;

/** The object the renderer sees: one named function per call, plus `on` for event streams. */
export type BoxCompanionApi = {
  [N in CallName]: (args: CallArgs<N>) => Promise<CallResults[N]>;
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
};

