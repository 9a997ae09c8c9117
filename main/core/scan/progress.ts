/**
 * Progress snapshots, throttled: however fast the scan runs, listeners get at most one
 * snapshot per `minIntervalMs` (100 ms = 10 a second), and always the latest state.
 */
import type { ScanProgress } from '../../../common/scan/types';

export class ProgressThrottle {
  private last = 0;
  private timer: NodeJS.Timeout | null = null;
  private readonly listeners = new Set<(p: ScanProgress) => void>();
  emitted = 0;

  constructor(
    private readonly snapshot: () => ScanProgress,
    private readonly minIntervalMs = 100,
  ) {}

  on(listener: (p: ScanProgress) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Something changed: emit now if allowed, else once the interval has passed. */
  changed(): void {
    if (this.timer) return;
    const wait = this.last + this.minIntervalMs - Date.now();
    if (wait <= 0) return this.emit();
    this.timer = setTimeout(() => {
      this.timer = null;
      this.emit();
    }, wait);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.emit();
  }

  private emit(): void {
    this.last = Date.now();
    if (this.listeners.size === 0) return;
    const p = this.snapshot();
    this.emitted++;
    for (const l of this.listeners) l(p);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.listeners.clear();
  }
}

/** Events in a sliding window, for rates (one entry per add, not per event). */
export class RateWindow {
  private readonly stamps: Array<[number, number]> = [];
  private sum = 0;
  constructor(private readonly windowMs = 10_000) {}
  add(n = 1, now = Date.now()): void {
    if (n <= 0) return;
    this.stamps.push([now, n]);
    this.sum += n;
  }
  perSecond(now = Date.now()): number {
    while (this.stamps.length && (this.stamps[0]?.[0] ?? 0) < now - this.windowMs)
      this.sum -= this.stamps.shift()?.[1] ?? 0;
    return this.sum / (this.windowMs / 1000);
  }
}
