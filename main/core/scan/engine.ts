/**
 * The scan engine: phases (users → backfill → discovery and scan → content inspection), then
 * continuous (live events, periodic rescan), with pause/resume/stop/rescan controls. Work runs
 * on `concurrency` slots, each taking the most urgent task from the TaskPicker and doing it
 * with ScanWork; the numbers are the store's counters (kept by its triggers in the same
 * transactions as the rows, so they are never out of step) and every snapshot is built by
 * buildProgress. A lost sign-in pauses everything ("Reconnect to continue") until
 * `signInRestored()`; an outage backs every slot off together and resumes by itself. The
 * engine orchestrates; its parts: the steps before the slots (run-steps.ts), failures that
 * pause instead of failing files (failure-pauses.ts), the not-before times of a pending Box
 * text (pending-box-text.ts), the line the progress shows (status-line.ts).
 */
import { join } from 'node:path';
import type { BackfillChoice, ScanPhase, ScanProgress } from '../../../common/scan/types';
import type { BoxClient } from 'box-node-sdk';
import type { Extractor } from '../extract/extractor';
import { ExtractorPool } from '../extract/extractor-pool';
import { nodeExtractorSpawner } from '../extract/node-extractor-spawner';
import type { ExtractorSpawner } from '../extract/extractor-link';
import { BoxApi } from './box-api';
import { EventRetention } from './event-retention';
import { EventLoopDelay, yieldToIo } from './event-loop';
import { FailurePauses, type Run } from './failure-pauses';
import { errorMessage, type FailureKind } from './failures';
import { LiveLoop, type LivePoll } from './live-loop';
import type { ContentStats } from './phases/box-text';
import { ContentReader, type BoxTextPoll } from './phases/content-reader';
import { idleSleepMs } from './pending-box-text';
import { buildProgress } from './progress-builder';
import { ProgressThrottle, RateWindow } from './progress';
import { iso, RunSteps } from './run-steps';
import { RequestScheduler } from './scheduler';
import { StatusLine } from './status-line';
import { headEntry } from './store/queries';
import { ScanStore, type FileRow } from './store/scan-store';
import { TaskPicker, type Task } from './task-picker';
import { Waiters } from './waiters';
import { ScanWork } from './work';

export interface ScanEngineOptions {
  /** The database file (default <home>/scan.sqlite). */
  dbPath: string;
  /** The official SDK client (build it with scanClient: SDK retries off, the scheduler's on). */
  client: BoxClient;
  /** An open store to use (the service shares it with the bridge's read queries). */
  store?: ScanStore;
  /** Box's published limit is 1,000 a minute per user. */
  rateLimitPerSecond?: number;
  /** The connection's scheduler, shared with other Box work of the process (its rate wins); default: one of its own. */
  scheduler?: RequestScheduler;
  concurrency?: number;
  livePollMs?: number;
  rescanIntervalMs?: number;
  /** The scheduler's retries of one request (429/5xx/network) before the engine sees a failure. */
  maxRetries?: number;
  /** Tests and benches: hold back regular (non-activity) file scans. */
  holdRegular?: boolean;
  /** Days the activity log keeps its events (settings' activityRetentionDays; the store's default 90). */
  activityRetentionDays?: number;
  /**
   * Reads the files' content in a process of its own; closed by whoever handed it in (the
   * desktop app hands in one on utilityProcess). Default: a pool of Node child processes,
   * started at the first file, closed with the engine.
   */
  extractor?: Extractor;
  /** How the engine's own extractor processes start (default: a Node child process). */
  extractorSpawner?: ExtractorSpawner;
  /** How a pending Box text is asked again (tests: shorter). */
  boxTextPoll?: BoxTextPoll;
  onFileScanned?(id: string, row: { priority: number; reason: string | null }): void;
}

export const DEFAULT_RATE = 1000 / 60;
export const RECONNECT_MESSAGE = 'Reconnect to continue';

export function scanDbPath(home: string): string {
  return join(home, 'scan.sqlite');
}

