/**
 * The in-app alert list and the matches' "seen" marks, in scan.sqlite (migration 8). An alert
 * holds names and ids only, never a matched value. The newest 10,000 alerts are kept.
 */
import type { Database } from 'better-sqlite3';
import type { PolicyAlert } from '../../../common/policy/types';
import { cached } from '../scan/store/statements';

const KEEP_ALERTS = 10_000;

interface AlertRow {
  seq: number;
  policy_id: string;
  policy_name: string;
  file_id: string;
  file_name: string;
  at: number;
  seen: number;
}

export function alertOf(r: AlertRow): PolicyAlert {
  return {
    alertId: String(r.seq),
    policyId: r.policy_id,
    policyName: r.policy_name,
    fileId: r.file_id,
    fileName: r.file_name,
    at: new Date(r.at).toISOString(),
    seen: r.seen === 1,
  };
}

export interface NewAlert {
  policyId: string;
  policyName: string;
  fileId: string;
  fileName: string;
  at: number;
}

/** Stores one alert and returns it as the bridge carries it. */
export function insertAlert(db: Database, a: NewAlert): PolicyAlert {
  const row = cached<AlertRow>(
    db,
    'INSERT INTO policy_alerts(policy_id, policy_name, file_id, file_name, at) VALUES (?, ?, ?, ?, ?) RETURNING *',
  ).get(a.policyId, a.policyName, a.fileId, a.fileName, a.at)!;
  return alertOf(row);
}

export function trimAlerts(db: Database): void {
  cached(db, 'DELETE FROM policy_alerts WHERE seq <= (SELECT MAX(seq) FROM policy_alerts) - ?').run(KEEP_ALERTS);
}

export function listAlerts(
  db: Database,
  q: { unseenOnly?: boolean; offset: number; limit: number },
): { total: number; unseen: number; entries: PolicyAlert[] } {
  const counts = cached<{ total: number; unseen: number | null }>(
    db,
    'SELECT COUNT(*) total, SUM(seen = 0) unseen FROM policy_alerts',
  ).get()!;
  const where = q.unseenOnly ? 'WHERE seen = 0' : '';
  const rows = cached<AlertRow>(db, `SELECT * FROM policy_alerts ${where} ORDER BY seq DESC LIMIT ? OFFSET ?`).all(
    q.limit,
    q.offset,
  );
  const unseen = counts.unseen ?? 0;
  return { total: q.unseenOnly ? unseen : counts.total, unseen, entries: rows.map(alertOf) };
}

/** The admin looked at a policy: its matches and alerts are no longer new. */
export function markSeen(db: Database, policyId: string): void {
  db.transaction(() => {
    cached(db, 'UPDATE policy_matches SET seen = 1 WHERE policy_id = ? AND seen = 0').run(policyId);
    cached(db, 'UPDATE policy_alerts SET seen = 1 WHERE policy_id = ? AND seen = 0').run(policyId);
  })();
}

/** A removed policy leaves no match and no alert behind. */
export function forgetPolicy(db: Database, policyId: string): void {
  db.transaction(() => {
    cached(db, 'DELETE FROM policy_matches WHERE policy_id = ?').run(policyId);
    cached(db, 'DELETE FROM policy_alerts WHERE policy_id = ?').run(policyId);
  })();
}

export function matchCounts(db: Database): Map<string, { matches: number; newMatches: number }> {
  const rows = cached<{ policy_id: string; n: number; fresh: number }>(
    db,
    'SELECT policy_id, COUNT(*) n, SUM(seen = 0) fresh FROM policy_matches GROUP BY policy_id',
  ).all();
  return new Map(rows.map((r) => [r.policy_id, { matches: r.n, newMatches: r.fresh }]));
}
