/**
 * Relays the bridge between Electron IPC and the core process: one channel for calls, one for
 * events. Every message's sender is checked here in main (our window, its top frame, our UI's
 * URL) before it is relayed; a refused sender gets an `untrusted_sender` failure and never
 * reaches the core, where dispatch() validates the arguments.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { CALL_CHANNEL, EVENT_CHANNEL, EVENT_NAMES } from '../../common/bridge/names';
import { failure } from '../../common/bridge/validate';
import { whyUntrusted } from '../core/bridge/trusted-sender';
import type { CoreBackend } from '../core/process/protocol';
import { rendererUrl } from './window';

export function registerBridge(core: CoreBackend, window: BrowserWindow): void {
  const policy = {
    trustedWebContentsIds: new Set([window.webContents.id]),
    allowedUrlPrefixes: [rendererUrl().split(/[?#]/, 1)[0] ?? ''],
  };

  ipcMain.handle(CALL_CHANNEL, async (event: IpcMainInvokeEvent, name: unknown, args: unknown) => {
    const frame = event.senderFrame;
    const refusal = whyUntrusted(
      {
        webContentsId: event.sender.id,
        frameUrl: frame?.url ?? null,
        isTopFrame: frame !== null && frame === event.sender.mainFrame,
      },
      policy,
    );
    if (refusal) return failure('untrusted_sender', `Refused: ${refusal}.`);
    return core.call(name, args);
  });

  for (const name of EVENT_NAMES) {
    core.on(name, (payload) => {
      if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, name, payload);
    });
  }
}
