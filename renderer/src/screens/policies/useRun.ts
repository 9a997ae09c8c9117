import { useCallback, useEffect, useState } from 'react';
import type { ActionRun } from '../../../../common/policy/types';
import { describeError, type DescribedError } from '../../errors/describe-error';
import { useBridge } from '../../state/hooks';

/**
 * One run as it goes: its latest state from `actionRunProgress` (or from a control's answer,
 * whichever is newer), and the run's controls, each failure a described error.
 */
export function useRun(initial: ActionRun) {
  const bridge = useBridge();
  const [run, setRun] = useState(initial);
  const [problem, setProblem] = useState<DescribedError | null>(null);
  const [busy, setBusy] = useState(false);
  const { runId } = initial;

  useEffect(() => {
    return bridge.on('actionRunProgress', (next) => {
      if (next.runId === runId) setRun(next);
    });
    // A new run id is a new run; a new object for the same run is only a newer snapshot.
  }, [bridge, runId]);

  const control = useCallback(async (call: () => Promise<ActionRun>): Promise<ActionRun | null> => {
    setBusy(true);
    setProblem(null);
    try {
      const next = await call();
      setRun(next);
      return next;
    } catch (error) {
      setProblem(describeError(error));
      return null;
    } finally {
      setBusy(false);
    }
  }, []);
  return {
    run,
    busy,
    problem,
    apply: (confirmCount?: number) => control(() => bridge.applyRun({ runId, confirmCount })),
    pause: () => control(() => bridge.pauseRun({ runId })),
    resume: () => control(() => bridge.resumeRun({ runId })),
    cancel: () => control(() => bridge.cancelRun({ runId })),
  };
}

export type RunControls = ReturnType<typeof useRun>;
