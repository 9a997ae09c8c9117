/**
 * The help desk's part of the bridge contract: open a diagnostics bundle read-only. The renderer
 * reads the file the admin picked (the desktop app's file dialog, or a test's file input) and
 * sends its text; the core checks it and answers what the connection test screen shows, or
 * what is wrong with the file. Spread into contract.ts. Runs everywhere.
 */
import { z } from 'zod';
import type { BundleReading } from '../support/bundle';
import { MAX_BUNDLE_BYTES } from '../support/bundle-limits';

export const helpdeskCallArgs = {
  openDiagnosticsBundle: z
    .object({
      fileName: z.string().min(1).max(255),
      // Twice the cap, so that a file just over it still reaches the check with the clear message.
      text: z.string().max(MAX_BUNDLE_BYTES * 2),
    })
    .strict(),
};

export interface HelpdeskCallResults {
  openDiagnosticsBundle: BundleReading;
}
