/**
 * Registers the bridge on Electron IPC: one channel for calls, one for events. Every message's
 * sender is checked (our window, its top frame, our UI's URL) before dispatch() validates the
 * arguments; a refused sender gets an `untrusted_sender` failure and the handler never runs.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { CALL_CHANNEL, EVENT_CHANNEL, EVENT_NAMES } from '../../common/bridge/names';
import { failure } from '../../common/bridge/validate';
import { dispatch } from '../core/bridge/dispatch';
import type { Core } from '../core/bridge/handlers';
import { whyUntrusted } from '../core/bridge/trusted-sender';
import { rendererUrl } from './window';

export function registerBridge(core: Core, window: BrowserWindow): void {
  const policy = { trustedWebContentsIds: new Set([window.webContents.id]), allowedUrlPrefixes: [rendererUrl().split(/[?#]/, 1)[0] ?? ''] };

  ipcMain.handle(CALL_CHANNEL, async (event: IpcMainInvokeEvent, name: unknown, args: unknown) => {
    const frame = event.senderFrame;
    const refusal = whyUntrusted(
      { webContentsId: event.sender.id, frameUrl: frame?.url ?? null, isTopFrame: frame !== null && frame === event.sender.mainFrame },
      policy,
    );
    if (refusal) return failure('untrusted_sender', `Refused: ${refusal}.`);
    return dispatch(core.handlers, name, args);
  });

  for (const name of EVENT_NAMES) {
    core.events.on(name, (payload) => {
      if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, name, payload);
    });
  }
}
