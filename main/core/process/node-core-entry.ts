/**
 * The core as a plain-Node child process (the harness and tests): `child_process.fork` this file
 * with an IPC channel, `serialization: 'advanced'` and `--home DIR --runtime NAME`.
 * The packaged app never forks Node (RunAsNode is off); it uses main/electron/core-process.ts.
 */
import { parentProcessEndpoint } from './node-endpoint';
import { parseCoreProcessArgs } from './core-process-args';
import { runCoreProcess } from './run-core-process';

const shutdown = runCoreProcess(parentProcessEndpoint(), {
  ...parseCoreProcessArgs(process.argv.slice(2)),
  exit: (code) => process.exit(code),
});
// Ctrl-C in a terminal reaches the whole process group, this child too: stop as cleanly.
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
