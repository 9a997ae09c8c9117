/**
 * Starts the core in a plain-Node child process (child_process.fork, IPC with structured
 * clone) and hands back its client: the harness and the tests run the core exactly as the
 * desktop app does (in its own process), only with Node's fork instead of utilityProcess.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AppInfo } from '../../../common/bridge/contract';
import { CoreClient, type CoreClientOptions, type HostServices } from './core-client';
import { childProcessEndpoint } from './node-endpoint';
import type { EndpointGone } from './protocol';
import { coreProcessArgs } from './core-process-args';

export interface ForkNodeCoreOptions {
  home: string;
  runtime: AppInfo['runtime'];
  host: HostServices;
  onExit?: CoreClientOptions['onExit'];
  env?: NodeJS.ProcessEnv;
}

export interface ForkedCore {
  client: CoreClient;
  child: ChildProcess;
  /** Asks the core to dispose itself and waits for the exit (SIGKILL past the deadline). */
  stop(timeoutMs?: number): Promise<EndpointGone>;
}

const entry = fileURLToPath(new URL('./node-core-entry.ts', import.meta.url));
// The entry is TypeScript: load tsx into the child by absolute URL, whatever its cwd.
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

export function forkNodeCore(options: ForkNodeCoreOptions): ForkedCore {
  const child = fork(entry, coreProcessArgs(options), {
    // BCC_CORE_CPU_PROF=DIR: a CPU profile of the core (node --cpu-prof), for finding what holds its thread.
    execArgv: [
      '--import',
      tsxLoader,
      ...(process.env.BCC_CORE_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BCC_CORE_CPU_PROF] : []),
    ],
    serialization: 'advanced',
    env: options.env ?? process.env,
    // The core's stdout goes to our stderr: a host's stdout may be a protocol (the harness's JSON line).
    stdio: ['ignore', 2, 'inherit', 'ipc'],
  });
  const client = new CoreClient(childProcessEndpoint(child), { host: options.host, onExit: options.onExit });
  return { client, child, stop: (timeoutMs) => client.stop(() => child.kill('SIGKILL'), timeoutMs) };
}
