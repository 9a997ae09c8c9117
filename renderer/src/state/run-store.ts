import type { BoxCompanionApi } from '../../../common/bridge/contract';
import type { ActionRun } from '../../../common/policy/types';
import { BaseStore } from './base-store';

export interface RunsView {
  /** The latest state of each run that reported progress since the app started, by run id. */
  runs: ReadonlyMap<string, ActionRun>;
  /** Counts the progress reports: a screen listing runs (the audit log) reads again when it moves. */
  reports: number;
}

/** Runs kept at most: the oldest is forgotten first (a screen following one asks the core anyway). */
const MAX_RUNS = 50;

/**
 * Governance runs as they are applied: every `actionRunProgress` (an apply, an undo, an
 * automatic action), the latest state of each run kept. Screens follow one run through it.
 */
export class RunStore extends BaseStore<RunsView> {
  constructor(private readonly bridge: BoxCompanionApi) {
    super();
  }

  start(): () => void {
    return this.bridge.on('actionRunProgress', (run) => this.record(run));
  }

  /**
   * A control's answer (apply, pause…) is a run's state too; it may arrive after progress the
   * core reported later, so an answer that knows less than the stored state is dropped.
   */
  record(run: ActionRun): void {
    const current = this.getSnapshot().value ?? { runs: new Map<string, ActionRun>(), reports: 0 };
    const known = current.runs.get(run.runId);
    if (known && isOlder(run, known)) return;
    const runs = new Map(current.runs);
    runs.delete(run.runId); // re-inserted last: the Map's order is the age
    runs.set(run.runId, run);
    while (runs.size > MAX_RUNS) runs.delete(runs.keys().next().value!);
    this.emit({ runs, reports: current.reports + 1 });
  }
}

const FINISHED = new Set<ActionRun['state']>(['done', 'cancelled']);

function processed(run: ActionRun): number {
  const { applied, skipped, failed, undone } = run.counts;
  return applied + skipped + failed + undone;
}

/** `next` knows less than `known`: fewer files processed, or a state after the run had finished. */
function isOlder(next: ActionRun, known: ActionRun): boolean {
  if (processed(next) < processed(known)) return true;
  return FINISHED.has(known.state) && !FINISHED.has(next.state);
}
