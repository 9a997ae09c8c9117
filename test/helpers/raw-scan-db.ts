/**
 * A writable SQLite connection on a scan store's file, for tests and benches that seed rows
 * with SQL (the store's own writer is private). The store is opened once first so the file has
 * the current schema (migrations run); WAL lets the seeding connection and a store share it.
 */
import Database from 'better-sqlite3';
import { ScanStore } from '../../main/core/scan/store/scan-store';

export function openRawScanDb(path: string): Database.Database {
  new ScanStore(path).close();
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  return db;
}
