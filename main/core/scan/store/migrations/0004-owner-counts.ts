/**
 * Migration 4: files per owner and state, kept by triggers, for the dashboard's coverage per
 * user. Counting them meant a GROUP BY over every file (350 ms at 1,000,000 files, every 2 s
 * while the dashboard is open, on the core's thread); now it reads one row per user.
 * Files with no owner are not counted (coverage joins owners to users, and NULL joins nothing).
 */
import type { Database } from 'better-sqlite3';
import { FileState } from '../../../../../common/scan/states';

const COLUMNS = 'files, scanned, failed, not_scanned, queued';

/** The SET list adding (`+`) or removing (`-`) one files row (`NEW` or `OLD`). */
function ownerDelta(row: 'NEW' | 'OLD', sign: '+' | '-'): string {
  return `files = files ${sign} 1, scanned = scanned ${sign} (${row}.state = ${FileState.done}), failed = failed ${sign} (${row}.state = ${FileState.failed}),
    not_scanned = not_scanned ${sign} (${row}.state IN (${FileState.notScanned}, ${FileState.gone})), queued = queued ${sign} (${row}.state = ${FileState.queued})`;
}

/** The same counts from the files table, row by row (the fill, and what doctor compares with). */
export const OWNER_COUNTS_FROM_FILES = `SELECT owner_id, COUNT(*) files, SUM(state = ${FileState.done}) scanned, SUM(state = ${FileState.failed}) failed,
  SUM(state IN (${FileState.notScanned}, ${FileState.gone})) not_scanned, SUM(state = ${FileState.queued}) queued
  FROM files WHERE owner_id IS NOT NULL GROUP BY owner_id`;

/**
 * The owner's row, made when missing. Not INSERT OR IGNORE: inside a trigger, the outer
 * statement's conflict policy (an upsert's, a REPLACE's) overrides the trigger's own.
 */
const ensureOwner =
  'INSERT INTO owner_counts(owner_id) SELECT NEW.owner_id WHERE NEW.owner_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM owner_counts WHERE owner_id = NEW.owner_id);';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE owner_counts(owner_id TEXT PRIMARY KEY, files INTEGER NOT NULL DEFAULT 0, scanned INTEGER NOT NULL DEFAULT 0,
      failed INTEGER NOT NULL DEFAULT 0, not_scanned INTEGER NOT NULL DEFAULT 0, queued INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
    INSERT INTO owner_counts(owner_id, ${COLUMNS}) ${OWNER_COUNTS_FROM_FILES};
    CREATE TRIGGER files_owner_insert AFTER INSERT ON files WHEN NEW.owner_id IS NOT NULL BEGIN
      ${ensureOwner}
      UPDATE owner_counts SET ${ownerDelta('NEW', '+')} WHERE owner_id = NEW.owner_id;
    END;
    CREATE TRIGGER files_owner_delete AFTER DELETE ON files WHEN OLD.owner_id IS NOT NULL BEGIN
      UPDATE owner_counts SET ${ownerDelta('OLD', '-')} WHERE owner_id = OLD.owner_id;
    END;
    CREATE TRIGGER files_owner_update AFTER UPDATE OF state, owner_id ON files WHEN OLD.state IS NOT NEW.state OR OLD.owner_id IS NOT NEW.owner_id BEGIN
      UPDATE owner_counts SET ${ownerDelta('OLD', '-')} WHERE owner_id = OLD.owner_id;
      ${ensureOwner}
      UPDATE owner_counts SET ${ownerDelta('NEW', '+')} WHERE owner_id = NEW.owner_id;
    END;
  `);
}
