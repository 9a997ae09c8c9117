/**
 * Everything a core process does, whatever started it: build the core (conf settings, keytar
 * secrets, the system browser through the host), serve it on the endpoint, and on shutdown (or
 * when the host is gone) dispose it, so the scan stops and SQLite closes, before exiting.
 * The Node child (node-core-entry.ts) and Electron's utilityProcess entry
 * (main/electron/core-process.ts) are a few lines each around this.
 */
import type { AppInfo } from '../../../common/bridge/contract';
import { createNodeCore } from '../create-node-core';
import type { CoreSideEndpoint } from './protocol';
import { HostRequests, serveCore } from './serve-core';

export interface CoreProcessOptions {
  home: string;
  runtime: AppInfo['runtime'];
  exit(code: number): void;
}

/** Returns the shutdown function, also run on SIGINT/SIGTERM by the Node entry. */
export function runCoreProcess(endpoint: CoreSideEndpoint, options: CoreProcessOptions): () => void {
  const hostRequests = new HostRequests(endpoint);
  let core: ReturnType<typeof createNodeCore>;
  try {
    core = createNodeCore(options.home, options.runtime, (url) => hostRequests.openBrowser(url));
  } catch (error) {
    process.stderr.write(`core: could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    options.exit(70);
    return () => undefined;
  }
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    core.dispose().then(
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

/** `--home DIR --runtime NAME`, the arguments every core process entry is started with. */
export function coreProcessArgs(options: Pick<CoreProcessOptions, 'home' | 'runtime'>): string[] {
  return ['--home', options.home, '--runtime', options.runtime];
}

export function parseCoreProcessArgs(argv: readonly string[]): Pick<CoreProcessOptions, 'home' | 'runtime'> {
  const value = (flag: string) => {
    const at = argv.indexOf(flag);
    const found = at >= 0 ? argv[at + 1] : undefined;
    if (!found) throw new Error(`core process: ${flag} is missing`);
    return found;
  };
  const runtime = value('--runtime');
  if (runtime !== 'electron' && runtime !== 'harness' && runtime !== 'cli') throw new Error(`core process: unknown --runtime ${runtime}`);
  return { home: value('--home'), runtime };
}
