/**
 * Starts an extractor process in plain Node (CLI, harness, tests): child_process.fork of the
 * TypeScript entry with tsx's loader (as fork-node-core.ts does for the core), IPC with
 * structured clone so bytes travel as bytes, V8's heap capped. Its stderr is passed on and read
 * for V8's out-of-memory message, so a death by the memory cap is told from other crashes.
 * Runs in the core.
 */
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ExtractorExit, ExtractorLink, ExtractorSpawner } from './extractor-link';
import { TEST_HOOK_ENV } from './process/test-hooks';

const entry = fileURLToPath(new URL('./process/node-extractor-entry.ts', import.meta.url));
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const OUT_OF_MEMORY = /heap out of memory|Allocation failed/;

/** The core's environment without the test switch: only a test's spawner passes it on purpose. */
function productEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env[TEST_HOOK_ENV];
  return env;
}

export function nodeExtractorSpawner(env: NodeJS.ProcessEnv = productEnv()): ExtractorSpawner {
  return (memoryCapMb) => {
    const child = fork(entry, [], {
      execArgv: ['--import', tsxLoader, `--max-old-space-size=${memoryCapMb}`],
      serialization: 'advanced',
      env,
      stdio: ['ignore', 2, 'pipe', 'ipc'],
    });
    let outOfMemory = false;
    child.stderr?.on('data', (chunk: Buffer) => {
      if (OUT_OF_MEMORY.test(chunk.toString('latin1'))) outOfMemory = true;
      process.stderr.write(chunk);
    });
    const link: ExtractorLink = {
      post: (message) => {
        if (child.connected) child.send(message);
      },
      onMessage: (listener) => void child.on('message', listener),
      onExit: (listener) => {
        let reported = false;
        const report = (code: number | null, signal: string | null) => {
          if (reported) return;
          reported = true;
          listener({ code, signal, outOfMemory } satisfies ExtractorExit);
        };
        // 'close' comes after stderr has been read to its end: the out-of-memory message is in.
        child.once('close', report);
        // Every 'error' has a listener (a second one would throw in the core); the report is once.
        child.on('error', () => report(child.exitCode, child.signalCode));
      },
      kill: () => void child.kill('SIGKILL'),
    };
    return link;
  };
}
