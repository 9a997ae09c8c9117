/**
 * The governance runner: dry run (plan), apply, pause / resume / cancel, undo and automatic
 * actions, over the audit store. Safe by construction:
 * - a run starts as a preview (`planAction`): one planned entry per matching file with the
 *   change in words, and no Box call at all;
 * - applying above CONFIRM_ABOVE files needs the planned count typed back (`confirmCount`);
 * - every file is read again before its change (apply-entry.ts), and every outcome is logged;
 * - pause and cancel take effect at once: no new change starts, and the scheduler's waits end
 *   through the run's stop signal; once the run's work has stopped, each change caught mid-way
 *   is settled by reading the file (apply-entry.ts `settleEntry`), never redone;
 * - an undo is refused while another undo of the same changes is not finished, and skips a file
 *   changed since the action (apply-entry.ts).
 * One run applies at a time (the runs queue up), so the box's one stop signal is the run's; the
 * scheduler it shares with the scan takes it per call, so a paused apply leaves the scan's waits alone.
 * A runner built for a new sign-in takes over the line of the one before (`RunLine`): its runs
 * queue after the earlier account's, and pause and cancel reach those too.
 */
import { CodedError } from '../../../common/errors/error-codes';
import {
  UNDO_OF,
  type ActionName,
  type ActionRun,
  type ActionSpec,
  type AuditEntry,
  type Policy,
} from '../../../common/policy/types';
import type { GovernanceAction, GovernanceBox } from './action';
import { actionForPolicy } from './actions';
import { applyEntry, settleEntry, undoEntry, type EntryContext, type EntryOutcome } from './apply-entry';
import type { AuditStore, NewEntry } from './audit-store';
import { estimatedState } from './facts';
import type { PolicySource } from './policy-source';

/** Above this many files, applying needs the count typed back. */
export const CONFIRM_ABOVE = 100;
const PROGRESS_EVERY_MS = 100; // ≤ 10 events a second

export interface RunnerOptions {
  audit: AuditStore;
  policies: PolicySource;
  box: GovernanceBox;
  actionFor(name: ActionName): GovernanceAction;
  /** Who applies: the signed-in admin's login. */
  by: string;
  /** Files changed at once (default 4). */
  concurrency?: number;
  onProgress?(run: ActionRun): void;
  /** Each file's outcome as it is logged (the CLI prints it at once). */
  onEntry?(entry: AuditEntry): void;
  /** The queue and the live runs' controls of the runner this one replaces (a new sign-in). */
  line?: RunLine;
}

/** The runs of one home, one at a time, and how to stop each: shared by the runners of successive sign-ins. */
export interface RunLine {
  queue: Promise<unknown>;
  readonly controls: Map<string, Control>;
}

export interface Started {
  run: ActionRun;
  /** Settles with the run as it ended (done, paused, cancelled). */
  done: Promise<ActionRun>;
}

type Step = (c: EntryContext, e: AuditEntry) => Promise<EntryOutcome>;
interface Control {
  stop: AbortController;
  mode: 'pause' | 'cancel' | null;
}

const NEVER = new AbortController().signal;

export class GovernanceRunner {
  readonly line: RunLine;
  private readonly controls: Map<string, Control>;

  readonly audit: AuditStore;

  constructor(private readonly o: RunnerOptions) {
    this.audit = o.audit;
    this.line = o.line ?? { queue: Promise.resolve(), controls: new Map() };
    this.controls = this.line.controls;
  }

  /** The paused or interrupted run of this policy and action (default: the policy's), newest first. */
  resumable(policyId: string, spec?: ActionSpec): ActionRun | undefined {
    const action = this.actionOf(this.policy(policyId), spec);
    return action ? this.o.audit.interruptedRuns(policyId, action)[0] : undefined;
  }

  /** The spec a run of this policy takes: the one named (default the policy's), scoped by its filter. */
  private actionOf(policy: Policy, spec: ActionSpec | undefined): ActionSpec | undefined {
    const action = spec ?? policy.action;
    return action && actionForPolicy(policy, action);
  }

  private policy(id: string): Policy {
    const policy = this.o.policies.policy(id);
    if (!policy)
      throw new CodedError('invalid_argument', `No policy with id ${id}: see \`box-companion policy list\`.`);
    return policy;
  }

  run(runId: string): ActionRun {
    const run = this.o.audit.run(runId);
    if (!run)
      throw new CodedError('invalid_argument', `No action run with id ${runId}: see \`box-companion actions\`.`);
    return run;
  }

