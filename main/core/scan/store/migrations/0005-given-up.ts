/**
 * Migration 5: files "not scanned" because their folder was given up are marked so (given_up),
 * so that listing the folder again, or a rescan, queues them again; without the mark they kept
 * "folder … could not be listed" for good. A store from before has them by their reason.
 * files_given_up: a folder's page finds its given-up files without walking all its files.
 */
import type { Database } from 'better-sqlite3';
import { FileState } from '../../../../../common/scan/states';

export function up(db: Database): void {
  db.exec(`
    ALTER TABLE files ADD COLUMN given_up INTEGER NOT NULL DEFAULT 0;
    UPDATE files SET given_up = 1 WHERE state = ${FileState.notScanned} AND reason LIKE 'folder % could not be listed: %';
    CREATE INDEX files_given_up ON files(folder_id) WHERE given_up = 1;
  `);
}
