import type { ScanPhase } from '../../../../common/scan/types';
import { t } from '../../strings';
import { formatTime } from './format';
import type { PhaseTimes } from './useScanProgress';

const ORDER = ['users', 'backfill', 'discovery', 'inspection'] as const;
type TimelinePhase = (typeof ORDER)[number];

/**
 * Which of the four phases is running. Files are found and inspected at the same time, so
 * "files" stays current until discovery ends; "live" means all four are done.
 */
function positionOf(phase: ScanPhase, lastActive: TimelinePhase | null): number {
  if (phase === 'live') return ORDER.length;
  const index = ORDER.indexOf(phase as TimelinePhase);
  if (index >= 0) return index;
  return lastActive ? ORDER.indexOf(lastActive) : -1;
}

export function PhaseTimeline({ phase, times }: { phase: ScanPhase; times: PhaseTimes }) {
  const s = t.dashboard.phases;
  const lastActive = [...ORDER].reverse().find((name) => times[name]) ?? null;
  const current = positionOf(phase, lastActive);
  return (
    <ol className="phase-timeline" aria-label={s.label} data-testid="phase-timeline">
      {ORDER.map((name, index) => {
        const state = index < current ? 'done' : index === current ? 'current' : 'todo';
        const started = times[name];
        return (
          <li key={name} className={`phase phase-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            <span className="phase-name">{s[name]}</span>
            <span className="phase-time">
              {t.dashboard.phaseState[state]}
              {started ? ` · ${formatTime(started)}` : ''}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
