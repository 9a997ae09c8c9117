/**
 * The connection test's part of the bridge contract: run it (progress streams as the
 * `connectionTestProgress` event), read the last result, and the diagnostics bundle.
 * Spread into contract.ts. Runs everywhere.
 */
import { noArgs } from './no-args';
import type { ConnTestResult } from '../conntest';

export const conntestCallArgs = {
  /** Runs the ten checks; a second call while one runs joins it. */
  runConnectionTest: noArgs,
  getLastConnectionTest: noArgs,
  /** The diagnostics bundle as text, secrets removed (for "copy diagnostics"). */
  getDiagnostics: noArgs,
  /** Writes the bundle under <home>/exports/ and returns its path. */
  saveDiagnostics: noArgs,
};

export interface ConntestCallResults {
  runConnectionTest: ConnTestResult;
  getLastConnectionTest: { result: ConnTestResult | null; running: boolean };
  getDiagnostics: { text: string };
  saveDiagnostics: { path: string; bytes: number };
}
