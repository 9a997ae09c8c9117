/** The bridge calls of the connection test and diagnostics. */
import { join } from 'node:path';
import type { ConntestCallResults } from '../../../common/bridge/conntest-calls';
import type { ConnTestProgress, ConnTestResult } from '../../../common/conntest';
import type { Settings } from '../../../common/settings';
import type { ConnectionManager } from '../connection/connection-manager';
import { diagnosticsText, writeDiagnostics } from './diagnostics';
import { runConnectionTest } from './runner';
import { loadLastResult } from './store';

export interface ConntestHandlerDeps {
  home: string;
  runtime: string;
  connection: ConnectionManager;
  settings: { get(): Settings };
  /** Streams each check to the UI as it finishes. */
  emitProgress(progress: ConnTestProgress): void;
}

export function conntestHandlers(deps: ConntestHandlerDeps) {
  let running: Promise<ConnTestResult> | null = null;
  const diag = {
    home: deps.home,
    runtime: deps.runtime,
    connection: deps.connection,
    settings: () => deps.settings.get(),
  };
  return {
    async runConnectionTest(): Promise<ConntestCallResults['runConnectionTest']> {
      // One run at a time: a second window or a double click joins the run in progress.
      running ??= runConnectionTest(
        { home: deps.home, connection: deps.connection, settings: () => deps.settings.get() },
        deps.emitProgress,
      ).finally(() => {
        running = null;
      });
      return running;
    },
    async getLastConnectionTest(): Promise<ConntestCallResults['getLastConnectionTest']> {
      return { result: loadLastResult(deps.home), running: running !== null };
    },
    async getDiagnostics(): Promise<ConntestCallResults['getDiagnostics']> {
      return { text: await diagnosticsText(diag) };
    },
    async saveDiagnostics(): Promise<ConntestCallResults['saveDiagnostics']> {
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      return writeDiagnostics(diag, join(deps.home, 'exports', `diagnostics-${stamp}.json`));
    },
  };
}