export class ScanEngine {
  readonly store: ScanStore;
  readonly api: BoxApi;
  readonly scheduler: RequestScheduler;
  readonly progress: ProgressThrottle;
  private readonly picker: TaskPicker;
  private readonly work: ScanWork;
  private readonly content: ContentReader;
  private readonly ownExtractor: Extractor | null;
  private readonly live: LiveLoop;
  private readonly loopDelay = new EventLoopDelay();
  private readonly scannedRate = new RateWindow(10_000);
  private readonly inspectedRate = new RateWindow(10_000);
  private phase: ScanPhase = 'idle';
  /** The queue was empty once this run: the scan is live from then on (one "Scan complete"). */
  private reachedLive = false;
  private phaseStarted: Partial<Record<ScanPhase, string>> = {};
  private run: Run | null = null;
  private active: Promise<void> | null = null;
  private loops: Promise<void>[] = [];
  private paused = false;
  private signInLost = false;
  private readonly status = new StatusLine();
  private readonly slots = new Waiters();
  private readonly failures: FailurePauses;
  private readonly steps: RunSteps;
  private readonly idleWaiters = new Waiters();
  private liveEvents = 0;
  private holdRegular: boolean;
  private readonly retention: EventRetention;

  constructor(private readonly o: ScanEngineOptions) {
    this.store = o.store ?? new ScanStore(o.dbPath);
    this.scheduler =
      o.scheduler ??
      new RequestScheduler({
        ratePerSecond: o.rateLimitPerSecond ?? DEFAULT_RATE,
        concurrency: o.concurrency ?? 16,
        maxRetries: o.maxRetries,
      });
    this.api = new BoxApi(o.client, this.scheduler);
    this.progress = new ProgressThrottle(() => this.snapshot(), 100);
    this.holdRegular = o.holdRegular ?? false;
    this.retention = new EventRetention(this.store, o.activityRetentionDays);
    this.picker = new TaskPicker(this.store, { concurrency: o.concurrency ?? 16, holdRegular: () => this.holdRegular });
    // The desktop app's core cannot fork: its host starts the extractor (extractorSpawner); plain Node forks it.
    this.ownExtractor = o.extractor ? null : new ExtractorPool({ spawn: o.extractorSpawner ?? nodeExtractorSpawner() });
    this.content = new ContentReader({
      api: this.api,
      store: this.store,
      extractor: o.extractor ?? this.ownExtractor!,
      poll: o.boxTextPoll,
    });
    this.work = new ScanWork({
      api: this.api,
      store: this.store,
      content: this.content,
      onScanned: (rows) => this.scanned(rows),
      onInspected: () => this.inspectedRate.add(1),
    });
    this.live = new LiveLoop({
      api: this.api,
      store: this.store,
      everyMs: o.livePollMs ?? 1000,
      onPoll: (r) => this.onLivePoll(r),
      onError: (k, m) => this.onLiveError(k, m),
    });
    this.failures = new FailurePauses({
      api: this.api,
      status: this.status,
      slots: this.slots,
      held: () => this.paused || this.signInLost,
      signInLost: () => this.waitForSignIn(),
      itemFailed: (task, e) => this.work.failed(task, e),
      changed: () => this.progress.changed(),
    });
    this.steps = new RunSteps({
      api: this.api,
      store: this.store,
      live: this.live,
      retention: this.retention,
      failures: this.failures,
      status: this.status,
      setPhase: (p) => this.setPhase(p),
      onActivity: () => this.picker.activity(),
      changed: () => this.progress.changed(),
    });
  }

  // ---------- controls ----------

  /**
   * Runs the scan; resolves when stopped, or (untilIdle) once the queue is empty and the
   * backfill done. A second call while running joins the first (one set of loops, one live
   * poller); however start ends, nothing it started keeps running.
   */
  start(choice: BackfillChoice = { days: 7 }, untilIdle = false): Promise<void> {
    this.active ??= this.runScan(choice, untilIdle).finally(() => {
      this.active = null;
    });
    return this.active;
  }

  private async runScan(choice: BackfillChoice, untilIdle: boolean): Promise<void> {
    const run: Run = { stopped: false, abort: new AbortController() };
    this.run = run;
    this.scheduler.stopWith(run.abort.signal);
    this.paused = false;
    // A sign-in lost in an earlier run: this run's first request says whether it still is.
    this.signInLost = false;
    this.reachedLive = false;
    this.steps.started();
    this.phaseStarted = {};
    this.status.message = null;
    // Files a live poll moved while no run (or no sign-in) could take its result.
    this.picker.activity();
    this.loopDelay.start();
    this.store.recoverInterrupted(); // here, not on every store open: only the scanning process recovers
    try {
      await this.steps.prepare(run, choice);
      if (run.stopped) return;
      this.setPhase('discovery');
      this.loops = Array.from({ length: this.o.concurrency ?? 16 }, () => this.slot(run));
      const allEnded = Promise.all(this.loops).then(() => undefined);
      await (untilIdle ? Promise.race([this.idleWaiters.wait(), allEnded]) : allEnded);
    } catch (e) {
      // A stopped run's waits end with the stop's AbortError: that is the stop, not a failure.
      if (run.stopped) return;
      this.status.message = errorMessage(e);
      this.setPhase('error');
      throw e;
    } finally {
      this.steps.ended();
      await this.halt(run);
      this.loopDelay.stop();
      if (this.phase !== 'error') this.setPhase('stopped');
      this.progress.flush();
    }
  }

