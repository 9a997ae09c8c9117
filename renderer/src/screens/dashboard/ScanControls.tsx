import { useState } from 'react';
import type { ScanProgress } from '../../../../common/scan/types';
import { useBridge } from '../../state/hooks';
import { describeError, type DescribedError } from '../../errors/describe-error';
import { t } from '../../strings';

/** A control that failed: which one, and why (describeError). */
export interface ControlProblem {
  what: string;
  error: DescribedError;
}

/** Pause / Resume, Stop, Rescan all; each shows its own failure instead of throwing. */
export function ScanControls({
  progress,
  onProblem,
}: {
  progress: ScanProgress;
  onProblem(problem: ControlProblem | null): void;
}) {
  const bridge = useBridge();
  const [busy, setBusy] = useState(false);
  const s = t.dashboard;
  const run = async (label: string, action: () => Promise<unknown>) => {
    setBusy(true);
    onProblem(null);
    try {
      await action();
    } catch (error) {
      onProblem({ what: t.errors.actionFailed(label), error: describeError(error) });
    } finally {
      setBusy(false);
    }
  };
  const paused = progress.phase === 'paused';
  // Waiting for a sign-in is a running scan too: it can be stopped.
  const active = progress.running || paused || progress.phase === 'reconnect';
  return (
    <div className="scan-controls" role="group" aria-label={s.controls}>
      {paused ? (
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => void run(s.resume, () => bridge.resumeScan({}))}
        >
          {s.resume}
        </button>
      ) : (
        <button
          type="button"
          disabled={busy || !progress.running}
          onClick={() => void run(s.pause, () => bridge.pauseScan({}))}
        >
          {s.pause}
        </button>
      )}
      <button
        type="button"
        disabled={busy || !active}
        onClick={() => {
          if (window.confirm(s.confirmStop)) void run(s.stop, () => bridge.stopScan({}));
        }}
      >
        {s.stop}
      </button>
      <button
        type="button"
        disabled={busy || progress.phase === 'idle'}
        onClick={() => void run(s.rescanAll, () => bridge.rescanAll({}))}
      >
        {s.rescanAll}
      </button>
    </div>
  );
}
