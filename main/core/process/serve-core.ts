/**
 * The core side of the core-process protocol (protocol.ts): every call goes through the same
 * dispatch() as every other transport (validation stays in main/core/bridge/dispatch.ts), every
 * event in EVENT_NAMES is forwarded, and what only the host can do is asked of it.
 */
import { EVENT_NAMES } from '../../../common/bridge/names';
import { failure } from '../../../common/bridge/validate';
import { dispatch } from '../bridge/dispatch';
import type { Core } from '../bridge/handlers';
import {
  isCallMessage,
  isHostReply,
  isShutdown,
  type CoreSideEndpoint,
  type CoreToHost,
  type HostReplyMessage,
  type HostRequestMessage,
} from './protocol';
import type { ExtractorHost, StartedExtractor } from '../extract/host-extractor-spawner';

type OkReply = Extract<HostReplyMessage, { ok: true }>;
type Request = HostRequestMessage extends infer R ? (R extends unknown ? Omit<R, 'hostRequestId'> : never) : never;

/** Requests the core makes of its host, each answered by a HostReplyMessage. */
export class HostRequests implements ExtractorHost {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve(reply: OkReply): void; reject(error: Error): void }>();

  constructor(private readonly endpoint: CoreSideEndpoint) {}

  /** The system browser lives with the host: Electron's shell.openExternal in the app. */
  async openBrowser(url: string): Promise<void> {
    await this.ask({ request: 'openBrowser', url });
  }

  /** An OS notification (a new policy match); the host shows it only while no window is focused. */
  notify(title: string, body: string): void {
    void this.ask({ request: 'notify', title, body }).catch(() => undefined);
  }

  /** The desktop app's extractor: only the main process may fork a utilityProcess; it sends back a port. */
  async startExtractor(memoryCapMb: number): Promise<StartedExtractor> {
    const reply = await this.ask({ request: 'startExtractor', memoryCapMb });
    const { extractorId, extractorPort } = reply;
    if (extractorId === undefined || !extractorPort) throw new Error('the host sent no extractor port');
    return {
      port: extractorPort,
      kill: () => void this.ask({ request: 'killExtractor', extractorId }).catch(() => undefined),
    };
  }

  settle(reply: HostReplyMessage): void {
    const waiter = this.waiting.get(reply.hostReplyId);
    if (!waiter) return;
    this.waiting.delete(reply.hostReplyId);
    if (reply.ok) waiter.resolve(reply);
    else waiter.reject(new Error(reply.message));
  }

  private ask(request: Request): Promise<OkReply> {
    const hostRequestId = this.nextId++;
    return new Promise<OkReply>((resolve, reject) => {
      this.waiting.set(hostRequestId, { resolve, reject });
      this.endpoint.post({ ...request, hostRequestId } as HostRequestMessage);
    });
  }
}

export interface ServeCoreOptions {
  hostRequests?: HostRequests;
  /** The host asked the core to stop (or the host is gone): dispose and exit. */
  onShutdown(): void;
}

export function serveCore(core: Core, endpoint: CoreSideEndpoint, options: ServeCoreOptions): void {
  const post = safePoster(endpoint);
  for (const event of EVENT_NAMES) {
    core.events.on(event, (payload) => post({ event, payload } as CoreToHost));
  }
  endpoint.onMessage((message) => {
    if (isCallMessage(message)) {
      void dispatch(core.handlers, message.call, message.args).then((reply) => post({ id: message.id, reply }));
    } else if (isHostReply(message)) {
      options.hostRequests?.settle(message);
    } else if (isShutdown(message)) {
      options.onShutdown();
    }
  });
  endpoint.onGone(() => options.onShutdown());
  post({ ready: { pid: process.pid } });
}

/**
 * A reply that cannot be cloned (a handler returning a function, say) must still answer its
 * call, or the renderer waits forever: it becomes a failure carrying the same id.
 */
function safePoster(endpoint: CoreSideEndpoint): (message: CoreToHost) => void {
  return (message) => {
    try {
      endpoint.post(message);
    } catch (error) {
      // A closed channel means the host is gone: onGone shuts the core down, nothing to answer.
      if (!('reply' in message)) return;
      const why = error instanceof Error ? error.message : String(error);
      try {
        endpoint.post({ id: message.id, reply: failure('internal', `The core could not send its answer: ${why}`) });
      } catch {
        // The channel itself is closed.
      }
    }
  };
}
