/**
 * The governance audit log in SQLite: <home>/governance.sqlite (WAL), its own file so that
 * resetting or rescanning the scan store never loses it. Runs (ActionRun) and their entries
 * (AuditEntry, one row per file and run, with the state before and after the change), plus
 * the automatic actions' rolling-hour cap. An entry goes planned → applying (with `before`,
 * committed before Box is asked) → applied / skipped / failed, and applied → undone: after a
 * kill, an `applying` row is exactly the change that may or may not have reached Box.
 * Nothing secret is stored: FileGovernanceState holds no link URL and no content.
 */
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import type {
  ActionRun,
  ActionSpec,
  AuditEntry,
  AuditPage,
  EntryState,
  FileGovernanceState,
  PlannedChange,
  RunState,
} from '../../../common/policy/types';
import { migrateAudit } from './audit-migrations';

export const AUDIT_FILE = 'governance.sqlite';

interface RunRow {
  run_id: string;
  policy_id: string;
  policy_name: string;
  action: string;
  state: RunState;
  undo_of: string | null;
  automatic: number;
  by: string;
  created_at: string;
  confirmed_at: string | null;
  finished_at: string | null;
  per_second: number;
}

interface EntryRow {
  action_id: string;
  run_id: string;
  policy_id: string;
  file_id: string;
  file_name: string;
  path: string;
  owner_login: string;
  change: string;
  action: string;
  state: EntryState;
  by: string;
  at: string;
  before: string | null;
  after: string | null;
  reason: string | null;
  undone_by: string | null;
  undoable: number;
}

/** A new run: the shape of ActionRun without what the store keeps (counts, state, times). */
export interface NewRun {
  policyId: string;
  policyName: string;
  action: ActionSpec;
  undoOf?: string | null;
  automatic?: boolean;
  by: string;
}

export type NewEntry = Omit<PlannedChange, 'action'> & { before?: FileGovernanceState | null; undoes?: string };

const json = <T>(s: string | null): T | null => (s === null ? null : (JSON.parse(s) as T));
export const newId = (prefix: 'r' | 'a'): string => `${prefix}-${randomUUID()}`;

