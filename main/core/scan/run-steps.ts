/**
 * The run's steps before the work slots: the users, where the live stream starts, the activity
 * backfill. Each runs until it succeeds, a lost sign-in or an outage waited out (FailurePauses):
 * the scan cannot go on without its users. Two it can do without, and then says so: the
 * activity log (an account Box refuses it to), and the backfill (when it keeps failing).
 */
import type { BackfillChoice, ScanPhase } from '../../../common/scan/types';
import type { BoxApi } from './box-api';
import type { EventRetention } from './event-retention';
import type { FailurePauses, Run } from './failure-pauses';
import { classifyFailure, errorMessage, MAX_ATTEMPTS } from './failures';
import type { LiveLoop } from './live-loop';
import { runBackfill, type BackfillWindow } from './phases/backfill';
import { ActivityUnavailableError, currentStreamPosition } from './phases/live';
import { discoverUsers } from './phases/users';
import type { StatusLine } from './status-line';
import type { ScanStore } from './store/scan-store';

export interface RunStepsDeps {
  api: BoxApi;
  store: ScanStore;
  live: LiveLoop;
  retention: EventRetention;
  failures: FailurePauses;
  status: StatusLine;
  setPhase(p: ScanPhase): void;
  /** Files moved to the front (a folder sharing event in the backfill). */
  onActivity(): void;
  changed(): void;
}

export class RunSteps {
  private current: 'users' | 'backfill' | null = null;
  private wantLive = false;
  private activityAvailable = true;
  /** This run goes on without the backfill (it kept failing); the next run tries it again. */
  private backfillGaveUp = false;
  private backfillWindow: BackfillWindow | null;

  constructor(private readonly d: RunStepsDeps) {
    const w = d.store.meta('backfill_window');
    this.backfillWindow = w ? (JSON.parse(w) as BackfillWindow) : null;
  }

  /** The step that is running (a reconnect or resume goes back to it); null once the slots run. */
  get step(): 'users' | 'backfill' | null {
    return this.current;
  }

  /** The live poller belongs to this run now (after the stream's position was saved). */
  get liveWanted(): boolean {
    return this.wantLive;
  }

  /** The backfill's window, fixed by its first run (a restart resumes the same one). */
  get window(): BackfillWindow | null {
    return this.backfillWindow;
  }

  /** Nothing more comes of the backfill this run: done, given up, or activity not readable. */
  get backfillSettled(): boolean {
    return !this.activityAvailable || this.backfillGaveUp || this.d.store.meta('backfill_done') === '1';
  }

  /** A new run: it tries the backfill again, and wants the live poller once the stream's position is saved. */
  started(): void {
    this.wantLive = false;
    this.backfillGaveUp = false;
  }

  /** The run ended, however it did: no step runs, and the live poller is no longer its. */
  ended(): void {
    this.current = null;
    this.wantLive = false;
  }

  /** Users, the live stream's position, the backfill: each step waits out a lost sign-in or an outage. */
  async prepare(run: Run, choice: BackfillChoice): Promise<void> {
    try {
      this.current = 'users';
      this.d.setPhase('users');
      await this.persist(run, 'users', () => discoverUsers(this.d.api, this.d.store));
      if (run.stopped) return;
      this.activityAvailable = await this.persist(run, 'events', () => this.followFrom());
      this.d.retention.maybePrune(this.backfillWindow);
      if (this.activityAvailable && !run.stopped) {
        this.wantLive = true;
        this.d.live.start();
        await this.persist(run, 'backfill', () => this.backfill(run, choice), { giveUp: true }).catch((e: unknown) =>
          this.withoutBackfill(e),
        );
      }
    } finally {
      this.current = null;
    }
  }

  /**
   * Box refused the activity log itself (403): the scan goes on without activity, and says so.
   * The backfill kept failing (5xx, a malformed answer) while nothing else was tried: the scan
   * goes on without it this run (live events still followed), says so, and the next run tries again.
   */
  private withoutBackfill(e: unknown): void {
    const kind = classifyFailure(e);
    const { status } = this.d;
    if (kind === 'item') {
      this.backfillGaveUp = true;
      status.notice = `The activity backfill could not be read (Box answered ${errorMessage(e)}): the scan goes on without it; run the scan again to retry it`;
      status.message = null;
      this.d.changed();
      return;
    }
    if (kind !== 'final') throw e;
    this.activityAvailable = false;
    this.wantLive = false;
    this.d.live.stop();
    status.notice = `Activity is not available to this account: Box answered ${errorMessage(e)}; the scan goes on without it`;
  }

  /** Saves where the live stream starts (once); false when the account may not read activity. */
  private async followFrom(): Promise<boolean> {
    const { store } = this.d;
    if (store.meta('live_position') !== null) return true;
    try {
      store.setMeta('live_position', await currentStreamPosition(this.d.api));
      return true;
    } catch (e) {
      if (!(e instanceof ActivityUnavailableError)) throw e;
      this.d.status.notice = e.message;
      this.d.changed();
      return false;
    }
  }

  /**
   * Runs a step until it succeeds: a lost sign-in waits for the reconnect, an outage or a 5xx
   * storm backs off (growing, capped) and tries again, for as long as it lasts: the scan
   * cannot go on without its users. With `giveUp` (a step the scan can do without), an error
   * about the step gets MAX_ATTEMPTS, then the caller goes on without it.
   */
  private async persist<T>(run: Run, what: string, step: () => Promise<T>, o: { giveUp?: boolean } = {}): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        const value = await step();
        this.d.failures.answered();
        this.d.status.clearIf(`${what}: `);
        return value;
      } catch (e) {
        const kind = classifyFailure(e);
        if (run.stopped) throw e;
        // Box's refusal or an error of ours (a bad argument, a bug) will not pass by waiting.
        if (kind === 'final' || kind === 'internal' || (o.giveUp && kind === 'item' && attempt >= MAX_ATTEMPTS))
          throw e;
        this.d.status.message = `${what}: ${errorMessage(e)}`;
        await this.d.failures.stepFailed(run, what, kind);
        if (run.stopped) throw e;
      }
    }
  }

  private async backfill(run: Run, choice: BackfillChoice): Promise<void> {
    const { store } = this.d;
    if ('none' in choice || store.meta('backfill_done') === '1') {
      if ('none' in choice) store.setMeta('backfill_done', '1');
      return;
    }
    if (!this.backfillWindow) {
      const to = new Date(Math.floor(Date.now() / 1000) * 1000);
      const from = 'since' in choice ? new Date(choice.since) : new Date(to.getTime() - choice.days * 86_400_000);
      this.backfillWindow = { from: iso(from), to: iso(to) };
      store.setMeta('backfill_window', JSON.stringify(this.backfillWindow));
    }
    this.current = 'backfill';
    this.d.setPhase('backfill');
    await runBackfill(
      this.d.api,
      store,
      this.backfillWindow,
      () => run.stopped,
      (_n, moved) => {
        // A folder sharing event moved files the store already knew (rare: see runBackfill).
        if (moved > 0) this.d.onActivity();
        this.d.changed();
      },
    );
  }
}

/** Box's time format, to the second: the backfill's window and the phases' start times. */
export function iso(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
