/**
 * Migration 3 of governance.sqlite: what the app remembers of the admin quarantine (it was a
 * JSON file the app and the CLI each rewrote whole, so one could drop the other's record):
 * the quarantine folder per admin, and per quarantined file where it came from, its note and
 * its own folder in the quarantine. Only Box ids and a folder path. Frozen: a later change is a
 * new migration.
 */
import type { Database } from 'better-sqlite3';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE quarantine_folders(admin_id TEXT PRIMARY KEY, folder_id TEXT NOT NULL);
    CREATE TABLE quarantined_files(file_id TEXT PRIMARY KEY, parent_id TEXT NOT NULL, parent_path TEXT NOT NULL,
      owner_id TEXT NOT NULL, note_id TEXT NOT NULL, folder_id TEXT);
  `);
}
