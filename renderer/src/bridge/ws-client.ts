/**
 * The bridge over the harness's WebSocket: the same BoxCompanionApi the preload gives in the
 * desktop app, so the React app cannot tell which one it runs against.
 */
import type { BoxCompanionApi, BridgeReply, EventPayloads } from '../../../common/bridge/contract';
import { BridgeError } from '../../../common/bridge/errors';
import { CALL_NAMES, type CallName, type EventName } from '../../../common/bridge/names';

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

export function connectWsBridge(url: string): BoxCompanionApi {
  const socket = new WebSocket(url);
  const opened = new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve(), { once: true });
    socket.addEventListener(
      'error',
      () =>
        reject(
          new BridgeError({
            code: 'core_unavailable',
            message: 'Could not connect to the app core.',
            nextStep: 'retry',
          }),
        ),
      { once: true },
    );
  });
  const pending = new Map<number, Pending>();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let nextId = 1;

  socket.addEventListener('message', (message) => {
    const data = JSON.parse(String(message.data)) as {
      id?: number;
      reply?: BridgeReply<CallName>;
      event?: EventName;
      payload?: unknown;
    };
    if (data.event) {
      listeners.get(data.event)?.forEach((listener) => listener(data.payload));
      return;
    }
    const waiter = data.id == null ? undefined : pending.get(data.id);
    if (!waiter || !data.reply) return;
    pending.delete(data.id!);
    if (data.reply.ok) waiter.resolve(data.reply.value);
    else waiter.reject(new BridgeError(data.reply.error));
  });
  socket.addEventListener('close', () => {
    pending.forEach((waiter) =>
      waiter.reject(
        new BridgeError({
          code: 'core_unavailable',
          message: 'The connection to the app core closed.',
          nextStep: 'retry',
        }),
      ),
    );
    pending.clear();
  });

  const call = async (name: CallName, args: unknown) => {
    await opened;
    const id = nextId++;
    return new Promise<unknown>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      socket.send(JSON.stringify({ id, call: name, args }));
    });
  };

  const bridge = Object.fromEntries(
    CALL_NAMES.map((name) => [name, (args: unknown) => call(name, args)]),
  ) as unknown as BoxCompanionApi;
  bridge.on = <E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void) => {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    set.add(listener as (payload: unknown) => void);
    return () => set.delete(listener as (payload: unknown) => void);
  };
  return bridge;
}
