/**
 * The bridge contract served over a WebSocket on 127.0.0.1, so the built renderer can run in a
 * plain Chromium against the real core (tests and development only; never packaged).
 *
 * Trust: the upgrade must carry this run's random token and come from the harness's own
 * origin; anything else is refused before a socket exists. Then every message is relayed to the
 * core process (CoreBackend), where the same dispatch() as for Electron IPC validates it.
 *
 * Wire format: renderer → core `{id, call, args}`; core → renderer `{id, reply}` and
 * `{event, payload}`.
 */
import type { IncomingMessage, Server } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { EVENT_NAMES } from '../../common/bridge/names';
import { failure } from '../../common/bridge/validate';
import type { CoreBackend } from '../core/process/protocol';

export const BRIDGE_PATH = '/bridge';

export interface WsTransportOptions {
  /** The core: in the harness, the CoreClient of its core process. */
  backend: CoreBackend;
  token: string;
  /** The only Origin allowed to connect, e.g. http://127.0.0.1:5123 */
  allowedOrigin: () => string;
  log?: (line: string) => void;
}

export function attachWsTransport(server: Server, options: WsTransportOptions): { close(): void } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const refusal = whyRefuseUpgrade(request, options);
    if (refusal) {
      options.log?.(`bridge: refused a connection: ${refusal}`);
      socket.end(`HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n${refusal}\n`);
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => serve(ws, options.backend));
  });

  return {
    close: () => {
      // Upgraded sockets keep the HTTP server open: end them so shutdown is immediate.
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}

export function whyRefuseUpgrade(
  request: IncomingMessage,
  options: Pick<WsTransportOptions, 'token' | 'allowedOrigin'>,
): string | null {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  if (url.pathname !== BRIDGE_PATH) return 'unknown path';
  if (request.headers.origin !== options.allowedOrigin()) return 'wrong origin';
  const given = Buffer.from(url.searchParams.get('token') ?? '');
  const expected = Buffer.from(options.token);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'wrong or missing token';
  return null;
}

function serve(ws: WebSocket, backend: CoreBackend): void {
  const unsubscribers = EVENT_NAMES.map((event) =>
    backend.on(event, (payload) => ws.send(JSON.stringify({ event, payload }))),
  );
  ws.on('close', () => unsubscribers.forEach((off) => off()));
  ws.on('message', async (data) => {
    let message: { id?: unknown; call?: unknown; args?: unknown };
    try {
      message = JSON.parse(String(data)) as typeof message;
    } catch {
      ws.send(JSON.stringify({ id: null, reply: failure('invalid_argument', 'The message is not JSON.') }));
      return;
    }
    const reply = await backend.call(message.call, message.args);
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id: message.id ?? null, reply }));
  });
}