  pause(): void {
    this.paused = true;
    this.setPhase('paused');
  }

  resume(): void {
    this.paused = false;
    this.setPhase(this.signInLost ? 'reconnect' : this.workPhase());
    this.wake();
  }

  /** Stops the run (if any) and waits until nothing it started is left running. */
  async stop(): Promise<void> {
    if (this.run) {
      this.run.stopped = true;
      this.run.abort.abort();
    }
    this.live.stop();
    this.wake();
    await this.active?.catch(() => undefined);
    if (this.phase !== 'error') this.setPhase('stopped');
  }

  /** Closes the store too, unless it was handed in (then its owner closes it). */
  close(): void {
    this.progress.dispose();
    this.loopDelay.stop();
    void this.ownExtractor?.close();
    if (!this.o.store) this.store.close();
  }

  /** Box's calls and bytes for content so far (downloads, representation calls). */
  contentStats(): Readonly<ContentStats> {
    return { ...this.content.stats };
  }

  /**
   * The sign-in was lost (401, refresh refused): every slot and the live poller wait, with
   * nothing failed, until signInRestored().
   */
  waitForSignIn(): void {
    if (this.signInLost) return;
    this.signInLost = true;
    this.live.stop();
    this.status.message = RECONNECT_MESSAGE;
    this.setPhase('reconnect');
  }

  /** The connection is back: the scan goes on where it was. */
  signInRestored(): void {
    if (!this.signInLost) return;
    this.signInLost = false;
    this.status.message = null;
    if (this.run && !this.run.stopped && this.steps.liveWanted) this.live.start();
    // A live poll that committed moved files just before the sign-in went had its result dropped.
    this.picker.activity();
    this.setPhase(this.paused ? 'paused' : this.workPhase());
    this.wake();
  }

  get waitingForSignIn(): boolean {
    return this.signInLost;
  }

  /** Resolves once every chunk is queued (store.rescanAll); the slots wake after each chunk. */
  async rescanAll(reason = 'rescan of everything requested'): Promise<void> {
    await this.store.rescanAll(reason, {
      onChunk: () => {
        this.picker.forgetBuffered();
        this.progress.changed();
        this.wake();
      },
    });
  }

  rescanFile(id: string): void {
    const f = this.store.file(id);
    this.store.tx(() => {
      this.store.prioritise({
        id,
        name: f?.name ?? '',
        ext: f?.ext ?? '',
        folderId: f?.folder_id ?? null,
        ownerId: f?.owner_id ?? null,
        ownerLogin: f?.owner_login ?? null,
        asUser: f?.as_user ?? null,
        reason: 'rescan of this file requested',
        eventId: '',
      });
      this.store.recordJump({
        fileId: id,
        name: f?.name ?? '',
        eventType: 'RESCAN_REQUESTED',
        eventId: null,
        at: new Date().toISOString(),
      });
    });
    this.picker.activity();
    this.progress.changed();
    this.wake();
  }

  /** Tests and benches: hold back (or release) regular and periodic scans; activity still runs. */
  setHoldRegular(hold: boolean): void {
    this.holdRegular = hold;
    this.wake();
  }

  // ---------- live events ----------

  private onLivePoll(r: LivePoll): void {
    // Box answers again: the slots backing off for the outage go on now.
    this.failures.answeredAgain();
    this.liveEvents += r.stored;
    if (r.moved.length || r.folderRefresh) {
      this.picker.activity();
      this.wake();
    }
    this.status.clearIf('following live events');
    this.maybePeriodic();
    this.retention.maybePrune(this.steps.window);
    this.progress.changed();
  }

  private onLiveError(kind: FailureKind, message: string): void {
    if (kind === 'reconnect') return this.waitForSignIn();
    this.status.message = `following live events: ${message}`;
    this.progress.changed();
  }

