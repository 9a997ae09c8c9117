/**
 * The support code: the admin's state in 8 characters they can read out on the phone, which
 * the help desk types into the app or `box-companion support-code` to see the same summary,
 * offline. Runs everywhere.
 *
 * Layout 1 (the first character is the layout, so a later layout can change the rest):
 *   character 1       the layout number, 1
 *   characters 2–7    30 bits, most significant first:
 *                       1 connected · 1 a test was run · 3 data center (0 none, else
 *                       DATA_CENTERS_V1 index + 1) · 3 console generation (0 none, else
 *                       CONSOLES_V1 index + 1) · 11 × 2 the checks in CHECKS_V1 order
 *                       (RESULTS_V1 index): the network path, then the ten on the Box side
 *   character 8       the check character (check-character.ts)
 * Shown as two groups of four: 1ABC-D2EF. The tables are frozen per layout: a data center or
 * check added later goes in a new layout, never by reordering these.
 */
import type { ConsoleGeneration } from '../allowlist/consoles';
import type { DataCenterId } from '../allowlist/data-centers';
import type { CheckId, ConnTestResult } from '../conntest';
import { checksOut, checkValue } from './check-character';
import { normaliseCrockford, symbolFor, symbolValue } from './crockford';

export const SUPPORT_CHECK_RESULTS = ['pass', 'warning', 'fail', 'not_run'] as const;
export type SupportCheckResult = (typeof SUPPORT_CHECK_RESULTS)[number];

export interface SupportState {
  dataCenter: DataCenterId | null;
  consoleGeneration: ConsoleGeneration | null;
  connected: boolean;
  /** Each check's result in the last connection test; null when no test was run. */
  checks: Record<CheckId, SupportCheckResult> | null;
}

export const SUPPORT_CODE_LAYOUT = 1;
export const DATA_CENTERS_V1: readonly DataCenterId[] = ['US1', 'US2', 'US3', 'EU1', 'EU2', 'ADALLOM'];
export const CONSOLES_V1: readonly ConsoleGeneration[] = ['classic', 'custom-apps', 'apps-manager', 'platform'];
export const CHECKS_V1: readonly CheckId[] = [
  'network',
  'token',
  'role',
  'enterprise',
  'app',
  'admin_logs',
  'users',
  'as_user',
  'files',
  'headroom',
  'sign_in_lifetime',
];
const RESULTS_V1: readonly SupportCheckResult[] = SUPPORT_CHECK_RESULTS;
const PAYLOAD_SYMBOLS = 6;
export const SUPPORT_CODE_LENGTH = 1 + PAYLOAD_SYMBOLS + 1;
const EXAMPLE = '1ABC-D2EF';

/** The state the code carries, from what the app knows: the last test, the walkthrough choice, the connection. */
export function supportStateOf(input: {
  dataCenter: DataCenterId | null;
  consoleGeneration: ConsoleGeneration | null;
  connected: boolean;
  lastTest: Pick<ConnTestResult, 'checks'> | null;
}): SupportState {
  const { dataCenter, consoleGeneration, connected, lastTest } = input;
  if (!lastTest) return { dataCenter, consoleGeneration, connected, checks: null };
  const checks = Object.fromEntries(CHECKS_V1.map((id) => [id, 'not_run'])) as Record<CheckId, SupportCheckResult>;
  for (const check of lastTest.checks) checks[check.id] = check.notRun ? 'not_run' : check.status;
  return { dataCenter, consoleGeneration, connected, checks };
}

function indexIn<T>(table: readonly T[], value: T | null): number {
  if (value === null) return 0;
  const index = table.indexOf(value);
  if (index < 0) throw new RangeError(`Support code layout ${SUPPORT_CODE_LAYOUT} has no slot for ${String(value)}.`);
  return index + 1;
}

