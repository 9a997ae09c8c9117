/**
 * Starts the core in an Electron utilityProcess and relays to it (never child_process.fork:
 * release builds turn RunAsNode off). The app quits only after the core has disposed itself,
 * so a scan stops and SQLite closes cleanly.
 */
import { app, BrowserWindow, Notification, shell, utilityProcess, type MessagePortMain } from 'electron';
import { join } from 'node:path';
import { CoreClient } from '../core/process/core-client';
import { coreProcessArgs } from '../core/process/core-process-args';
import { extractorHostServices } from './extractor-host';

export function startCoreProcess(home: string): CoreClient {
  const child = utilityProcess.fork(
    join(import.meta.dirname, 'core-process.js'),
    coreProcessArgs({ home, runtime: 'electron' }),
    {
      serviceName: 'Box Connect Companion core',
      stdio: 'inherit',
    },
  );
  const client = new CoreClient(
    {
      post: (message, transfer) => child.postMessage(message, transfer as MessagePortMain[] | undefined),
      onMessage: (listener) => void child.on('message', listener),
      onGone: (listener) => void child.once('exit', (code) => listener({ code, signal: null })),
    },
    {
      // Sign-in happens in the admin's own browser (RFC 8252), never inside the app.
      host: {
        openBrowser: (url) => shell.openExternal(url) /* eng-disable OPEN_EXTERNAL_JS_CHECK */,
        // The core parses no documents itself: it asks for extractor processes (issue 14).
        ...extractorHostServices(),
        // A new policy match: the window shows it in-app; the OS tells only an admin looking elsewhere.
        notify: (title, body) => {
          if (BrowserWindow.getFocusedWindow() || !Notification.isSupported()) return;
          new Notification({ title, body }).show();
        },
      },
      onExit: ({ code, expected }) => {
        if (!expected) console.error(`Box Connect Companion: the core process exited with code ${code}`);
      },
    },
  );
  let stopped = false;
  app.on('will-quit', (event) => {
    if (stopped) return;
    event.preventDefault();
    void client
      .stop(() => child.kill())
      .finally(() => {
        stopped = true;
        app.quit();
      });
  });
  return client;
}
