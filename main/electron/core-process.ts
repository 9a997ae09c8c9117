/**
 * The utilityProcess entry (built to out/main/core-process.js): the core runs here, off the
 * window's thread, on the same plain-Node runCoreProcess as the harness's Node child.
 * Electron ends a utility process with the app, so only the host's shutdown message ends it early.
 */
import type { MessageEvent } from 'electron';
import { installNetworkStack } from '../core/box/network';
import type { ExtractorPort } from '../core/extract/host-extractor-spawner';
import { parseCoreProcessArgs } from '../core/process/core-process-args';
import type { HostReplyMessage, HostToCore } from '../core/process/protocol';
import { runCoreProcess } from '../core/process/run-core-process';
import { electronNetwork } from './electron-network';

// Every request of the core goes through Chromium's stack, as the OS is set up (proxy, PAC, certificates).
installNetworkStack(electronNetwork());

const port = process.parentPort;
runCoreProcess(
  {
    post: (message) => port.postMessage(message),
    onMessage: (listener) => void port.on('message', (event) => listener(withExtractorPort(event))),
    onGone: () => undefined,
  },
  { ...parseCoreProcessArgs(process.argv), extractors: 'host', exit: (code) => process.exit(code) },
);

/** A port moved with a message is the host's answer to startExtractor: it becomes the reply's extractorPort. */
function withExtractorPort(event: MessageEvent): HostToCore {
  const [extractor] = event.ports;
  if (!extractor) return event.data;
  const extractorPort: ExtractorPort = {
    post: (message) => extractor.postMessage(message),
    onMessage: (listener) => {
      extractor.on('message', (e) => listener(e.data));
      extractor.start();
    },
    onClose: (listener) => void extractor.on('close', listener),
  };
  return { ...(event.data as HostReplyMessage), extractorPort } as HostToCore;
}
