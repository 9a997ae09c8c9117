/**
 * How long stored events are kept: the activity log's retention (the setting, default 90 days),
 * pruned at most hourly, and never the backfill window (a `--days 365` backfill beyond the
 * retention would otherwise be read and then deleted).
 */
import { DEFAULT_SETTINGS } from '../../../common/settings';
import type { ScanStore } from './store/scan-store';

const PRUNE_EVERY_MS = 3600_000;

export class EventRetention {
  private lastPrune = 0;

  constructor(
    private readonly store: ScanStore,
    private days: number | undefined,
  ) {}

  /** A new retention applies at the next prune, which comes at once. */
  setDays(days: number): void {
    this.days = days;
    this.lastPrune = 0;
  }

  maybePrune(window: { from: string } | null): void {
    const now = Date.now();
    if (now - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = now;
    const windowDays = window ? Math.ceil((now - Date.parse(window.from)) / 86_400_000) : 0;
    this.store.pruneEvents(now, Math.max(this.days ?? DEFAULT_SETTINGS.activityRetentionDays, windowDays));
  }
}
