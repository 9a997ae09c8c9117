import { useEffect, useRef, useState } from 'react';
import type { BoxCompanionApi } from '../../../../common/bridge/contract';
import type { ScanPhase, ScanProgress } from '../../../../common/scan/types';

/** One sample for the rate chart. */
export interface RateSample {
  /** Seconds since the epoch (uPlot's time axis). */
  time: number;
  requestsPerSecond: number;
  filesPerSecond: number;
}

/** When each phase began: the engine's own times, plus when the first file's content was scanned. */
export type PhaseTimes = Partial<Record<ScanPhase | 'contentStarted', string>>;

const MAX_SAMPLES = 600; // one minute at ten a second
const MIN_APPLY_MS = 100; // never re-render more than ten times a second, whatever arrives

/**
 * The scan's live progress. The engine sends at most ten snapshots a second; this applies at
 * most ten a second too (the latest wins), so a burst never floods React with renders.
 */
export function useScanProgress(api: BoxCompanionApi) {
  const [progress, setProgress] = useState<ScanProgress | null>(null);
  const [samples, setSamples] = useState<RateSample[]>([]);
  const [phaseTimes, setPhaseTimes] = useState<PhaseTimes>({});
  const [error, setError] = useState<string | null>(null);
  const pending = useRef<ScanProgress | null>(null);
  const lastApplied = useRef(0);
  const timer = useRef<number | null>(null);

  useEffect(() => {
    let live = true;
    const apply = () => {
      timer.current = null;
      const next = pending.current;
      pending.current = null;
      if (!next || !live) return;
      lastApplied.current = performance.now();
      setProgress(next);
      setPhaseTimes((times) => {
        // The engine's times are this run's; a new run (another start time for 'users') starts afresh.
        const sameRun = times.users === next.phaseStarted.users;
        const contentStarted = (sameRun ? times.contentStarted : undefined) ?? (next.files.scanned + next.files.failed > 0 ? next.at : undefined);
        const engineTimes = Object.entries(next.phaseStarted) as Array<[ScanPhase, string]>;
        if (sameRun && contentStarted === times.contentStarted && engineTimes.every(([phase, at]) => times[phase] === at)) return times;
        return { ...next.phaseStarted, ...(contentStarted ? { contentStarted } : {}) };
      });
      if (next.running) {
        setSamples((list) => {
          const sample = { time: Date.parse(next.at) / 1000, requestsPerSecond: next.requests.perSecond, filesPerSecond: next.filesPerSecond };
          const kept = list.length >= MAX_SAMPLES ? list.slice(list.length - MAX_SAMPLES + 1) : list;
          return [...kept, sample];
        });
      }
    };
    const receive = (next: ScanProgress) => {
      pending.current = next;
      if (timer.current !== null) return;
      const wait = Math.max(0, lastApplied.current + MIN_APPLY_MS - performance.now());
      timer.current = window.setTimeout(apply, wait);
    };
    const off = api.on('scanProgress', receive);
    api
      .getScanStatus({})
      .then((current) => {
        if (!pending.current) receive(current);
      })
      .catch((reason: unknown) => setError(reason instanceof Error ? reason.message : String(reason)));
    return () => {
      live = false;
      off();
      if (timer.current !== null) window.clearTimeout(timer.current);
    };
  }, [api]);

  return { progress, samples, phaseTimes, error };
}
