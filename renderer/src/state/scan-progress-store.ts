import type { BoxCompanionApi } from '../../../common/bridge/contract';
import type { ScanPhase, ScanProgress } from '../../../common/scan/types';
import { BaseStore } from './base-store';

/** One sample for the rate chart. */
export interface RateSample {
  /** Seconds since the epoch (uPlot's time axis). */
  time: number;
  requestsPerSecond: number;
  filesPerSecond: number;
}

/** When each phase began: the engine's own times, plus when the first file's content was scanned. */
export type PhaseTimes = Partial<Record<ScanPhase | 'contentStarted', string>>;

export interface ScanView {
  progress: ScanProgress;
  /** Requests/s and files/s over the last minute of the running scan. */
  samples: RateSample[];
  phaseTimes: PhaseTimes;
}

const MAX_SAMPLES = 600; // one minute at ten a second
const MIN_APPLY_MS = 100; // never re-render more than ten times a second, whatever arrives

/**
 * The scan's live progress. The engine sends at most ten snapshots a second; this applies at
 * most ten a second too (the latest wins), so a burst never floods React with renders.
 */
export class ScanProgressStore extends BaseStore<ScanView> {
  private pending: ScanProgress | null = null;
  private lastApplied = 0;
  private timer: number | null = null;

  constructor(private readonly bridge: BoxCompanionApi) {
    super();
  }

  start(): () => void {
    const stopFollowing = this.listenThenRead(
      () => this.bridge.on('scanProgress', (next) => this.receive(next)),
      () => this.bridge.getScanStatus({}),
      // A snapshot the event already brought is newer than the first read's answer.
      (current) => !this.pending && this.receive(current),
    );
    return () => {
      stopFollowing();
      if (this.timer !== null) window.clearTimeout(this.timer);
      this.timer = null;
      this.pending = null;
    };
  }

  private receive(next: ScanProgress): void {
    this.pending = next;
    if (this.timer !== null) return;
    const wait = Math.max(0, this.lastApplied + MIN_APPLY_MS - performance.now());
    this.timer = window.setTimeout(() => this.apply(), wait);
  }

  private apply(): void {
    this.timer = null;
    const next = this.pending;
    this.pending = null;
    if (!next) return;
    this.lastApplied = performance.now();
    const before = this.getSnapshot().value;
    this.emit({
      progress: next,
      samples: next.running ? withSample(before?.samples ?? [], next) : (before?.samples ?? []),
      phaseTimes: nextPhaseTimes(before?.phaseTimes ?? {}, next),
    });
  }
}

function withSample(list: RateSample[], next: ScanProgress): RateSample[] {
  const sample = {
    time: Date.parse(next.at) / 1000,
    requestsPerSecond: next.requests.perSecond,
    filesPerSecond: next.filesPerSecond,
  };
  const kept = list.length >= MAX_SAMPLES ? list.slice(list.length - MAX_SAMPLES + 1) : list;
  return [...kept, sample];
}

/** The same object while nothing changed, so the phase timeline does not re-render for nothing. */
function nextPhaseTimes(times: PhaseTimes, next: ScanProgress): PhaseTimes {
  // The engine's times are this run's; a new run (another start time for 'users') starts afresh.
  const sameRun = times.users === next.phaseStarted.users;
  const contentStarted =
    (sameRun ? times.contentStarted : undefined) ?? (next.files.scanned + next.files.failed > 0 ? next.at : undefined);
  const engineTimes = Object.entries(next.phaseStarted) as Array<[ScanPhase, string]>;
  if (sameRun && contentStarted === times.contentStarted && engineTimes.every(([phase, at]) => times[phase] === at))
    return times;
  return { ...next.phaseStarted, ...(contentStarted ? { contentStarted } : {}) };
}
