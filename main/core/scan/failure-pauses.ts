/**
 * Failures that pause, not fail. The scheduler already retried what can be retried; what is
 * left: a lost sign-in holds every slot until the reconnect, an outage (no answer, or Box
 * answering 5xx to everyone) backs every slot off together and resumes by itself, and only an
 * error about the item itself uses up one of its attempts. Every slot and step waits here
 * before it works, so a pause, a lost sign-in and a back-off hold them all the same way.
 */
import type { BoxApi } from './box-api';
import { classifyFailure, errorMessage, OutageDetector, type FailureKind } from './failures';
import type { StatusLine } from './status-line';
import type { Task } from './task-picker';
import type { Waiters } from './waiters';

/** One run of start(): its loops check their own run, so a run that ended never wakes again. */
export interface Run {
  stopped: boolean;
  /** Ends the scheduler's waits (retry back-offs of up to a minute) when the run stops. */
  abort: AbortController;
}

export interface FailurePausesDeps {
  api: BoxApi;
  status: StatusLine;
  /** Where the slots sleep: a control, a back-off's end or new work wakes them. */
  slots: Waiters;
  /** Paused by the user, or waiting for the sign-in: nothing runs until woken. */
  held(): boolean;
  /** The sign-in is gone (401, refresh refused): the engine holds everything until it is back. */
  signInLost(): void;
  /** An error about the item: one of its attempts used; true when the item was given up. */
  itemFailed(task: Task, e: unknown): boolean;
  changed(): void;
}

export class FailurePauses {
  private readonly outage = new OutageDetector();
  /** Every slot backs off until then (an outage's round, shared by all). */
  private resumeAt = 0;
  private probing = false;

  constructor(private readonly d: FailurePausesDeps) {}

  /** Box answered a request: failures in a row count from none again. */
  answered(): void {
    this.outage.succeeded();
  }

  /** Box answered again (a live poll, a probe): if that ended an outage, the slots backing off go on now. */
  answeredAgain(): void {
    if (!this.outage.succeeded()) return;
    this.resumeAt = 0;
    this.d.status.message = null;
    this.d.slots.wakeAll();
  }

  /** Waits `ms` (an outage back-off, shared by every slot), then while paused or signed out. */
  async waitUntilRunnable(run: Run, ms: number): Promise<void> {
    if (ms > 0) this.resumeAt = Math.max(this.resumeAt, Date.now() + ms);
    while (!run.stopped) {
      const left = this.resumeAt - Date.now();
      if (left > 0) await this.d.slots.wait(left);
      else if (this.d.held()) await this.d.slots.wait();
      else return;
    }
  }

  /**
   * A step before the slots failed with `kind` (an error it may wait out): a lost sign-in
   * waits for the reconnect, anything else for the outage's next back-off.
   */
  async stepFailed(run: Run, what: string, kind: FailureKind): Promise<void> {
    if (kind === 'reconnect') this.d.signInLost();
    else this.outage.failed(kind, what);
    await this.waitUntilRunnable(run, kind === 'reconnect' ? 0 : this.outage.nextDelayMs());
  }

  /**
   * A task (or the pick itself) failed. A lost sign-in pauses the scan; an outage backs every
   * slot off without touching the item; an error about the item uses up one of its attempts.
   */
  async failed(run: Run, task: Task | null, e: unknown): Promise<void> {
    const kind = classifyFailure(e);
    if (kind === 'reconnect') return this.d.signInLost();
    const down = task ? this.outage.failed(kind, task.key) : false;
    if (down) this.probeWhileDown(run);
    if (task && !down && (kind === 'item' || kind === 'final')) {
      if (this.d.itemFailed(task, e)) return;
    }
    this.d.status.message = down ? `Box cannot be reached (${errorMessage(e)}): retrying by itself` : errorMessage(e);
    this.d.changed();
    await this.waitUntilRunnable(
      run,
      down || kind === 'internal' || kind === 'outage' ? this.outage.nextDelayMs() : 500,
    );
    if (down) this.d.status.message = null;
  }

  /**
   * While Box seems down, one probe a back-off round asks whether it answers at all: only a
   * success ends an outage, and with no live poller (activity not readable, or two items
   * failing forever with nothing else to do) nothing else would, so their attempts would
   * never count again and `--until-idle` would never return.
   */
  private probeWhileDown(run: Run): void {
    if (this.probing) return;
    this.probing = true;
    void (async () => {
      try {
        while (!run.stopped && this.outage.down) {
          await this.waitUntilRunnable(run, this.outage.nextDelayMs());
          if (run.stopped || !this.outage.down) return;
          const answered = await this.d.api.get('/users/me?fields=id', { kind: 'probe' }).then(
            () => true,
            () => false,
          );
          if (answered) this.answeredAgain();
        }
      } finally {
        this.probing = false;
      }
    })();
  }
}