function isAlive(pid: number | null): boolean {
  if (pid === null) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class AuditStore {
  private readonly db: Database.Database;
  private seq: number;

  /**
   * Opens (creating and migrating) the log; runs left `applying` by a dead process become
   * `interrupted`, here and whenever runs are listed (a CLI apply may be killed while the app
   * stays open).
   */
  constructor(readonly path: string) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL'); // an `applying` row must survive a power cut, not only a kill
    this.db.pragma('busy_timeout = 5000'); // the app and the CLI may share the file
    migrateAudit(this.db);
    this.seq = (this.db.prepare('SELECT max(seq) AS s FROM entries').get() as { s: number | null }).s ?? 0;
    this.markInterrupted();
  }

  close(): void {
    this.db.close();
  }

  /**
   * A run is held by the process that set it applying (`applier_pid`): when that process is gone
   * the run is interrupted. The pid alone is enough: this process's own runs end in a state the
   * runner sets on every path, and a pid reused by another process (rare, and only after the
   * applier died) errs towards "still applying", never towards a resume next to a live applier.
   * A heartbeat would have to beat through minutes of back-off; the pid needs nothing.
   */
  private markInterrupted(): void {
    const rows = this.db.prepare(`SELECT run_id, applier_pid FROM runs WHERE state = 'applying'`).all() as Array<{
      run_id: string;
      applier_pid: number | null;
    }>;
    for (const r of rows)
      if (r.applier_pid !== process.pid && !isAlive(r.applier_pid)) this.setRunState(r.run_id, 'interrupted');
  }

  /** Inside a write transaction: another process may have added entries since we last looked. */
  private nextSeq(first: boolean): number {
    if (first)
      this.seq = Math.max(
        this.seq,
        (this.db.prepare('SELECT max(seq) AS s FROM entries').get() as { s: number | null }).s ?? 0,
      );
    return ++this.seq;
  }

  /**
   * A run and its planned entries, in one transaction; returns the run id. `guard` runs first
   * inside the write transaction (it throws to refuse): another process cannot slip in between.
   */
  createRun(run: NewRun, entries: NewEntry[], state: RunState = 'preview', guard?: () => void): string {
    const runId = newId('r');
    const now = new Date().toISOString();
    const action = JSON.stringify(run.action);
    const insertEntry = this.db.prepare(
      `INSERT INTO entries(action_id, run_id, seq, policy_id, file_id, file_name, path, owner_login, change, action, state, by, at, before, undoes)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'planned', ?, ?, ?, ?)`,
    );
    this.db
      .transaction(() => {
        guard?.();
        this.db
          .prepare(
            `INSERT INTO runs(run_id, seq, policy_id, policy_name, action, state, undo_of, automatic, by, created_at)
           VALUES (?, (SELECT coalesce(max(seq), 0) + 1 FROM runs), ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            runId,
            run.policyId,
            run.policyName,
            action,
            state,
            run.undoOf ?? null,
            run.automatic ? 1 : 0,
            run.by,
            now,
          );
        for (const e of entries) {
          const before = e.before ? JSON.stringify(e.before) : null;
          insertEntry.run(
            newId('a'),
            runId,
            this.nextSeq(e === entries[0]),
            run.policyId,
            e.fileId,
            e.name,
            e.path,
            e.ownerLogin,
            e.change,
            action,
            run.by,
            now,
            before,
            e.undoes ?? null,
          );
        }
      })
      .immediate();
    return runId;
  }

  run(runId: string): ActionRun | undefined {
    this.markInterrupted();
    const row = this.db.prepare('SELECT * FROM runs WHERE run_id = ?').get(runId) as RunRow | undefined;
    return row && this.toRun(row);
  }

  runs(offset: number, limit: number): { total: number; entries: ActionRun[] } {
    this.markInterrupted();
    const total = (this.db.prepare('SELECT count(*) AS n FROM runs').get() as { n: number }).n;
    const rows = this.db
      .prepare('SELECT * FROM runs ORDER BY seq DESC LIMIT ? OFFSET ?')
      .all(limit, offset) as RunRow[];
    return { total, entries: rows.map((r) => this.toRun(r)) };
  }

  /** Runs of this policy and action left paused or interrupted (the newest first): what `--apply` resumes. */
  interruptedRuns(policyId: string, action: ActionSpec): ActionRun[] {
    this.markInterrupted();
    const rows = this.db
      .prepare(
        `SELECT * FROM runs WHERE policy_id = ? AND action = ? AND state IN ('interrupted', 'paused') AND undo_of IS NULL ORDER BY seq DESC`,
      )
      .all(policyId, JSON.stringify(action)) as RunRow[];
    return rows.map((r) => this.toRun(r));
  }

  private counts(runId: string): ActionRun['counts'] {
    const rows = this.db
      .prepare('SELECT state, count(*) AS n FROM entries WHERE run_id = ? GROUP BY state')
      .all(runId) as Array<{
      state: EntryState;
      n: number;
    }>;
    const by = Object.fromEntries(rows.map((r) => [r.state, r.n])) as Partial<Record<EntryState, number>>;
    const all = rows.reduce((sum, r) => sum + r.n, 0);
    return {
      planned: all,
      applied: (by.applied ?? 0) + (by.undone ?? 0),
      skipped: by.skipped ?? 0,
      failed: by.failed ?? 0,
      undone: by.undone ?? 0,
    };
  }

  private toRun(r: RunRow): ActionRun {
    return {
      runId: r.run_id,
      policyId: r.policy_id,
      policyName: r.policy_name,
      action: JSON.parse(r.action) as ActionSpec,
      state: r.state,
      undoOf: r.undo_of,
      automatic: r.automatic === 1,
      by: r.by,
      createdAt: r.created_at,
      confirmedAt: r.confirmed_at,
      finishedAt: r.finished_at,
      counts: this.counts(r.run_id),
      perSecond: r.per_second,
    };
  }

  setPerSecond(runId: string, perSecond: number): void {
    this.db.prepare('UPDATE runs SET per_second = ? WHERE run_id = ?').run(perSecond, runId);
  }

  setRunState(runId: string, state: RunState, o: { confirmed?: boolean } = {}): void {
    const now = new Date().toISOString();
    const finished = state === 'done' || state === 'cancelled' ? now : null;
    this.db
      .prepare(
        `UPDATE runs SET state = ?, applier_pid = CASE WHEN ? = 'applying' THEN ? ELSE NULL END,
           confirmed_at = CASE WHEN ? THEN coalesce(confirmed_at, ?) ELSE confirmed_at END,
           finished_at = coalesce(?, finished_at) WHERE run_id = ?`,
      )
      .run(state, state, process.pid, o.confirmed ? 1 : 0, now, finished, runId);
  }

  /**
   * Entries left `applying` in runs no process applies now (cancelled, done, paused,
   * interrupted): a change whose outcome was not known when its run stopped.
   */
  strandedEntries(): AuditEntry[] {
    const rows = this.db
      .prepare(
        `SELECT e.* FROM entries e JOIN runs r ON r.run_id = e.run_id WHERE e.state = 'applying' AND r.state != 'applying' ORDER BY e.seq`,
      )
      .all() as EntryRow[];
    return rows.map(toEntry);
  }

  /**
   * An undo not finished yet of this run's entries, or of this one entry: the undo run and its
   * state. Pending: its entry is planned or being undone in a run that may still apply
   * (applying, paused, interrupted). An entry a finished run left `applying` (Box unreadable
   * then) is not: a new undo reads the file first and skips it if that undo was made.
   */
  pendingUndo(of: { runId: string } | { actionId: string }): { runId: string; state: RunState } | undefined {
    const which = 'runId' in of ? 'o.run_id = ?' : 'o.action_id = ?';
    return this.db
      .prepare(
        `SELECT r.run_id AS runId, r.state AS state FROM entries o JOIN entries u ON u.undoes = o.action_id
           JOIN runs r ON r.run_id = u.run_id
         WHERE ${which} AND u.state IN ('planned', 'applying') AND r.state IN ('preview', 'applying', 'paused', 'interrupted')
         ORDER BY r.seq DESC LIMIT 1`,
      )
      .get('runId' in of ? of.runId : of.actionId) as { runId: string; state: RunState } | undefined;
  }

  /** The entry an undo run's entry undoes. */
  undoneByEntry(actionId: string): AuditEntry | undefined {
    const row = this.db
      .prepare('SELECT o.* FROM entries u JOIN entries o ON o.action_id = u.undoes WHERE u.action_id = ?')
      .get(actionId) as EntryRow | undefined;
    return row && toEntry(row);
  }

  entry(actionId: string): AuditEntry | undefined {
    const row = this.db.prepare('SELECT * FROM entries WHERE action_id = ?').get(actionId) as EntryRow | undefined;
    return row && toEntry(row);
  }

  /** The run's entries in these states, in plan order (the apply's and the undo's work list). */
  entriesIn(runId: string, states: EntryState[]): AuditEntry[] {
    const marks = states.map(() => '?').join(',');
    const rows = this.db
      .prepare(`SELECT * FROM entries WHERE run_id = ? AND state IN (${marks}) ORDER BY seq`)
      .all(runId, ...states) as EntryRow[];
    return rows.map(toEntry);
  }

  changes(runId: string, offset: number, limit: number): { total: number; entries: PlannedChange[] } {
    const total = (this.db.prepare('SELECT count(*) AS n FROM entries WHERE run_id = ?').get(runId) as { n: number }).n;
    const rows = this.db
      .prepare('SELECT * FROM entries WHERE run_id = ? ORDER BY seq LIMIT ? OFFSET ?')
      .all(runId, limit, offset) as EntryRow[];
    return { total, entries: rows.map(toChange) };
  }

  /** The audit log: what happened (planned rows of previews never applied are not changes). */
  auditPage(q: { runId?: string; offset: number; limit: number }): AuditPage {
    const where = `state != 'planned'${q.runId ? ' AND run_id = ?' : ''}`;
    const args = q.runId ? [q.runId] : [];
    const total = (this.db.prepare(`SELECT count(*) AS n FROM entries WHERE ${where}`).get(...args) as { n: number }).n;
    const rows = this.db
      .prepare(`SELECT * FROM entries WHERE ${where} ORDER BY seq DESC LIMIT ? OFFSET ?`)
      .all(...args, q.limit, q.offset) as EntryRow[];
    return { total, offset: q.offset, limit: q.limit, entries: rows.map(toEntry) };
  }

  *allAudit(pageSize = 1000): Generator<AuditEntry> {
    const stmt = this.db.prepare(`SELECT * FROM entries WHERE state != 'planned' AND seq > ? ORDER BY seq LIMIT ?`);
    for (let after = 0; ;) {
      const rows = stmt.all(after, pageSize) as Array<EntryRow & { seq: number }>;
      if (rows.length === 0) return;
      for (const r of rows) yield toEntry(r);
      after = rows[rows.length - 1]!.seq;
    }
  }

  /** `before` is committed before Box is asked: after a kill this row says "maybe applied". */
  markApplying(actionId: string, before: FileGovernanceState): void {
    this.update(actionId, 'applying', { before, reason: null });
  }

  markApplied(actionId: string, after: FileGovernanceState, o: { undoable: boolean; reason?: string | null }): void {
    this.update(actionId, 'applied', { after, undoable: o.undoable, reason: o.reason ?? null });
  }

  markSkipped(actionId: string, reason: string, before: FileGovernanceState | null): void {
    this.update(actionId, 'skipped', { before, reason });
  }

  /** A change that was not made after all (its run paused before it): planned again. */
  markPlanned(actionId: string): void {
    this.update(actionId, 'planned', { before: null, reason: null });
  }

  /** Still `applying`: whether Box made the change is not known yet; the reason says why. */
  markUnsettled(actionId: string, reason: string): void {
    this.update(actionId, 'applying', { reason });
  }

  markFailed(actionId: string, reason: string): void {
    this.update(actionId, 'failed', { reason });
  }

  markUndone(actionId: string, undoneBy: string): void {
    this.db
      .prepare(`UPDATE entries SET state = 'undone', undone_by = ?, undoable = 0 WHERE action_id = ?`)
      .run(undoneBy, actionId);
  }

  private update(
    actionId: string,
    state: EntryState,
    o: { before?: FileGovernanceState | null; after?: FileGovernanceState; reason?: string | null; undoable?: boolean },
  ): void {
    this.db
      .prepare(
        `UPDATE entries SET state = ?, at = ?, before = CASE WHEN ? THEN ? ELSE before END, after = coalesce(?, after),
           reason = CASE WHEN ? THEN ? ELSE reason END, undoable = coalesce(?, undoable) WHERE action_id = ?`,
      )
      .run(
        state,
        new Date().toISOString(),
        o.before !== undefined ? 1 : 0,
        o.before ? JSON.stringify(o.before) : null,
        o.after ? JSON.stringify(o.after) : null,
        o.reason !== undefined ? 1 : 0,
        o.reason ?? null,
        o.undoable === undefined ? null : o.undoable ? 1 : 0,
        actionId,
      );
  }

  /** Changes this policy's automatic action made in the last hour (the cap's state). */
  automaticInLastHour(policyId: string, actionName: string, now = Date.now()): number {
    this.db.prepare('DELETE FROM auto_changes WHERE at_ms <= ?').run(now - 3_600_000);
    const row = this.db
      .prepare('SELECT count(*) AS n FROM auto_changes WHERE policy_id = ? AND action_name = ? AND at_ms > ?')
      .get(policyId, actionName, now - 3_600_000) as { n: number };
    return row.n;
  }

  recordAutomatic(policyId: string, actionName: string, now = Date.now()): void {
    this.db
      .prepare('INSERT INTO auto_changes(policy_id, action_name, at_ms) VALUES (?, ?, ?)')
      .run(policyId, actionName, now);
  }
}

function toChange(r: EntryRow): PlannedChange {
  return {
    fileId: r.file_id,
    name: r.file_name,
    path: r.path,
    ownerLogin: r.owner_login,
    action: JSON.parse(r.action) as ActionSpec,
    change: r.change,
  };
}

function toEntry(r: EntryRow): AuditEntry {
  return {
    actionId: r.action_id,
    runId: r.run_id,
    policyId: r.policy_id,
    fileId: r.file_id,
    fileName: r.file_name,
    action: JSON.parse(r.action) as ActionSpec,
    state: r.state,
    by: r.by,
    at: r.at,
    before: json<FileGovernanceState>(r.before),
    after: json<FileGovernanceState>(r.after),
    reason: r.reason,
    undoneBy: r.undone_by,
    undoable: r.undoable === 1,
  };
}
