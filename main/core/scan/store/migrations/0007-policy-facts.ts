/**
 * Migration 7: the facts a policy filters on that the store lacked (issue 17): each file's
 * `modified_at` (Box's, as an ISO time, from the listing) and the owners' Box groups
 * (`user_groups`, one row per membership, read by the scan's directory step). Files stored
 * before have no modified date until they are listed again (a rescan); a filter on the date
 * does not match them meanwhile.
 * Frozen: a later change is a new migration, never an edit here.
 */
import type { Database } from 'better-sqlite3';

export function up(db: Database): void {
  db.exec(`
    ALTER TABLE files ADD COLUMN modified_at TEXT;
    CREATE TABLE user_groups(user_id TEXT NOT NULL, group_id TEXT NOT NULL, group_name TEXT NOT NULL,
      PRIMARY KEY(user_id, group_id)) WITHOUT ROWID;
  `);
}
