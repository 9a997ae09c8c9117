/**
 * The utilityProcess entry (built to out/main/core-process.js): the core runs here, off the
 * window's thread, on the same plain-Node runCoreProcess as the harness's Node child.
 * Electron ends a utility process with the app, so only the host's shutdown message ends it early.
 */
import { installNetworkStack } from '../core/box/network';
import { parseCoreProcessArgs } from '../core/process/core-process-args';
import { runCoreProcess } from '../core/process/run-core-process';
import { electronNetwork } from './electron-network';

// Every request of the core goes through Chromium's stack, as the OS is set up (proxy, PAC, certificates).
installNetworkStack(electronNetwork());

const port = process.parentPort;
runCoreProcess(
  {
    post: (message) => port.postMessage(message),
    onMessage: (listener) => void port.on('message', (event) => listener(event.data)),
    onGone: () => undefined,
  },
  { ...parseCoreProcessArgs(process.argv), exit: (code) => process.exit(code) },
);