function packBits(state: SupportState): number {
  let bits = (state.connected ? 1 : 0) * 2 + (state.checks ? 1 : 0);
  bits = bits * 8 + indexIn(DATA_CENTERS_V1, state.dataCenter);
  bits = bits * 8 + indexIn(CONSOLES_V1, state.consoleGeneration);
  for (const id of CHECKS_V1) bits = bits * 4 + (state.checks ? RESULTS_V1.indexOf(state.checks[id]) : 0);
  return bits;
}

/** The code without separators: 8 symbols. */
export function encodeSupportCode(state: SupportState): string {
  let bits = packBits(state);
  const payload: number[] = [];
  for (let i = 0; i < PAYLOAD_SYMBOLS; i++) {
    payload.unshift(bits % 32);
    bits = Math.floor(bits / 32);
  }
  const values = [SUPPORT_CODE_LAYOUT, ...payload];
  return [...values, checkValue(values)].map(symbolFor).join('');
}

/** "1ABC-D2EF": how the code is shown and read out. */
export function formatSupportCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

export type DecodedSupportCode = { ok: true; code: string; state: SupportState } | { ok: false; problem: string };

function problem(text: string): DecodedSupportCode {
  return { ok: false, problem: text };
}

/** Reads a typed code; a mistyped one is refused with what is wrong, in the help desk's words. */
export function decodeSupportCode(typed: string): DecodedSupportCode {
  const code = normaliseCrockford(typed);
  if (code.length === 0)
    return problem(`Type the support code the admin reads out: ${SUPPORT_CODE_LENGTH} characters, like ${EXAMPLE}.`);
  const bad = [...code].find((char) => symbolValue(char) < 0);
  if (bad !== undefined)
    return problem(
      `“${bad}” cannot be in a support code: codes use the digits and the letters A–Z without I, L, O and U. Ask the admin to read it again.`,
    );
  if (code.length !== SUPPORT_CODE_LENGTH)
    return problem(
      `A support code has ${SUPPORT_CODE_LENGTH} characters (like ${EXAMPLE}); this one has ${code.length}. Ask the admin to read it again.`,
    );
  const values = [...code].map(symbolValue);
  if (!checksOut(values))
    return problem(
      'This support code has a typing mistake: its characters do not add up (one is wrong, or two are swapped). Ask the admin to read it again, one character at a time.',
    );
  if (values[0] !== SUPPORT_CODE_LAYOUT)
    return problem(
      `This support code was made by a newer version of the app (layout ${values[0]}); update the app to read it.`,
    );
  const state = unpack(values.slice(1, 1 + PAYLOAD_SYMBOLS));
  return state
    ? { ok: true, code, state }
    : problem('This support code does not describe a state this app knows. Ask the admin to read it again.');
}

function unpack(payload: readonly number[]): SupportState | null {
  let bits = payload.reduce((total, value) => total * 32 + value, 0);
  const results: SupportCheckResult[] = [];
  for (let i = 0; i < CHECKS_V1.length; i++) {
    results.unshift(RESULTS_V1[bits % 4]!);
    bits = Math.floor(bits / 4);
  }
  const consoleIndex = bits % 8;
  const centerIndex = Math.floor(bits / 8) % 8;
  const tested = Math.floor(bits / 64) % 2 === 1;
  const connected = Math.floor(bits / 128) === 1;
  if (consoleIndex > CONSOLES_V1.length || centerIndex > DATA_CENTERS_V1.length) return null;
  if (!tested && results.some((result) => result !== 'pass')) return null;
  return {
    connected,
    dataCenter: centerIndex === 0 ? null : DATA_CENTERS_V1[centerIndex - 1]!,
    consoleGeneration: consoleIndex === 0 ? null : CONSOLES_V1[consoleIndex - 1]!,
    checks: tested
      ? (Object.fromEntries(CHECKS_V1.map((id, i) => [id, results[i]!])) as Record<CheckId, SupportCheckResult>)
      : null,
  };
}
