/**
 * Migration 8: live policy matching (issue 17). A trigger on files queues a file in
 * `policy_dirty` whenever a column a policy filter reads changes (or the file is added or
 * removed), except while it is queued: policies check scan results, and a file queued again
 * keeps its last result until the next one is written (discovery adds no work). The matcher drains it in batches, first in first out (`seq`), and keeps
 * `policy_matches` (one row per policy and matching file; `seen` = the admin has looked since
 * it matched) and `policy_alerts` (the in-app list of new matches, names only: never a value).
 * No policy exists before this version, so nothing is queued here: a policy saved later is
 * evaluated over every file when it is saved.
 * Frozen: a later change is a new migration, never an edit here.
 */
import type { Database } from 'better-sqlite3';
import { FileState } from '../../../../../common/scan/states';

/** The files columns a filter (or what a match shows) reads. */
const WATCHED =
  'name, ext, folder_id, owner_id, owner_login, size, modified_at, state, access_level, ext_collaborators, inspection, findings';

/** Queued once: not INSERT OR IGNORE (inside a trigger, the outer upsert's conflict policy wins; see migration 4). */
const queue = (row: 'NEW' | 'OLD') =>
  `INSERT INTO policy_dirty(file_id) SELECT ${row}.id WHERE NOT EXISTS (SELECT 1 FROM policy_dirty WHERE file_id = ${row}.id);`;

export function up(db: Database): void {
  const changed = WATCHED.split(', ')
    .map((c) => `OLD.${c} IS NOT NEW.${c}`)
    .join(' OR ');
  db.exec(`
    CREATE TABLE policy_dirty(seq INTEGER PRIMARY KEY, file_id TEXT NOT NULL UNIQUE);
    CREATE TABLE policy_matches(policy_id TEXT NOT NULL, file_id TEXT NOT NULL, matched_at INTEGER NOT NULL,
      seen INTEGER NOT NULL DEFAULT 0, PRIMARY KEY(policy_id, file_id)) WITHOUT ROWID;
    CREATE INDEX policy_matches_file ON policy_matches(file_id);
    CREATE TABLE policy_alerts(seq INTEGER PRIMARY KEY AUTOINCREMENT, policy_id TEXT NOT NULL, policy_name TEXT NOT NULL,
      file_id TEXT NOT NULL, file_name TEXT NOT NULL, at INTEGER NOT NULL, seen INTEGER NOT NULL DEFAULT 0);
    CREATE INDEX policy_alerts_policy ON policy_alerts(policy_id) WHERE seen = 0;
    CREATE TRIGGER files_policy_insert AFTER INSERT ON files WHEN NEW.state != ${FileState.queued} BEGIN ${queue('NEW')} END;
    CREATE TRIGGER files_policy_delete AFTER DELETE ON files BEGIN ${queue('OLD')} END;
    CREATE TRIGGER files_policy_update AFTER UPDATE OF ${WATCHED} ON files
      WHEN NEW.state != ${FileState.queued} AND (${changed}) BEGIN ${queue('NEW')} END;
  `);
}
