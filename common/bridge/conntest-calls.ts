/**
 * The connection test's part of the bridge contract: run it (progress streams as the
 * `connectionTestProgress` event), read the last result, and the diagnostics bundle.
 * Spread into contract.ts. Runs everywhere.
 */
import { z } from 'zod';
import type { ConnTestResult } from '../conntest';

export const CONNTEST_CALL_NAMES = ['runConnectionTest', 'getLastConnectionTest', 'getDiagnostics', 'saveDiagnostics'] as const;

export const conntestCallArgs = {
  /** Runs the ten checks; a second call while one runs joins it. */
  runConnectionTest: z.object({}).strict(),
  getLastConnectionTest: z.object({}).strict(),
  /** The diagnostics bundle as text, secrets removed (for "copy diagnostics"). */
  getDiagnostics: z.object({}).strict(),
  /** Writes the bundle under <home>/exports/ and returns its path. */
  saveDiagnostics: z.object({}).strict(),
};

export interface ConntestCallResults {
  runConnectionTest: ConnTestResult;
  getLastConnectionTest: { result: ConnTestResult | null; running: boolean };
  getDiagnostics: { text: string };
  saveDiagnostics: { path: string; bytes: number };
}
