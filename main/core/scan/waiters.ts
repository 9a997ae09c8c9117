/**
 * Promises that wait to be woken: the work slots sleeping until there is work (or a back-off
 * ends), and callers of `--until-idle` waiting for the scan to go idle. One shape for both.
 */
export class Waiters {
  private waiting: Array<() => void> = [];

  /** Resolves when woken, or after `ms` (then every waiter is woken: a shared back-off ended). */
  wait(ms?: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = ms === undefined ? null : setTimeout(() => this.wakeAll(), ms);
      this.waiting.push(() => {
        if (timer) clearTimeout(timer);
        resolve();
      });
    });
  }

  wakeAll(): void {
    const woken = this.waiting;
    this.waiting = [];
    for (const wake of woken) wake();
  }

  /** Wakes the longest waiter only (a finished task frees one slot's worth of work). */
  wakeOne(): void {
    this.waiting.shift()?.();
  }
}
