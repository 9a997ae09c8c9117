/**
 * Everything a core process does, whatever started it: build the core (conf settings, keytar
 * secrets, the system browser through the host), serve it on the endpoint, and on shutdown (or
 * when the host is gone) dispose it, so the scan stops and SQLite closes, before exiting.
 * The Node child (node-core-entry.ts) and Electron's utilityProcess entry
 * (main/electron/core-process.ts) are a few lines each around this.
 */
import { createNodeCore } from '../create-node-core';
import { hostExtractorSpawner } from '../extract/host-extractor-spawner';
import type { CoreProcessArgs } from './core-process-args';
import type { CoreSideEndpoint } from './protocol';
import { HostRequests, serveCore } from './serve-core';

export interface CoreProcessOptions extends CoreProcessArgs {
  exit(code: number): void;
  /**
   * 'host': the host starts each document extractor and hands over a port (the desktop app,
   * where only Electron's main process may start a process); 'fork': the core forks them (Node).
   */
  extractors?: 'host' | 'fork';
}

/** Returns the shutdown function, also run on SIGINT/SIGTERM by the Node entry. */
export function runCoreProcess(endpoint: CoreSideEndpoint, options: CoreProcessOptions): () => void {
  const hostRequests = new HostRequests(endpoint);
  let core: ReturnType<typeof createNodeCore>;
  try {
    const spawner = options.extractors === 'host' ? hostExtractorSpawner(hostRequests) : undefined;
    // OS notifications exist in the desktop app only (the harness and the CLI show none).
    const notify = options.runtime === 'electron' ? (t: string, b: string) => hostRequests.notify(t, b) : undefined;
    core = createNodeCore(options.home, options.runtime, (url) => hostRequests.openBrowser(url), spawner, notify);
  } catch (error) {
    process.stderr.write(
      `core: could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    options.exit(70);
    return () => undefined;
  }
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    void core.dispose().then(
      () => options.exit(0),
      (error: unknown) => {
        process.stderr.write(`core: shutdown failed: ${error instanceof Error ? error.message : String(error)}\n`);
        options.exit(70);
      },
    );
  };
  serveCore(core, endpoint, { hostRequests, onShutdown: shutdown });
  return shutdown;
}
