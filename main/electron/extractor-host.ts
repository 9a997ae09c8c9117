/**
 * The main process's half of the desktop extractor: forks out/main/extractor-process.js as a
 * utilityProcess (never child_process: release builds turn RunAsNode off) with V8's heap capped,
 * and joins it to the core by a MessageChannelMain. The extractor gets one end now; the other
 * end goes to the core with the host's answer to its startExtractor request (core-client.ts).
 */
import { MessageChannelMain, utilityProcess, type MessagePortMain } from 'electron';
import { join } from 'node:path';
import type { HostServices } from '../core/process/core-client';

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

/** The core's startExtractor / killExtractor host requests, served by this process. */
export function extractorHostServices(): Pick<HostServices, 'startExtractor' | 'killExtractor'> {
  const running = new Map<number, () => void>();
  let nextId = 1;
  return {
    startExtractor: (memoryCapMb) => {
      const { corePort, kill } = startExtractorProcess(memoryCapMb);
      const extractorId = nextId++;
      running.set(extractorId, kill);
      return { extractorId, port: corePort };
    },
    killExtractor: (extractorId) => {
      running.get(extractorId)?.();
      running.delete(extractorId);
    },
  };
}
