/**
 * An ExtractorSpawner for when the core cannot start processes itself: in the desktop app the
 * core runs in a utilityProcess and only Electron's main process may fork another one. The host
 * starts the extractor and hands the core a port to it; this adapts that to an ExtractorLink
 * (messages posted before the port arrives wait for it; the port closing is the process ending,
 * since its other end lives in the extractor). Runs in the core.
 */
import type { ExtractorLink, ExtractorSpawner } from './extractor-link';
import type { ToExtractor } from './process/messages';

/** A message port to one extractor process (Electron's MessagePortMain, a worker_threads port in tests). */
export interface ExtractorPort {
  post(message: ToExtractor): void;
  onMessage(listener: (message: unknown) => void): void;
  onClose(listener: () => void): void;
}

export interface StartedExtractor {
  port: ExtractorPort;
  kill(): void;
}

export interface ExtractorHost {
  /** Starts an extractor process with V8's heap capped at memoryCapMb. */
  startExtractor(memoryCapMb: number): Promise<StartedExtractor>;
}

export function hostExtractorSpawner(host: ExtractorHost): ExtractorSpawner {
  return (memoryCapMb) => {
    const waiting: ToExtractor[] = [];
    const listeners: ((message: unknown) => void)[] = [];
    const exitListeners: (() => void)[] = [];
    let started: StartedExtractor | null = null;
    let ended = false;
    let killed = false;
    const end = () => {
      if (ended) return;
      ended = true;
      for (const listener of exitListeners) listener();
    };
    host.startExtractor(memoryCapMb).then((extractor) => {
      started = extractor;
      if (killed) return extractor.kill();
      extractor.port.onMessage((message) => listeners.forEach((l) => l(message)));
      extractor.port.onClose(end);
      for (const message of waiting.splice(0)) extractor.port.post(message);
    }, end);
    const link: ExtractorLink = {
      post: (message) => (started ? started.port.post(message) : void waiting.push(message)),
      onMessage: (listener) => void listeners.push(listener),
      onExit: (listener) => void exitListeners.push(() => listener({ code: null, signal: null, outOfMemory: false })),
      kill: () => {
        killed = true;
        started?.kill();
      },
    };
    return link;
  };
}
