/**
 * The Electron shell: app lifecycle, the window and a relay. The core (scan, SQLite, Box calls)
 * runs in a utilityProcess (core-host.ts), off the thread that moves the window; this folder is
 * the only place (with preload/) that imports 'electron'.
 */
import { app } from 'electron';
import { claimAppHome } from '../core/app-instance';
import { startCoreProcess } from './core-host';
import { applyAppHome } from './home';
import { registerBridge } from './ipc';
import { hardenSessions, hardenWebContents } from './security';
import { createMainWindow } from './window';

// One instance per app home: a second launch on the same home focuses the first window instead.
const home = claimAppHome({
  chooseHome: applyAppHome,
  requestSingleInstanceLock: () => app.requestSingleInstanceLock(),
  quit: () => app.quit(),
});
if (home !== null) {
  app.on('web-contents-created', (_, contents) => hardenWebContents(contents));

  void app.whenReady().then(() => {
    hardenSessions();
    const core = startCoreProcess(home);
    const window = createMainWindow();
    registerBridge(core, window);

    app.on('second-instance', () => {
      if (window.isMinimized()) window.restore();
      window.focus();
    });
  });

  app.on('window-all-closed', () => app.quit());
}
