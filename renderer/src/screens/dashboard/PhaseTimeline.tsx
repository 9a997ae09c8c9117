import type { ScanPhase, ScanProgress } from '../../../../common/scan/types';
import { t } from '../../strings';
import { formatTime } from './format';
import type { PhaseTimes } from '../../state/scan-progress-store';

const ORDER = ['users', 'backfill', 'discovery', 'inspection'] as const;
type TimelinePhase = (typeof ORDER)[number];
type State = 'done' | 'current' | 'todo';

/** The engine's phase when the scan is paused or stopped is the last one it was in. */
function effectivePhase(phase: ScanPhase, times: PhaseTimes): ScanPhase {
  if (ORDER.includes(phase as TimelinePhase) || phase === 'live' || phase === 'idle') return phase;
  return [...ORDER].reverse().find((name) => times[name]) ?? 'idle';
}

/**
 * Users → activity → files → content. Files are found and inspected at the same time, so while
 * files are still being found, "content" is also current as soon as the first file is scanned.
 */
function statesOf(progress: ScanProgress, times: PhaseTimes): Record<TimelinePhase, State> {
  const phase = effectivePhase(progress.phase, times);
  if (phase === 'live') return { users: 'done', backfill: 'done', discovery: 'done', inspection: 'done' };
  const index = ORDER.indexOf(phase as TimelinePhase);
  const state = (i: number): State => (index > i ? 'done' : index === i ? 'current' : 'todo');
  const contentStarted = progress.files.scanned + progress.files.failed > 0;
  return {
    users: state(0),
    backfill: progress.backfill.done && index > 1 ? 'done' : state(1),
    discovery: state(2),
    inspection: index === 3 ? 'current' : contentStarted && index >= 1 ? 'current' : state(3),
  };
}

export function PhaseTimeline({ progress, times }: { progress: ScanProgress; times: PhaseTimes }) {
  const s = t.dashboard.phases;
  const states = statesOf(progress, times);
  return (
    <ol className="phase-timeline" aria-label={s.label} data-testid="phase-timeline">
      {ORDER.map((name) => {
        const state = states[name];
        const started = times[name] ?? (name === 'inspection' ? times.contentStarted : undefined);
        return (
          <li key={name} className={`phase phase-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            <span className="phase-name">{s[name]}</span>
            <span className="phase-time">
              {t.dashboard.phaseState[state]}
              {started ? ` · ${t.dashboard.phaseStarted(formatTime(started))}` : ''}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
