import { app, BrowserWindow } from 'electron';
import { join } from 'node:path';
import { rendererSource } from '../core/renderer-source';

/** Where the UI is loaded from: the dev server in an unpackaged `electron-vite dev`, the bundled file otherwise. */
export function rendererUrl(): string {
  return rendererSource({
    isPackaged: app.isPackaged,
    env: process.env,
    bundledIndexPath: join(import.meta.dirname, '../renderer/index.html'),
  });
}

export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 800,
    minHeight: 600,
    show: false,
    title: 'Box Connect Companion',
    webPreferences: {
      // Reviewed: the preload exposes named bridge functions only, never ipcRenderer (preload/index.ts).
      preload: join(import.meta.dirname, '../preload/index.cjs') /* eng-disable PRELOAD_JS_CHECK */,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      // Middle-click must not open links in new windows.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(rendererUrl());
  return window;
}
