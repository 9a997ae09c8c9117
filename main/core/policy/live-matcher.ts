/**
 * Live matching: every file the scan writes is checked against every policy. A trigger queues
 * a changed file in policy_dirty (migration 8); this drains it in batches on the core's
 * thread (each batch a few ms, at most every 250 ms while nothing waits, back to back while a
 * backlog lasts), keeps policy_matches, emits the live counts (at most 4 a second) and the new
 * alerts (batched, with one OS notification per burst: alert-outbox.ts). Every read is a bounded .all() on the store's write connection: an
 * open iterator there would make every engine write throw "connection is busy".
 * A policy saved or imported is evaluated over every file in chunks (its baseline: counted,
 * marked seen, no alert); a policy on a relative date is evaluated again daily.
 */
import type { Database } from 'better-sqlite3';
import { compileFilter, type FileMatcher } from '../../../common/policy/match';
import type { Policy, PolicyAlert } from '../../../common/policy/types';
import type { PolicyEventPayloads } from '../../../common/bridge/policy-calls';
import { cached } from '../scan/store/statements';
import { AlertOutbox } from './alert-outbox';
import { insertAlert, matchCounts, trimAlerts } from './alerts';
import { awaitsFirstScan, FACT_COLUMNS, factsOf, type FactsRow } from './file-facts';

export interface MatcherHooks {
  emitMatches(payload: PolicyEventPayloads['policyMatches']): void;
  /** The alerts since the last call, at most 10 times a second. */
  emitAlerts(payload: PolicyEventPayloads['policyAlerts']): void;
  /** An OS notification, one per burst of alerts (the desktop app shows it only when no window is focused). */
  notify?(title: string, body: string): void;
  /** Automatic actions: the runner's hook, called with each batch of new matches. */
  onNewMatches?(policy: Policy, fileIds: string[]): void;
}

export interface LiveMatcherOptions extends MatcherHooks {
  /** The scan store's write connection (null: no store open). */
  db(): Database | null;
  policies(): Policy[];
  now?(): number;
  intervalMs?: number;
  batchSize?: number;
  /** How long one turn may drain back to back before yielding (ms). */
  budgetMs?: number;
}

interface Compiled {
  policy: Policy;
  test: FileMatcher;
}

type DirtyRow = Partial<FactsRow> & { dirty_seq: number; dirty_id: string };

const DIRTY_SQL = `SELECT p.seq AS dirty_seq, p.file_id AS dirty_id, ${FACT_COLUMNS}
  FROM policy_dirty p LEFT JOIN files f ON f.id = p.file_id LEFT JOIN folders d ON d.id = f.folder_id ORDER BY p.seq LIMIT ?`;
const CHUNK_SQL = `SELECT f.rowid AS row, ${FACT_COLUMNS} FROM files f LEFT JOIN folders d ON d.id = f.folder_id
  WHERE f.rowid > ? ORDER BY f.rowid LIMIT ?`;
const DAY_MS = 86_400_000;
const RECOMPILE_MS = 3_600_000;

export class LiveMatcher {
  private compiled: Compiled[] = [];
  private counts = new Map<string, { matches: number; newMatches: number }>();
  private timer: { cancel(): void } | null = null;
  private running = false;
  private compiledAt = 0;
  private lastEmit = 0;
  private emitTimer: NodeJS.Timeout | null = null;
  private readonly evaluations = new Map<string, { cancelled: boolean }>();
  private readonly lastFullEvaluation = new Map<string, number>();
  private readonly outbox: AlertOutbox;
  private readonly now: () => number;
  /** Time spent matching on the core's thread (ms), for the bench. */
  busyMs = 0;
  private lastProblem: string | null = null;

  constructor(private readonly o: LiveMatcherOptions) {
    this.now = o.now ?? Date.now;
    this.outbox = new AlertOutbox({ emit: (payload) => o.emitAlerts(payload), notify: o.notify });
  }

  /** Whether a burst's OS notification is still gathering. */
  get notificationPending(): boolean {
    return this.outbox.notificationPending;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.reload();
    this.schedule(0);
  }

  stop(): void {
    this.running = false;
    for (const e of this.evaluations.values()) e.cancelled = true;
    this.evaluations.clear();
    this.clearTimer();
    if (this.emitTimer) clearTimeout(this.emitTimer);
    this.emitTimer = null;
    this.outbox.stop();
  }

  /** Policies changed on disk: compile them again and take the counts from the table. */
  reload(): void {
    const now = this.now();
    this.compiled = this.o.policies().map((policy) => ({ policy, test: compileFilter(policy.filter, now) }));
    this.compiledAt = now;
    const db = this.o.db();
    if (db) this.counts = matchCounts(db);
    this.emitSoon();
  }

  countsOf(policyId: string): { matches: number; newMatches: number } {
    return this.counts.get(policyId) ?? { matches: 0, newMatches: 0 };
  }

