import { useCallback, useState } from 'react';
import type { ActionRun } from '../../../../common/policy/types';
import { describeError, type DescribedError } from '../../errors/describe-error';
import { useBridge, useRunState } from '../../state/hooks';
import { useStores } from '../../state/StateProvider';

/**
 * One run as it goes: its latest state (the run store's, fed by `actionRunProgress` and by the
 * controls' answers), and the run's controls, each failure a described error.
 */
export function useRun(initial: ActionRun) {
  const bridge = useBridge();
  const { runs } = useStores();
  const { runId } = initial;
  const run = useRunState(runId) ?? initial;
  const [problem, setProblem] = useState<DescribedError | null>(null);
  const [busy, setBusy] = useState(false);

  const control = useCallback(
    async (call: () => Promise<ActionRun>): Promise<ActionRun | null> => {
      setBusy(true);
      setProblem(null);
      try {
        const next = await call();
        runs.record(next);
        return next;
      } catch (error) {
        setProblem(describeError(error));
        return null;
      } finally {
        setBusy(false);
      }
    },
    [runs],
  );
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
