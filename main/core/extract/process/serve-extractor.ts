/**
 * The extractor process's loop, whatever carries its messages: each inspect request is answered
 * with its result, one file at a time (the pool sends the next only after the answer). It says
 * 'ready' once its readers are loaded: the pool sends nothing before.
 * Runs in the extractor process.
 */
import { loadPdfJs } from '../formats/pdf';
import { inspectBytes, failed } from '../inspect-bytes';
import { isInspectMessage, type FromExtractor } from './messages';
import { runTestHook } from './test-hooks';

export interface ExtractorPort {
  post(message: FromExtractor): void;
  onMessage(listener: (message: unknown) => void): void;
}

export function serveExtractor(port: ExtractorPort, options: { testHooks: boolean }): void {
  port.onMessage((message) => {
    if (!isInspectMessage(message)) return;
    const { id, ext, name, bytes } = message;
    if (options.testHooks) runTestHook(ext);
    inspectBytes({ ext, name, bytes })
      .catch(() => failed('internal'))
      .then((result) => port.post({ type: 'result', id, result, peakRssBytes: process.resourceUsage().maxRSS * 1024 }));
  });
  // Ready once the heaviest reader is loaded (ready anyway if it cannot load: its PDFs then fail alone).
  void loadPdfJs()
    .catch(() => undefined)
    .then(() => port.post({ type: 'ready' }));
}