  /** The admin looked: the policy's new matches are seen (the table was updated by the caller). */
  seen(policyId: string): void {
    const c = this.counts.get(policyId);
    if (c) c.newMatches = 0;
    this.emitSoon();
  }

  forget(policyId: string): void {
    const e = this.evaluations.get(policyId);
    if (e) e.cancelled = true;
    this.counts.delete(policyId);
    this.reload();
  }

  private clearTimer(): void {
    this.timer?.cancel();
    this.timer = null;
  }

  private schedule(delayMs: number): void {
    if (!this.running) return;
    this.clearTimer();
    const run = () => {
      this.timer = null;
      this.turn();
    };
    if (delayMs === 0) {
      const i = setImmediate(run);
      this.timer = { cancel: () => clearImmediate(i) };
    } else {
      const t = setTimeout(run, delayMs).unref();
      this.timer = { cancel: () => clearTimeout(t) };
    }
  }

  /** One turn: batches back to back within the budget; then soon again if more wait, else after the interval. */
  private turn(): void {
    const db = this.o.db();
    let more = false;
    if (db) {
      try {
        this.maybeRecompile(db);
        const started = performance.now();
        const size = this.o.batchSize ?? 200;
        const budget = this.o.budgetMs ?? 4;
        do more = this.drainBatch(db, size) === size;
        while (more && performance.now() - started < budget);
        this.busyMs += performance.now() - started;
      } catch (e) {
        // A closed store mid-turn (the app quitting) or a failed batch (rolled back, its files
        // still dirty): said once, tried again next turn; a timer's throw would end the core.
        const message = e instanceof Error ? e.message : String(e);
        if (message !== this.lastProblem) process.stderr.write(`policy matcher: ${message}\n`);
        this.lastProblem = message;
      }
    }
    this.schedule(more ? 0 : (this.o.intervalMs ?? 250));
  }

  private maybeRecompile(db: Database): void {
    const now = this.now();
    if (now - this.compiledAt < RECOMPILE_MS) return;
    this.compiled = this.compiled.map((c) => ({ policy: c.policy, test: compileFilter(c.policy.filter, now) }));
    this.compiledAt = now;
    for (const c of this.compiled) {
      const relative = c.policy.filter.modified?.olderThanDays !== undefined;
      if (relative && now - (this.lastFullEvaluation.get(c.policy.id) ?? now) >= DAY_MS)
        void this.evaluateAll(c.policy.id, { baseline: false, db });
    }
  }

  /** Evaluates the oldest dirty files against every policy; returns how many were taken. */
  drainBatch(db: Database, size: number): number {
    const rows = cached<DirtyRow>(db, DIRTY_SQL).all(size);
    if (rows.length === 0) return 0;
    const fresh: Array<{ c: Compiled; fileId: string; fileName: string }> = [];
    const alerts: PolicyAlert[] = [];
    db.transaction(() => {
      for (const r of rows) this.applyFile(db, r, fresh);
      cached(db, 'DELETE FROM policy_dirty WHERE seq <= ?').run(rows[rows.length - 1]!.dirty_seq);
      const at = this.now();
      for (const n of fresh) {
        if (n.c.policy.alerts === false) continue;
        const policy = n.c.policy;
        alerts.push(
          insertAlert(db, { policyId: policy.id, policyName: policy.name, fileId: n.fileId, fileName: n.fileName, at }),
        );
      }
      if (alerts.length > 0) trimAlerts(db);
    })();
    this.announce(fresh, alerts);
    return rows.length;
  }

  /** One file against every policy: matches added or removed, counts kept. */
  private applyFile(db: Database, r: DirtyRow, fresh: Array<{ c: Compiled; fileId: string; fileName: string }>): void {
    const facts = r.id ? factsOf(r as FactsRow) : null;
    const gone = !facts || facts.status === 'gone';
    const had = new Map(
      cached<{ policy_id: string; seen: number }>(db, 'SELECT policy_id, seen FROM policy_matches WHERE file_id = ?')
        .all(r.dirty_id)
        .map((m) => [m.policy_id, m.seen]),
    );
    const at = this.now();
    for (const c of this.compiled) {
      const id = c.policy.id;
      const matches = !gone && c.test(facts);
      const seen = had.get(id);
      if (matches && seen === undefined) {
        cached(db, 'INSERT INTO policy_matches(policy_id, file_id, matched_at, seen) VALUES (?, ?, ?, 0)').run(
          id,
          r.dirty_id,
          at,
        );
        this.bump(id, 1, 1);
        fresh.push({ c, fileId: r.dirty_id, fileName: facts?.name ?? '' });
      } else if (!matches && seen !== undefined) {
        cached(db, 'DELETE FROM policy_matches WHERE policy_id = ? AND file_id = ?').run(id, r.dirty_id);
        this.bump(id, -1, seen === 0 ? -1 : 0);
      }
    }
  }

  private bump(policyId: string, matches: number, newMatches: number): void {
    const c = this.counts.get(policyId) ?? { matches: 0, newMatches: 0 };
    c.matches += matches;
    c.newMatches += newMatches;
    this.counts.set(policyId, c);
  }

