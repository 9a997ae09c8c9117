/**
 * The preload: the only bridge between the sandboxed renderer and main. It exposes one object,
 * `window.boxCompanion`, with one named function per contract call plus `on(event, listener)`.
 * It never exposes ipcRenderer, and only ever uses the app's own channels.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { BoxCompanionApi, BridgeReply } from '../common/bridge/contract';
import { contextBridgeError } from '../common/bridge/errors';
import {
  CALL_CHANNEL,
  CALL_NAMES,
  EVENT_CHANNEL,
  EVENT_NAMES,
  type CallName,
  type EventName,
} from '../common/bridge/names';

async function call(name: CallName, args: unknown): Promise<unknown> {
  const reply = (await ipcRenderer.invoke(CALL_CHANNEL, name, args)) as BridgeReply<CallName>;
  if (reply.ok) return reply.value;
  // contextBridge keeps only an Error's message: the renderer's client reads the code back from it.
  throw contextBridgeError(reply.error);
}

const api: Record<string, unknown> = Object.fromEntries(
  CALL_NAMES.map((name) => [name, (args: unknown) => call(name, args)]),
);

api.on = (event: EventName, listener: (payload: unknown) => void) => {
  if (!(EVENT_NAMES as readonly string[]).includes(event)) throw new Error(`Unknown event ${String(event)}`);
  const forward = (_: IpcRendererEvent, name: EventName, payload: unknown) => {
    if (name === event) listener(payload);
  };
  ipcRenderer.on(EVENT_CHANNEL, forward);
  return () => ipcRenderer.off(EVENT_CHANNEL, forward);
};

contextBridge.exposeInMainWorld('boxCompanion', api as BoxCompanionApi);