  /** The dry run: one planned entry per matching file, the change in words; nothing changes in Box. */
  plan(policyId: string, spec?: ActionSpec, o: { fileIds?: string[]; automatic?: boolean } = {}): ActionRun {
    const policy = this.policy(policyId);
    const action = this.actionOf(policy, spec);
    if (!action)
      throw new CodedError('invalid_argument', `Policy ${policyId} proposes no action: name one (--action NAME).`);
    const impl = this.o.actionFor(action.name);
    const facts = o.fileIds
      ? o.fileIds.flatMap((id) => {
          const f = this.o.policies.facts(id);
          return f && this.o.policies.matchesFilter(policy.filter, f) ? [f] : [];
        })
      : this.o.policies.matches(policy);
    const entries: NewEntry[] = [];
    for (const f of facts)
      entries.push({
        fileId: f.fileId,
        name: f.name,
        path: f.path,
        ownerLogin: f.ownerLogin,
        change: impl.describe(action, estimatedState(f)),
      });
    const runId = this.o.audit.createRun(
      { policyId, policyName: policy.name, action, by: this.o.by, automatic: o.automatic },
      entries,
    );
    return this.run(runId);
  }

  /** Starts (or resumes) applying a run. Above CONFIRM_ABOVE files a preview needs `confirmCount`. */
  apply(runId: string, confirmCount?: number): Started {
    const run = this.run(runId);
    const resumable = ['paused', 'interrupted'];
    if (run.undoOf && resumable.includes(run.state)) return this.start(run, undoStep(this.o.audit));
    if (run.undoOf || ![...resumable, 'preview'].includes(run.state))
      throw new CodedError(
        'invalid_argument',
        `Run ${runId} is ${run.state}: only a preview, paused or interrupted run applies.`,
      );
    const planned = run.counts.planned;
    if (run.state === 'preview' && !run.automatic && planned > CONFIRM_ABOVE && confirmCount !== planned)
      throw new CodedError(
        'invalid_argument',
        `This run changes ${planned} files: confirm by giving the count ${planned} (--confirm ${planned}).`,
      );
    return this.start(run, applyEntry);
  }

  pause(runId: string): ActionRun {
    return this.halt(runId, 'pause');
  }

  cancel(runId: string): ActionRun {
    return this.halt(runId, 'cancel');
  }

  resume(runId: string): Started {
    const run = this.run(runId);
    if (run.state !== 'paused' && run.state !== 'interrupted')
      throw new CodedError('invalid_argument', `Run ${runId} is ${run.state}, not paused or interrupted.`);
    return this.apply(runId);
  }

  /** Stops a run at once: no new change starts, waits end now. The run's state says so at once. */
  private halt(runId: string, mode: 'pause' | 'cancel'): ActionRun {
    const run = this.run(runId);
    const control = this.controls.get(runId);
    if (control) {
      control.mode = mode;
      control.stop.abort();
    }
    const live = control || run.state === 'applying' || run.state === 'paused' || run.state === 'interrupted';
    if (live || (mode === 'cancel' && run.state === 'preview'))
      this.o.audit.setRunState(runId, mode === 'pause' ? 'paused' : 'cancelled');
    return this.run(runId);
  }

  /** Undoes every applied, undoable change of a run, as a new run (`undoOf`). */
  undoRun(runId: string): Started {
    const original = this.run(runId);
    const entries = this.o.audit.entriesIn(runId, ['applied']).filter((e) => e.undoable);
    return this.startUndo(original, entries);
  }

  undoAction(actionId: string): Started {
    const entry = this.o.audit.entry(actionId);
    if (!entry)
      throw new CodedError('invalid_argument', `No logged action with id ${actionId}: see \`box-companion actions\`.`);
    if (entry.state !== 'applied' || !entry.undoable)
      throw new CodedError(
        'invalid_argument',
        `Action ${actionId} cannot be undone: it is ${entry.undoneBy ? 'already undone' : entry.state}.`,
      );
    return this.startUndo(this.run(entry.runId), [entry], { actionId });
  }

  /** Refuses an undo of changes another undo has not finished with (two would undo each twice). */
  private refuseSecondUndo(of: { runId: string } | { actionId: string }): void {
    const pending = this.o.audit.pendingUndo(of);
    if (!pending) return;
    const what = 'runId' in of ? `Run ${of.runId}` : `Action ${of.actionId}`;
    throw new CodedError(
      'invalid_argument',
      `${what} is already being undone by run ${pending.runId} (${pending.state}): resume or cancel that run instead of starting another undo.`,
    );
  }

  private startUndo(original: ActionRun, entries: AuditEntry[], of?: { actionId: string }): Started {
    this.refuseSecondUndo(of ?? { runId: original.runId });
    if (entries.length === 0)
      throw new CodedError('invalid_argument', `Run ${original.runId} has no change left to undo.`);
    const words = UNDO_OF[original.action.name] ?? 'undo';
    const runId = this.o.audit.createRun(
      {
        policyId: original.policyId,
        policyName: original.policyName,
        action: original.action,
        by: this.o.by,
        undoOf: original.runId,
      },
      entries.map((e) => ({
        fileId: e.fileId,
        name: e.fileName,
        path: e.after?.parentPath ?? '',
        ownerLogin: '',
        change: `Undo: ${words}`,
        undoes: e.actionId,
      })),
      'preview',
      // Checked again inside the transaction: an undo another process starts meanwhile is seen.
      () => this.refuseSecondUndo(of ?? { runId: original.runId }),
    );
    return this.start(this.run(runId), undoStep(this.o.audit));
  }

