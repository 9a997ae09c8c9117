/**
 * The wire between a host (the Electron main process, the harness, a test) and the core running
 * in its own process. Plain Node, no Electron: the desktop app carries these messages over a
 * utilityProcess port, the harness and tests over child_process IPC, both behind MessageEndpoint.
 *
 * Messages (all structured-clonable):
 *   host → core  `{id, call, args}`            a bridge call; dispatch() validates it in the core
 *                `{hostReplyId, ok, message?}`  the answer to a host request (to startExtractor: with
 *                                                 `extractorId`, the port to the extractor transferred)
 *                `{shutdown: true}`             dispose the core (scan stopped, SQLite closed), then exit
 *   core → host  `{ready: {pid}}`               the core is built and serving
 *                `{id, reply}`                  the BridgeReply envelope of a call
 *                `{event, payload}`             one of EVENT_NAMES
 *                `{hostRequestId, request, …}`  something only the host can do: the system browser
 *                                                 (openBrowser), starting or ending an extractor process
 *                                                 (startExtractor, killExtractor: the desktop app's core
 *                                                 cannot fork a utilityProcess itself)
 */
import type { BridgeReply, EventPayloads } from '../../../common/bridge/contract';
import type { ExtractorPort } from '../extract/host-extractor-spawner';
import { EVENT_NAMES, type CallName, type EventName } from '../../../common/bridge/names';

/** How the other side went away: an exit code or signal on the host side, nulls on the core side. */
export interface EndpointGone {
  code: number | null;
  signal: string | null;
}

/** One side of a message channel to another process. */
export interface MessageEndpoint<Incoming, Outgoing> {
  /** transfer: ports to move with the message (the desktop app's extractor port); others ignore it. */
  post(message: Outgoing, transfer?: unknown[]): void;
  onMessage(listener: (message: Incoming) => void): void;
  onGone(listener: (gone: EndpointGone) => void): void;
}

export interface CallMessage {
  id: number;
  call: unknown;
  args: unknown;
}
export type HostReplyMessage =
  | {
      hostReplyId: number;
      ok: true;
      extractorId?: number;
      /** The transferred port to a started extractor, attached by the core's endpoint on receipt (never cloned). */
      extractorPort?: ExtractorPort;
    }
  | { hostReplyId: number; ok: false; message: string };
export interface ShutdownMessage {
  shutdown: true;
}
export type HostToCore = CallMessage | HostReplyMessage | ShutdownMessage;

export interface ReadyMessage {
  ready: { pid: number };
}
export interface ReplyMessage {
  id: number;
  reply: BridgeReply<CallName>;
}
export type EventMessage = { [E in EventName]: { event: E; payload: EventPayloads[E] } }[EventName];
/** What the core asks of its host: the system browser (Electron's shell in the app), extractor processes. */
export type HostRequestMessage =
  | { hostRequestId: number; request: 'openBrowser'; url: string }
  | { hostRequestId: number; request: 'startExtractor'; memoryCapMb: number }
  | { hostRequestId: number; request: 'killExtractor'; extractorId: number }
  | { hostRequestId: number; request: 'notify'; title: string; body: string };
export type CoreToHost = ReadyMessage | ReplyMessage | EventMessage | HostRequestMessage;

export type HostSideEndpoint = MessageEndpoint<CoreToHost, HostToCore>;
export type CoreSideEndpoint = MessageEndpoint<HostToCore, CoreToHost>;

/** What a transport (the harness's WebSocket, Electron IPC) needs of the core: CoreClient has it. */
export interface CoreBackend {
  call(name: unknown, args: unknown): Promise<BridgeReply<CallName>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
}

// Both sides are our own code, but a message is still checked for its shape before it is used:
// a version skew or a bug then shows up as a dropped message, never as a crash of the core.
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function isCallMessage(message: unknown): message is CallMessage {
  return isRecord(message) && typeof message.id === 'number' && 'call' in message;
}
export function isHostReply(message: unknown): message is HostReplyMessage {
  return isRecord(message) && typeof message.hostReplyId === 'number' && typeof message.ok === 'boolean';
}
export function isShutdown(message: unknown): message is ShutdownMessage {
  return isRecord(message) && message.shutdown === true;
}
export function isReady(message: unknown): message is ReadyMessage {
  return isRecord(message) && isRecord(message.ready) && typeof message.ready.pid === 'number';
}
export function isReply(message: unknown): message is ReplyMessage {
  return isRecord(message) && typeof message.id === 'number' && isRecord(message.reply);
}
export function isEvent(message: unknown): message is EventMessage {
  return isRecord(message) && (EVENT_NAMES as readonly unknown[]).includes(message.event);
}
export function isHostRequest(message: unknown): message is HostRequestMessage {
  if (!isRecord(message) || typeof message.hostRequestId !== 'number') return false;
  if (message.request === 'openBrowser') return typeof message.url === 'string';
  if (message.request === 'startExtractor') return typeof message.memoryCapMb === 'number';
  if (message.request === 'notify') return typeof message.title === 'string' && typeof message.body === 'string';
  return message.request === 'killExtractor' && typeof message.extractorId === 'number';
}
