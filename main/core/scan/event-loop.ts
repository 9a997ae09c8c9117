/** The core process's event-loop delay while a scan runs (how long a bridge call may wait). */
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

export class EventLoopDelay {
  private readonly h: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });

  start(): void {
    this.h.enable();
  }

  stop(): void {
    this.h.disable();
  }

  /** The 99th percentile in ms, one decimal (0 before any sample). */
  p99Ms(): number {
    const ns = this.h.count > 0 ? this.h.percentile(99) : 0;
    return Math.round(ns / 1e5) / 10;
  }
}

/**
 * Lets the loop serve I/O (a bridge call, a finished request) before going on: work that
 * needs no request resolves in microtasks, and a chain of those would hold the thread.
 */
export function yieldToIo(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
