/**
 * The main process's half of the desktop extractor: forks out/main/extractor-process.js as a
 * utilityProcess (never child_process: release builds turn RunAsNode off) with V8's heap capped,
 * and joins it to the core by a MessageChannelMain. The extractor gets one end now; the other
 * end is for the core (hostExtractorSpawner's port), to be sent along with the host's answer.
 */
import { MessageChannelMain, utilityProcess, type MessagePortMain } from 'electron';
import { join } from 'node:path';

export function startExtractorProcess(memoryCapMb: number): { corePort: MessagePortMain; kill(): void } {
  const child = utilityProcess.fork(join(import.meta.dirname, 'extractor-process.js'), [], {
    serviceName: 'Box Connect Companion extractor',
    execArgv: [`--max-old-space-size=${memoryCapMb}`],
    stdio: 'inherit',
  });
  const { port1, port2 } = new MessageChannelMain();
  child.postMessage(null, [port1]);
  return { corePort: port2, kill: () => void child.kill() };
}
