/**
 * Migration 1 of governance.sqlite: action runs, their entries (the audit log: one row per file
 * and run; an undo run's entry names the entry it undoes in `undoes`), the process applying a run (so a run another live process applies is not taken for
 * interrupted), and the automatic actions' rolling-hour cap. Frozen: a later change is a new
 * migration, never an edit here.
 */
import type { Database } from 'better-sqlite3';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE runs(run_id TEXT PRIMARY KEY, seq INTEGER NOT NULL, policy_id TEXT NOT NULL, policy_name TEXT NOT NULL,
      action TEXT NOT NULL, state TEXT NOT NULL, undo_of TEXT, automatic INTEGER NOT NULL DEFAULT 0, by TEXT NOT NULL,
      created_at TEXT NOT NULL, confirmed_at TEXT, finished_at TEXT, per_second REAL NOT NULL DEFAULT 0,
      applier_pid INTEGER);
    CREATE INDEX runs_seq ON runs(seq);
    CREATE TABLE entries(action_id TEXT PRIMARY KEY, run_id TEXT NOT NULL REFERENCES runs(run_id), seq INTEGER NOT NULL,
      policy_id TEXT NOT NULL, file_id TEXT NOT NULL, file_name TEXT NOT NULL, path TEXT NOT NULL, owner_login TEXT NOT NULL,
      change TEXT NOT NULL, action TEXT NOT NULL, state TEXT NOT NULL, by TEXT NOT NULL, at TEXT NOT NULL,
      before TEXT, after TEXT, reason TEXT, undone_by TEXT, undoable INTEGER NOT NULL DEFAULT 0, undoes TEXT);
    CREATE INDEX entries_run ON entries(run_id, seq);
    CREATE INDEX entries_seq ON entries(seq);
    CREATE TABLE auto_changes(policy_id TEXT NOT NULL, action_name TEXT NOT NULL, at_ms INTEGER NOT NULL);
    CREATE INDEX auto_changes_at ON auto_changes(policy_id, action_name, at_ms);
  `);
}
