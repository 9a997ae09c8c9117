/**
 * The harness's bridge as a plain client (what the renderer's ws-client does): calls, their
 * reply envelopes and the core's events; and the round-trip time of a trivial call through it:
 * renderer → harness → core process → back. The bench measures the same during a
 * 1,000,000-file scan.
 */
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';

export type BridgeReplyEnvelope = { ok: boolean; value?: unknown; error?: { code: string; message: string } };

export interface BridgeConnection {
  call(name: string, args?: unknown): Promise<BridgeReplyEnvelope>;
  /** Subscribes to one event of the core (scanProgress, connectionChanged, …); returns the unsubscribe. */
  on<T>(event: string, listener: (payload: T) => void): () => void;
  close(): void;
}

/** Connects to a harness from the URL it printed (`http://127.0.0.1:PORT/#bridge-token=…`). */
export async function openBridge(harnessUrl: string): Promise<BridgeConnection> {
  const page = new URL(harnessUrl);
  const token = new URLSearchParams(page.hash.slice(1)).get('bridge-token') ?? '';
  const socket = new WebSocket(`ws://${page.host}/bridge?token=${encodeURIComponent(token)}`, {
    headers: { Origin: page.origin },
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let nextId = 1;
  const waiting = new Map<number, (reply: BridgeReplyEnvelope) => void>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as {
      id?: number;
      reply?: BridgeReplyEnvelope;
      event?: string;
      payload?: unknown;
    };
    if (message.event) for (const listener of listeners.get(message.event) ?? []) listener(message.payload);
    if (typeof message.id !== 'number' || !message.reply) return;
    waiting.get(message.id)?.(message.reply);
    waiting.delete(message.id);
  });
  return {
    call: (name, args = {}) =>
      new Promise((resolve) => {
        const id = nextId++;
        waiting.set(id, resolve);
        socket.send(JSON.stringify({ id, call: name, args }));
      }),
    on<T>(event: string, listener: (payload: T) => void) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (payload: unknown) => void);
      return () => set.delete(listener as (payload: unknown) => void);
    },
    close: () => socket.close(),
  };
}

export interface LatencyFigures {
  calls: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** `calls` getAppInfo round trips one after another, `intervalMs` apart; every one must succeed. */
export async function measureBridgeLatency(
  harnessUrl: string,
  options: { calls?: number; intervalMs?: number } = {},
): Promise<LatencyFigures> {
  const { calls = 200, intervalMs = 0 } = options;
  const bridge = await openBridge(harnessUrl);
  const times: number[] = [];
  try {
    for (let index = 0; index < calls; index++) {
      const started = performance.now();
      const reply = await bridge.call('getAppInfo');
      times.push(performance.now() - started);
      if (!reply.ok) throw new Error(`getAppInfo failed: ${reply.error?.code}: ${reply.error?.message}`);
      if (intervalMs > 0) await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  } finally {
    bridge.close();
  }
  const sorted = [...times].sort((a, b) => a - b);
  const at = (fraction: number) => sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? 0;
  return { calls, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: sorted[sorted.length - 1] ?? 0 };
}
