/**
 * The Electron shell: app lifecycle only. Everything the app does lives in main/core and runs
 * in plain Node; this folder is the only place (with preload/) that imports 'electron'.
 */
import { app, shell } from 'electron';
import { createCore } from '../core/bridge/handlers';
import { ConnectionManager } from '../core/connection/connection-manager';
import { InAppSandbox } from '../core/connection/in-app-sandbox';
import { KeytarSecretStore } from '../core/keychain/keytar-store';
import { applyAppHome } from './home';
import { registerBridge } from './ipc';
import { hardenSessions, hardenWebContents } from './security';
import { createElectronSettingsStore } from './settings';
import { createMainWindow } from './window';

// One instance per app home: a second launch focuses the first window instead.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const home = applyAppHome();
  app.on('web-contents-created', (_, contents) => hardenWebContents(contents));

  void app.whenReady().then(() => {
    hardenSessions();
    const secrets = new KeytarSecretStore();
    const core = createCore({
      home,
      runtime: 'electron',
      secrets,
      settings: createElectronSettingsStore(home),
      connection: new ConnectionManager(home, secrets),
      sandbox: new InAppSandbox(),
      // Sign-in happens in the admin's own browser (RFC 8252), never inside the app.
      openBrowser: (url) => shell.openExternal(url), /* eng-disable OPEN_EXTERNAL_JS_CHECK */
    });
    app.on('will-quit', () => core.dispose());
    const window = createMainWindow();
    registerBridge(core, window);

    app.on('second-instance', () => {
      if (window.isMinimized()) window.restore();
      window.focus();
    });
  });

  app.on('window-all-closed', () => app.quit());
}
