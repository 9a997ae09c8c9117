/**
 * The live poller: follows admin_logs_streaming every `everyMs` while the scan runs. It is
 * one timer per engine run (starting it again replaces it), it stops while the scan waits for
 * a sign-in, and it backs off on errors (growing, capped) instead of asking every second.
 */
import { classifyFailure, errorMessage, type FailureKind } from './failures';
import { pollLive } from './phases/live';
import type { BoxApi } from './box-api';
import type { ScanStore } from './store/scan-store';

export type LivePoll = Awaited<ReturnType<typeof pollLive>>;

export interface LiveLoopDeps {
  api: BoxApi;
  store: ScanStore;
  everyMs: number;
  onPoll(r: LivePoll): void;
  /** A failed poll; `kind` says whether it was the sign-in (the loop then stops until restarted). */
  onError(kind: FailureKind, message: string): void;
}

const MAX_BACKOFF_MS = 30_000;

export class LiveLoop {
  private timer: NodeJS.Timeout | null = null;
  private generation = 0;
  private errors = 0;

  constructor(private readonly d: LiveLoopDeps) {}

  get running(): boolean {
    return this.timer !== null;
  }

  start(): void {
    this.stop();
    const gen = ++this.generation;
    this.errors = 0;
    this.timer = setTimeout(() => void this.tick(gen), 0);
  }

  stop(): void {
    this.generation++;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async tick(gen: number): Promise<void> {
    let again = this.d.everyMs;
    try {
      const r = await pollLive(this.d.api, this.d.store);
      if (gen !== this.generation) return;
      this.errors = 0;
      this.d.onPoll(r);
      if (r.full) again = 0;
    } catch (e) {
      if (gen !== this.generation) return;
      const kind = classifyFailure(e);
      this.d.onError(kind, errorMessage(e));
      if (kind === 'reconnect') {
        this.timer = null;
        return; // restarted once the sign-in is back
      }
      this.errors++;
      again = Math.min(MAX_BACKOFF_MS, this.d.everyMs * 2 ** Math.min(this.errors, 10));
    }
    if (gen === this.generation) this.timer = setTimeout(() => void this.tick(gen), again);
  }
}