  private maybePeriodic(): void {
    const every = this.o.rescanIntervalMs ?? 12 * 3600_000;
    const last = Number(this.store.meta('full_scan_at') ?? 0);
    if (last > 0 && Date.now() - last >= every) {
      this.store.setMeta('full_scan_at', '0');
      this.rescanAll('periodic rescan (every 12 h)').catch((e: unknown) => {
        this.status.message = `periodic rescan: ${errorMessage(e)}`;
      });
    }
  }

  /** The settings' activity retention changed: it applies from the next prune (the next live poll). */
  setActivityRetentionDays(days: number): void {
    this.retention.setDays(days);
  }

  // ---------- the work loop ----------

  private wake(): void {
    this.slots.wakeAll();
  }

  private sleep(ms?: number): Promise<void> {
    return this.slots.wait(ms);
  }

  private async slot(run: Run): Promise<void> {
    while (!run.stopped) {
      await this.failures.waitUntilRunnable(run, 0);
      if (run.stopped) return;
      let task: Task | null = null;
      try {
        task = this.picker.next();
        if (!task) {
          if (!this.picker.busy && this.checkIdle()) continue;
          // A pending Box text is due again later: look again then, not only when woken.
          await this.sleep(idleSleepMs(this.store, this.content.poll));
          continue;
        }
        if (task.kind === 'inspect' && this.phase === 'discovery' && this.store.discoveryDone())
          this.setPhase('inspection');
        // Only an answer from Box ends an outage; work that sent nothing lets I/O in first.
        if (await this.work.run(task)) this.failures.answered();
        else await yieldToIo();
      } catch (e) {
        await this.failures.failed(run, task, e);
      } finally {
        if (task) this.picker.release(task);
      }
      this.progress.changed();
      // One more slot may have work now (a listing adds folders and files); waking them all
      // after every task had 16 slots re-run the picks' queries for nothing, thousands of
      // times a second: the core's thread. A slot that finds work wakes the next in turn.
      this.slots.wakeOne();
    }
  }

  private async halt(run: Run): Promise<void> {
    run.stopped = true;
    run.abort.abort();
    this.live.stop();
    this.wake();
    await Promise.allSettled(this.loops);
    this.loops = [];
  }

  private checkIdle(): boolean {
    if (!this.store.discoveryDone() || this.store.head(1).length > 0 || this.store.inspectionsLeft()) return false;
    if (!this.reachedLive) {
      if (this.store.meta('full_scan_at') === '0' || this.store.meta('full_scan_at') === null)
        this.store.setMeta('full_scan_at', String(Date.now()));
      this.reachedLive = true;
      this.setPhase('live');
    }
    if (this.steps.backfillSettled) this.idleWaiters.wakeAll();
    return false;
  }

  private scanned(rows: Array<Pick<FileRow, 'id' | 'priority' | 'reason'>>): void {
    this.scannedRate.add(rows.length);
    if (this.o.onFileScanned) for (const r of rows) this.o.onFileScanned(r.id, r);
  }

  // ---------- progress ----------

  /** Where the run is, paused or signed out aside. */
  private workPhase(): ScanPhase {
    if (!this.run || this.run.stopped) return 'stopped';
    if (this.steps.step) return this.steps.step;
    if (this.reachedLive) return 'live';
    return this.store.discoveryDone() ? 'inspection' : 'discovery';
  }

  private setPhase(p: ScanPhase): void {
    this.phase = p;
    this.phaseStarted[p] ??= iso(new Date());
    this.progress.changed();
  }

  snapshot(): ScanProgress {
    const s = this.scheduler.stats;
    return buildProgress({
      phase: this.phase,
      phaseStarted: this.phaseStarted,
      running: this.active !== null && !this.paused && !this.signInLost && !(this.run?.stopped ?? true),
      counts: this.store.counts(),
      content: this.store.contentFigures(),
      backfill: { done: this.store.meta('backfill_done') === '1', window: this.steps.window },
      liveEvents: this.liveEvents,
      requests: {
        total: s.total,
        perSecond: this.scheduler.requestsPerSecond(),
        rateLimited: s.rateLimited,
        retries: s.retries,
      },
      rates: { scanned: this.scannedRate.perSecond(), inspected: this.inspectedRate.perSecond() },
      head: this.store.head(5).map(headEntry),
      jumps: this.store.jumps(),
      message: this.status.shown,
      eventLoopDelayP99Ms: this.loopDelay.p99Ms(),
    });
  }
}
