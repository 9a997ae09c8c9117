/**
 * Seeding a scan store at scale with SQL (thousands of users, a million files in seconds) and
 * counting its rows the slow way, for the store's scale and counter tests and benches.
 */
import Database from 'better-sqlite3';
import { FileState } from '../../common/scan/states';
import type { StoreCounts } from '../../main/core/scan/store/scan-store';
import { openRawScanDb } from './raw-scan-db';

/** Users u0.. (every tenth root still to list), folders d0.. and files spread over all states. */
export function seedScale(path: string, n: { users: number; files: number; folders?: number }): void {
  const db = openRawScanDb(path);
  const folders = n.folders ?? Math.max(1, Math.floor(n.files / 100));
  const states = [
    FileState.queued,
    FileState.done,
    FileState.done,
    FileState.done,
    FileState.failed,
    FileState.notScanned,
  ];
  db.transaction(() => {
    const u = db.prepare(
      'INSERT INTO users(id, login, name, role, reachable, reason, self, root_done, seq) VALUES (?, ?, ?, ?, 1, NULL, 0, ?, ?)',
    );
    for (let i = 0; i < n.users; i++) u.run(`u${i}`, `u${i}@example.com`, `User ${i}`, 'user', i % 10 === 0 ? 0 : 1, i);
    const d = db.prepare(
      "INSERT INTO folders(id, name, path, parent_id, owner_id, as_user, state, seq) VALUES (?, ?, ?, '0', 'u1', 'u1', 1, ?)",
    );
    for (let i = 0; i < folders; i++) d.run(`d${i}`, `Folder ${i}`, `/Folder ${i}`, i);
    const f = db.prepare(
      "INSERT INTO files(id, name, ext, folder_id, owner_id, state, priority, seq, inspect) VALUES (?, ?, 'txt', ?, 'u1', ?, 1, ?, ?)",
    );
    for (let i = 0; i < n.files; i++) {
      const state = states[i % states.length]!;
      f.run(`f${i}`, `file ${i}.txt`, `d${i % folders}`, state, i, state === FileState.done && i % 7 === 0 ? 1 : 0);
    }
  })();
  db.close();
}

/** The counts by COUNT(*), on a connection of its own. */
export function countAll(path: string): StoreCounts {
  const db = new Database(path, { readonly: true });
  const one = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  try {
    return {
      users: one('SELECT COUNT(*) n FROM users'),
      reachable: one('SELECT COUNT(*) n FROM users WHERE reachable = 1'),
      folders: one('SELECT COUNT(*) n FROM folders'),
      listed: one('SELECT COUNT(*) n FROM folders WHERE state = 1'),
      files: one('SELECT COUNT(*) n FROM files'),
      queued: one('SELECT COUNT(*) n FROM files WHERE state = 0'),
      done: one('SELECT COUNT(*) n FROM files WHERE state = 1'),
      failed: one('SELECT COUNT(*) n FROM files WHERE state = 2'),
      notScanned: one('SELECT COUNT(*) n FROM files WHERE state IN (3, 4)'),
      inspectionPending: one('SELECT COUNT(*) n FROM files WHERE inspect = 1'),
      events: one('SELECT COUNT(*) n FROM events'),
      backfillEvents: one("SELECT COUNT(*) n FROM events WHERE source = 'backfill'"),
    };
  } finally {
    db.close();
  }
}

/** Files per owner who is a user, by GROUP BY (what the per-owner counters must equal). */
export function ownersFromFiles(
  path: string,
): Record<string, { files: number; scanned: number; failed: number; notScanned: number; queued: number }> {
  const db = new Database(path, { readonly: true });
  try {
    const rows = db
      .prepare(
        `SELECT owner_id, COUNT(*) files, SUM(state = 1) scanned, SUM(state = 2) failed, SUM(state IN (3, 4)) notScanned, SUM(state = 0) queued
      FROM files WHERE owner_id IN (SELECT id FROM users) GROUP BY owner_id`,
      )
      .all() as Array<{
      owner_id: string;
      files: number;
      scanned: number;
      failed: number;
      notScanned: number;
      queued: number;
    }>;
    return Object.fromEntries(rows.map(({ owner_id, ...c }) => [owner_id, c]));
  } finally {
    db.close();
  }
}
