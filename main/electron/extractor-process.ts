/**
 * The utilityProcess entry of the document extractor (built to out/main/extractor-process.js):
 * untrusted documents are parsed here, never in the window's or the core's process. The main
 * process forks it with V8's heap capped and sends it, in its first message, the MessagePort
 * whose other end the core holds; the same serve loop as the plain-Node child then answers on it.
 * No test hooks here: they exist only in the plain-Node tests' child.
 */
import { serveExtractor } from '../core/extract/process/serve-extractor';

process.parentPort.once('message', (event) => {
  const [port] = event.ports;
  if (!port) return process.exit(1);
  serveExtractor(
    {
      post: (message) => port.postMessage(message),
      onMessage: (listener) => {
        port.on('message', (e) => listener(e.data));
        port.start();
      },
    },
    { testHooks: false },
  );
  // The core's end closed (it recycled us, or quit): nothing left to answer.
  port.on('close', () => process.exit(0));
});
