import { useCallback, useEffect, useState } from 'react';
import type { CheckId, CheckResult, ConnTestProgress, ConnTestResult } from '../../../../common/conntest';
import { useBridge } from '../../state/hooks';
import { describeError, type DescribedError } from '../../errors/describe-error';

export interface LiveRun {
  runId: string;
  startedAt: string;
  /** The checks in the order their progress events arrived. */
  arrived: CheckResult[];
}

export interface ConnTestView {
  /** The last finished test (from the core, kept with its time), or null when never run. */
  last: ConnTestResult | null;
  /** The run in progress, fed by the connectionTestProgress events. */
  live: LiveRun | null;
  /** Arrival position (1-based) of each check in the latest run, from its progress event. */
  arrival: Partial<Record<CheckId, number>>;
  error: DescribedError | null;
}

/**
 * The connection test as the screen sees it: the last result, then each check the moment the
 * core reports it. Events from a run started elsewhere (another window, the guided flow) show
 * here too, because the core streams every run.
 */
export function useConnTest() {
  const bridge = useBridge();
  const [view, setView] = useState<ConnTestView>({ last: null, live: null, arrival: {}, error: null });
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    let gone = false;
    const apply = (progress: ConnTestProgress) =>
      setView((current) => {
        if (progress.type === 'started')
          return {
            ...current,
            live: { runId: progress.runId, startedAt: progress.startedAt, arrived: [] },
            arrival: {},
            error: null,
          };
        if (progress.type === 'check') {
          const live =
            current.live?.runId === progress.runId
              ? current.live
              : { runId: progress.runId, startedAt: new Date().toISOString(), arrived: [] };
          if (live.arrived.some((c) => c.id === progress.check.id)) return current;
          const arrived = [...live.arrived, progress.check];
          return {
            ...current,
            live: { ...live, arrived },
            arrival: { ...current.arrival, [progress.check.id]: arrived.length },
          };
        }
        return { ...current, last: progress.result, live: null };
      });
    const off = bridge.on('connectionTestProgress', apply);
    bridge
      .getLastConnectionTest({})
      .then(({ result, running }) => {
        if (gone) return;
        setView((current) => ({
          ...current,
          last: current.last ?? result,
          live: current.live ?? (running ? { runId: '', startedAt: new Date().toISOString(), arrived: [] } : null),
        }));
        setLoaded(true);
      })
      .catch((reason: unknown) => {
        if (!gone) setView((current) => ({ ...current, error: describeError(reason) }));
        setLoaded(true);
      });
    return () => {
      gone = true;
      off();
    };
  }, [bridge]);

  const run = useCallback(async () => {
    setView((current) => ({ ...current, error: null }));
    try {
      // The progress events fill the screen; the answer is the same result as the last event.
      const result = await bridge.runConnectionTest({});
      setView((current) => ({ ...current, last: result, live: null }));
    } catch (reason) {
      setView((current) => ({ ...current, live: null, error: describeError(reason) }));
    }
  }, [bridge]);

  return { view, loaded, run };
}
