/**
 * Migration 2 of governance.sqlite: an index on `entries.undoes`, so "is this change already in
 * an undo not finished?" (asked before every undo starts) finds the undo entries without a
 * scan of the whole log. Frozen.
 */
import type { Database } from 'better-sqlite3';

export function up(db: Database): void {
  db.exec('CREATE INDEX entries_undoes ON entries(undoes)');
}
