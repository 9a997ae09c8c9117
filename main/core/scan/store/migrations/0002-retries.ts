/**
 * Migration 2: bounded retries and the indexes behind the task picker.
 * - `attempts` / `last_error` on users, folders and files: how often the item failed in a row
 *   and why (reset when it succeeds), so an item that fails forever is given up after N tries.
 * - users_roots: the next user whose root is still to list, in order, without reading the
 *   users table (20,000 users made every pick a full read and sort).
 * - failed folders and files, and given-up users, for the summary's list of what failed.
 */
import type { Database } from 'better-sqlite3';
import { FileState, FolderState } from '../../../../../common/scan/states';

export function up(db: Database): void {
  for (const table of ['users', 'folders', 'files']) {
    db.exec(`ALTER TABLE ${table} ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0`);
    db.exec(`ALTER TABLE ${table} ADD COLUMN last_error TEXT`);
  }
  db.exec(`
    CREATE INDEX users_roots ON users(seq) WHERE reachable = 1 AND root_done = 0;
    CREATE INDEX users_given_up ON users(seq) WHERE reachable = 0 AND last_error IS NOT NULL;
    CREATE INDEX folders_failed ON folders(seq) WHERE state = ${FolderState.failed};
    CREATE INDEX files_failed ON files(seq) WHERE state = ${FileState.failed};
  `);
}