  /** Automatic actions for new matches, each capped per policy and action per rolling hour. */
  async onNewMatches(policy: Policy, fileIds: string[]): Promise<ActionRun[]> {
    const runs: ActionRun[] = [];
    for (const auto of policy.automatic ?? []) {
      const left = auto.maxPerHour - this.o.audit.automaticInLastHour(policy.id, auto.action.name);
      if (left <= 0 || fileIds.length === 0) continue;
      const run = this.plan(policy.id, auto.action, { fileIds: fileIds.slice(0, left), automatic: true });
      if (run.counts.planned === 0) continue;
      for (let i = 0; i < run.counts.planned; i++) this.o.audit.recordAutomatic(policy.id, auto.action.name);
      runs.push(await this.apply(run.runId).done);
    }
    return runs;
  }

  private start(run: ActionRun, step: Step): Started {
    const control: Control = { stop: new AbortController(), mode: null };
    this.controls.set(run.runId, control);
    this.o.audit.setRunState(run.runId, 'applying', { confirmed: true });
    const done = this.line.queue.then(() => this.work(run.runId, step, control));
    this.line.queue = done.catch(() => undefined);
    return { run: this.run(run.runId), done };
  }

  private contextFor(run: ActionRun): EntryContext {
    return {
      audit: this.o.audit,
      box: this.o.box,
      policies: this.o.policies,
      policy: this.o.policies.policy(run.policyId),
      action: this.o.actionFor(run.action.name),
    };
  }

  /**
   * Entries other runs left `applying` with Box unreadable when they stopped, settled now by
   * reading each file (a paused or interrupted run's are its resume's, unless it is cancelled).
   */
  private async settleStranded(): Promise<void> {
    for (const e of this.o.audit.strandedEntries()) {
      const run = this.run(e.runId);
      if (run.state === 'paused' || run.state === 'interrupted') continue;
      await settleEntry(this.contextFor(run), e, run.state === 'cancelled' ? 'cancel' : 'done');
    }
  }

  /** A stopped run's changes caught mid-way, settled once its workers have ended (no request of it is in flight). */
  private async settleStopped(runId: string, context: EntryContext, mode: 'pause' | 'cancel'): Promise<void> {
    for (const e of this.o.audit.entriesIn(runId, ['applying'])) {
      await settleEntry(context, e, mode);
      this.o.onEntry?.(this.o.audit.entry(e.actionId) ?? e);
    }
  }

  private async work(runId: string, step: Step, control: Control): Promise<ActionRun> {
    // Housekeeping before the run: a failure here (the log busy) leaves those entries as they were.
    await this.settleStranded().catch(() => undefined);
    const context = this.contextFor(this.run(runId));
    const todo = this.o.audit.entriesIn(runId, ['applying', 'planned']);
    const started = Date.now();
    let handled = 0;
    let lastProgress = 0;
    const progress = (force: boolean) => {
      const now = Date.now();
      if (!force && now - lastProgress < PROGRESS_EVERY_MS) return;
      lastProgress = now;
      const perSecond = handled / Math.max(0.001, (now - started) / 1000);
      this.o.audit.setPerSecond(runId, perSecond);
      this.o.onProgress?.(this.run(runId));
    };
    this.o.box.stopWith?.(control.stop.signal);
    try {
      const worker = async () => {
        for (let e = todo.shift(); e && !control.stop.signal.aborted; e = todo.shift()) {
          const outcome = await step(context, e);
          if (outcome !== 'stopped') this.o.onEntry?.(this.o.audit.entry(e.actionId) ?? e);
          handled++;
          progress(false);
        }
      };
      // One worker's failure stops the others before the run is marked interrupted: no worker
      // may go on changing files in Box under a run a resume would start again.
      const workers = Array.from({ length: this.o.concurrency ?? 4 }, () =>
        worker().catch((e: unknown) => {
          control.stop.abort();
          throw e;
        }),
      );
      const failure = (await Promise.allSettled(workers)).find((r) => r.status === 'rejected');
      if (failure) throw failure.reason;
    } catch (e) {
      this.o.audit.setRunState(runId, 'interrupted'); // resumable: what was applied is logged
      this.o.onProgress?.(this.run(runId));
      throw e;
    } finally {
      this.o.box.stopWith?.(NEVER);
      // A resume may already have put its own control here: only this work's own is removed.
      if (this.controls.get(runId) === control) this.controls.delete(runId);
    }
    if (control.mode) await this.settleStopped(runId, context, control.mode);
    else this.o.audit.setRunState(runId, 'done');
    progress(true);
    return this.run(runId);
  }
}

/** An undo run's step: the entry it undoes is named in the store. */
function undoStep(audit: AuditStore): Step {
  return (c, e) => {
    const original = audit.undoneByEntry(e.actionId);
    if (!original) {
      audit.markSkipped(e.actionId, 'the change it undoes is not in the log', null);
      return Promise.resolve('skipped');
    }
    return undoEntry(c, e, original);
  };
}
