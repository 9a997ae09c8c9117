/**
 * The host side of the core-process protocol (protocol.ts). Calls wait for the core's `ready`
 * (a message posted earlier could be lost while the child is still loading), then each gets its
 * reply by id. When the core process is gone, every pending call and every later one is
 * answered at once with a `core_unavailable` failure, so nothing hangs; the exit is reported
 * through onExit so the host can log it.
 */
import { EventEmitter } from 'node:events';
import type { BridgeReply, EventPayloads } from '../../../common/bridge/contract';
import type { CallName, EventName } from '../../../common/bridge/names';
import { failure } from '../../../common/bridge/validate';
import {
  isEvent,
  isHostRequest,
  isReady,
  isReply,
  type CoreBackend,
  type EndpointGone,
  type HostRequestMessage,
  type HostSideEndpoint,
  type HostToCore,
} from './protocol';

/** What the host does for the core: the system browser (Electron's shell, the harness's stderr). */
export interface HostServices {
  openBrowser(url: string): Promise<void> | void;
  /**
   * Starts a document extractor process (the desktop app: a utilityProcess) and returns the port
   * to it, transferred to the core with the answer. Hosts whose core forks its own (plain Node) leave it out.
   */
  startExtractor?(memoryCapMb: number): { extractorId: number; port: unknown };
  killExtractor?(extractorId: number): void;
  /** An OS notification (the desktop app: only while none of its windows is focused). */
  notify?(title: string, body: string): void;
}

export interface CoreClientOptions {
  host: HostServices;
  /** The core process exited; `expected` is true after shutdown() was asked for. */
  onExit?(gone: EndpointGone & { expected: boolean }): void;
}

export class CoreClient implements CoreBackend {
  private nextId = 1;
  private readonly pending = new Map<number, (reply: BridgeReply<CallName>) => void>();
  private readonly events = new EventEmitter();
  /** Messages held until the core says it is ready; null once they have been sent. */
  private outbox: HostToCore[] | null = [];
  private goneReason: string | null = null;
  private shutdownAsked = false;
  private readonly readyPid: Promise<number>;
  private readonly goneAt: Promise<EndpointGone>;

  constructor(
    private readonly endpoint: HostSideEndpoint,
    private readonly options: CoreClientOptions,
  ) {
    this.events.setMaxListeners(0);
    let onReady: (pid: number) => void = () => undefined;
    let onGone: (gone: EndpointGone) => void = () => undefined;
    this.readyPid = new Promise((resolve) => (onReady = resolve));
    this.goneAt = new Promise((resolve) => (onGone = resolve));
    endpoint.onMessage((message) => {
      if (isReady(message)) {
        onReady(message.ready.pid);
        this.flush();
      } else if (isReply(message)) this.answer(message.id, message.reply);
      else if (isEvent(message)) this.events.emit(message.event, message.payload);
      else if (isHostRequest(message)) void this.serveHost(message);
    });
    endpoint.onGone((gone) => {
      this.markGone(gone);
      onGone(gone);
      options.onExit?.({ ...gone, expected: this.shutdownAsked });
    });
  }

  /** The core process's pid once it serves; rejects if the process dies before that. */
  get ready(): Promise<number> {
    return Promise.race([
      this.readyPid,
      this.goneAt.then(() => Promise.reject(new Error(this.goneReason ?? 'The core process is gone.'))),
    ]);
  }

  /** Settles when the core process is gone, with its exit code or signal. */
  get exited(): Promise<EndpointGone> {
    return this.goneAt;
  }

  call(name: unknown, args: unknown): Promise<BridgeReply<CallName>> {
    if (this.goneReason) return Promise.resolve(failure('core_unavailable', this.goneReason));
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.send({ id, call: name, args });
    });
  }

  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void {
    this.events.on(event, listener);
    return () => this.events.off(event, listener);
  }

  /** Asks the core to dispose itself (scan stopped, SQLite closed) and exit. */
  shutdown(): void {
    this.shutdownAsked = true;
    if (!this.goneReason) this.send({ shutdown: true });
  }

  /**
   * shutdown(), then wait for the process to exit; past the deadline it is killed, so quitting
   * never hangs on a core that stopped answering.
   */
  async stop(kill: () => void, timeoutMs = 10_000): Promise<EndpointGone> {
    this.shutdown();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), timeoutMs)));
    const first = await Promise.race([this.goneAt, deadline]);
    clearTimeout(timer);
    if (first !== 'late') return first;
    kill();
    return this.goneAt;
  }

  private send(message: HostToCore): void {
    if (this.outbox) {
      this.outbox.push(message);
      return;
    }
    try {
      this.endpoint.post(message);
    } catch {
      // The channel closed under us; onGone answers every pending call.
    }
  }

  private flush(): void {
    const held = this.outbox ?? [];
    this.outbox = null;
    held.forEach((message) => this.send(message));
  }

  private answer(id: number, reply: BridgeReply<CallName>): void {
    const resolve = this.pending.get(id);
    this.pending.delete(id);
    resolve?.(reply);
  }

  private markGone(gone: EndpointGone): void {
    const how = gone.signal ? `was stopped by ${gone.signal}` : `exited with code ${gone.code ?? 'unknown'}`;
    this.goneReason = this.shutdownAsked
      ? 'The app’s core has stopped.'
      : `The app’s core process ${how}. Restart the app to continue.`;
    this.outbox = null;
    const unanswered = [...this.pending.keys()];
    unanswered.forEach((id) => this.answer(id, failure('core_unavailable', this.goneReason!)));
  }

  private async serveHost(request: HostRequestMessage): Promise<void> {
    const host = this.options.host;
    try {
      if (request.request === 'openBrowser') await host.openBrowser(request.url);
      else if (request.request === 'killExtractor') host.killExtractor?.(request.extractorId);
      else if (request.request === 'notify') host.notify?.(request.title, request.body);
      else {
        if (!host.startExtractor) throw new Error('this host starts no extractor process');
        const { extractorId, port } = host.startExtractor(request.memoryCapMb);
        // Straight to the endpoint: the port moves with this message (the core is ready: it asked).
        return this.endpoint.post({ hostReplyId: request.hostRequestId, ok: true, extractorId }, [port]);
      }
      this.send({ hostReplyId: request.hostRequestId, ok: true });
    } catch (error) {
      this.send({
        hostReplyId: request.hostRequestId,
        ok: false,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }
}
