/**
 * How new alerts leave the core: as `policyAlerts` events, at most one every 100 ms, each with
 * every alert since the last (a 100,000-file scan raises 200,000 of them: one event each kept
 * the bridge and the window busy), and as OS notifications, one per burst. A burst starts with
 * an alert after a quiet spell; its notification waits a second to gather what comes with the
 * first (a scan finds many at once; the issue allows 2 s) and tells all of it, every policy in
 * one; the alerts that follow go to the in-app list and badge at once, and to the OS a minute
 * after the last notification, all in one (a long scan matches without pause: its new matches
 * an hour in are still told, at most once a minute). Runs in the core.
 */
import type { PolicyAlert } from '../../../common/policy/types';

export interface AlertOutboxOptions {
  emit(payload: { alerts: PolicyAlert[] }): void;
  notify?(title: string, body: string): void;
  /** The shortest time between two events (ms). */
  everyMs?: number;
  /** How long a burst's notification gathers after its first alert (ms). */
  gatherMs?: number;
  /** How long without an alert ends a burst (ms). */
  quietMs?: number;
  /** The shortest time between two notifications (ms): later alerts wait, then are told together. */
  renotifyMs?: number;
}

interface Note {
  name: string;
  files: number;
  first: string;
}

const MAX_POLICIES_NAMED = 3;

/** One notification for a burst: a policy's name and its count, or the policies' names and counts. */
export function burstNotification(notes: readonly Note[]): { title: string; body: string } {
  if (notes.length === 1) {
    const n = notes[0]!;
    return {
      title: n.name,
      body: n.files === 1 ? `New match: ${n.first}` : `${n.files} new matches, the first: ${n.first}`,
    };
  }
  const files = notes.reduce((sum, n) => sum + n.files, 0);
  const named = notes.slice(0, MAX_POLICIES_NAMED).map((n) => `${n.name}: ${n.files}`);
  const more = notes.length > MAX_POLICIES_NAMED ? `, and ${notes.length - MAX_POLICIES_NAMED} more policies` : '';
  return { title: `${files} new policy matches`, body: `${named.join(', ')}${more}` };
}

export class AlertOutbox {
  private pending: PolicyAlert[] = [];
  private emitTimer: NodeJS.Timeout | null = null;
  private lastEmit = 0;
  private burst: { notes: Map<string, Note>; toldAt: number | null; lastAlert: number } | null = null;
  private notifyTimer: NodeJS.Timeout | null = null;

  constructor(private readonly o: AlertOutboxOptions) {}

  add(alerts: readonly PolicyAlert[]): void {
    if (alerts.length === 0) return;
    this.pending.push(...alerts);
    this.emitTimer ??= setTimeout(
      () => this.flush(),
      Math.max(0, this.lastEmit + (this.o.everyMs ?? 100) - Date.now()),
    ).unref();
    this.gather(alerts);
  }

  /** Whether a burst's notification is still gathering (tests wait on it). */
  get notificationPending(): boolean {
    return this.notifyTimer !== null;
  }

  stop(): void {
    if (this.emitTimer) clearTimeout(this.emitTimer);
    if (this.notifyTimer) clearTimeout(this.notifyTimer);
    this.emitTimer = this.notifyTimer = null;
  }

  private flush(): void {
    this.emitTimer = null;
    this.lastEmit = Date.now();
    const alerts = this.pending;
    this.pending = [];
    this.o.emit({ alerts });
  }

  private gather(alerts: readonly PolicyAlert[]): void {
    if (!this.o.notify) return;
    const now = Date.now();
    if (this.burst && now - this.burst.lastAlert >= (this.o.quietMs ?? 10_000)) this.burst = null;
    if (!this.burst) {
      this.burst = { notes: new Map(), toldAt: null, lastAlert: now };
      this.notifyTimer = setTimeout(() => this.tell(), this.o.gatherMs ?? 1_000).unref();
    } else if (this.burst.toldAt !== null && !this.notifyTimer) {
      // Told already: what comes now is told a minute after that, all of it in one.
      const at = this.burst.toldAt + (this.o.renotifyMs ?? 60_000);
      this.notifyTimer = setTimeout(() => this.tell(), Math.max(this.o.gatherMs ?? 1_000, at - now)).unref();
    }
    this.burst.lastAlert = now;
    for (const a of alerts) {
      const note = this.burst.notes.get(a.policyId) ?? { name: a.policyName, files: 0, first: a.fileName };
      note.files++;
      this.burst.notes.set(a.policyId, note);
    }
  }

  /** Tells the matches gathered since the last notification, and starts gathering anew. */
  private tell(): void {
    this.notifyTimer = null;
    if (!this.burst || !this.o.notify || this.burst.notes.size === 0) return;
    const { title, body } = burstNotification([...this.burst.notes.values()]);
    this.burst.toldAt = Date.now();
    this.burst.notes = new Map();
    this.o.notify(title, body);
  }
}