  /** After the batch committed: the alerts out, the runner's hook, the counts soon. */
  private announce(fresh: Array<{ c: Compiled; fileId: string; fileName: string }>, alerts: PolicyAlert[]): void {
    this.outbox.add(alerts);
    if (fresh.length === 0) return this.emitSoon();
    const byPolicy = new Map<Compiled, string[]>();
    for (const n of fresh) byPolicy.set(n.c, [...(byPolicy.get(n.c) ?? []), n.fileId]);
    if (this.o.onNewMatches) for (const [c, ids] of byPolicy) this.o.onNewMatches(c.policy, ids);
    this.emitSoon();
  }

  private emitSoon(): void {
    if (this.emitTimer) return;
    const wait = Math.max(0, 250 - (this.now() - this.lastEmit));
    this.emitTimer = setTimeout(() => {
      this.emitTimer = null;
      this.lastEmit = this.now();
      const counts = this.compiled.map((c) => ({ policyId: c.policy.id, ...this.countsOf(c.policy.id) }));
      this.o.emitMatches({ counts });
    }, wait).unref();
  }

  /**
   * Every file against one policy, in chunks with a turn of the event loop between. `baseline`
   * (a policy just saved): its matches are marked seen and raise no alert. Each file visited is
   * evaluated again on its own (added or removed), and nothing it did not visit is deleted: the
   * live matcher's writes between two chunks stay (a file changed after its visit is dirty, and
   * the live matcher judges it with this policy too). Returns the policy's matches after.
   */
  async evaluateAll(policyId: string, o: { baseline: boolean; db?: Database; chunk?: number }): Promise<number> {
    const db = o.db ?? this.o.db();
    const c = this.compiled.find((x) => x.policy.id === policyId);
    if (!db || !c) return 0;
    const prior = this.evaluations.get(policyId);
    if (prior) prior.cancelled = true;
    const token = { cancelled: false };
    this.evaluations.set(policyId, token);
    const size = o.chunk ?? 1000;
    for (let after = 0; ;) {
      const rows = cached<FactsRow & { row: number }>(db, CHUNK_SQL).all(after, size);
      if (token.cancelled) return -1;
      this.evaluateChunk(db, c, rows, o.baseline);
      if (rows.length < size) break;
      after = rows[rows.length - 1]!.row;
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (token.cancelled) return -1;
    }
    dropOrphans(db, policyId);
    this.evaluations.delete(policyId);
    this.lastFullEvaluation.set(policyId, this.now());
    this.counts = matchCounts(db);
    this.emitSoon();
    return this.countsOf(policyId).matches;
  }

  private evaluateChunk(db: Database, c: Compiled, rows: FactsRow[], baseline: boolean): void {
    const fresh: Array<{ c: Compiled; fileId: string; fileName: string }> = [];
    const alerts: PolicyAlert[] = [];
    const at = this.now();
    const add = cached(
      db,
      'INSERT INTO policy_matches(policy_id, file_id, matched_at, seen) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
    );
    const drop = cached(db, 'DELETE FROM policy_matches WHERE policy_id = ? AND file_id = ?');
    db.transaction(() => {
      for (const r of rows) {
        const facts = awaitsFirstScan(r) ? null : factsOf(r);
        if (!facts || facts.status === 'gone' || !c.test(facts)) {
          drop.run(c.policy.id, r.id);
          continue;
        }
        const added = add.run(c.policy.id, r.id, at, baseline ? 1 : 0).changes;
        if (added && !baseline) fresh.push({ c, fileId: r.id, fileName: r.name });
      }
      if (c.policy.alerts !== false)
        for (const n of fresh)
          alerts.push(
            insertAlert(db, {
              policyId: c.policy.id,
              policyName: c.policy.name,
              fileId: n.fileId,
              fileName: n.fileName,
              at,
            }),
          );
    })();
    if (fresh.length > 0) this.announce(fresh, alerts);
  }
}

/** Matches whose file is no longer in the store at all (read in pages: no open iterator). */
function dropOrphans(db: Database, policyId: string): void {
  const page = cached<{ file_id: string; known: number }>(
    db,
    `SELECT m.file_id, EXISTS (SELECT 1 FROM files f WHERE f.id = m.file_id) AS known FROM policy_matches m
      WHERE m.policy_id = ? AND m.file_id > ? ORDER BY m.file_id LIMIT 1000`,
  );
  const drop = cached(db, 'DELETE FROM policy_matches WHERE policy_id = ? AND file_id = ?');
  for (let after = ''; ;) {
    const rows = page.all(policyId, after);
    const orphans = rows.filter((r) => r.known === 0);
    if (orphans.length > 0) db.transaction(() => orphans.forEach((r) => drop.run(policyId, r.file_id)))();
    if (rows.length < 1000) return;
    after = rows[rows.length - 1]!.file_id;
  }
}
