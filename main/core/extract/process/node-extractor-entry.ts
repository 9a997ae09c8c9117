/**
 * The extractor as a plain-Node child process (CLI, harness, tests): node-extractor-spawner.ts
 * forks this file with an IPC channel (serialization 'advanced'). The desktop app runs the same
 * loop in a utilityProcess instead (main/electron/extractor-process.ts).
 */
import { serveExtractor } from './serve-extractor';
import { TEST_HOOK_ENV } from './test-hooks';

// pdf.js ships 10 MB of source maps; mapping the extractor's stack traces is not worth that memory.
process.setSourceMapsEnabled(false);
if (!process.send) throw new Error('extractor process: started without an IPC channel (use child_process.fork)');
serveExtractor(
  {
    post: (message) => {
      if (process.connected) process.send!(message, undefined, undefined, () => undefined);
    },
    onMessage: (listener) => void process.on('message', listener),
  },
  { testHooks: process.env[TEST_HOOK_ENV] === '1' },
);
// Our host is gone: nothing left to answer.
process.once('disconnect', () => process.exit(0));
