/**
 * Migration 1: the schema of the last release (before numbered migrations). It is written with
 * IF NOT EXISTS and adds the two columns that release itself added later, so it also brings an
 * existing scan.sqlite (user_version 0, tables present) to version 1 without losing a row.
 * Frozen: a later change is a new migration, never an edit here.
 */
import type { Database } from 'better-sqlite3';
import { FileState } from '../../../../../common/scan/states';

const SCHEMA_V1 = `
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS users(id TEXT PRIMARY KEY, login TEXT, name TEXT, role TEXT, reachable INTEGER NOT NULL, reason TEXT, self INTEGER NOT NULL DEFAULT 0, root_done INTEGER NOT NULL DEFAULT 0, seq INTEGER);
CREATE TABLE IF NOT EXISTS folders(id TEXT PRIMARY KEY, name TEXT, path TEXT, parent_id TEXT, owner_id TEXT, as_user TEXT, has_collabs INTEGER NOT NULL DEFAULT 0,
  collab_ext TEXT, collab_int INTEGER NOT NULL DEFAULT 0, collab_known INTEGER NOT NULL DEFAULT 0,
  state INTEGER NOT NULL DEFAULT 0, marker TEXT, seq INTEGER NOT NULL, items INTEGER NOT NULL DEFAULT 0, pages INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS folders_pending ON folders(state, seq);
CREATE INDEX IF NOT EXISTS folders_parent ON folders(parent_id);
CREATE TABLE IF NOT EXISTS files(id TEXT PRIMARY KEY, name TEXT, ext TEXT, folder_id TEXT, owner_id TEXT, owner_login TEXT, as_user TEXT,
  size INTEGER, sha1 TEXT, link_effective TEXT, link_password INTEGER NOT NULL DEFAULT 0, has_collabs INTEGER NOT NULL DEFAULT 0,
  stale INTEGER NOT NULL DEFAULT 0, gen INTEGER NOT NULL DEFAULT 0,
  state INTEGER NOT NULL, priority INTEGER NOT NULL, seq INTEGER NOT NULL, reason TEXT, reason_event TEXT,
  access_level TEXT, ext_collaborators TEXT, inspection TEXT, inspection_reason TEXT, findings TEXT, scanned_sha1 TEXT,
  scanned_at INTEGER, scan_count INTEGER NOT NULL DEFAULT 0, error TEXT, sensitive INTEGER NOT NULL DEFAULT 0, inspect INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS files_queue ON files(priority, seq) WHERE state = ${FileState.queued};
CREATE INDEX IF NOT EXISTS files_inspect ON files(seq) WHERE inspect = 1;
CREATE INDEX IF NOT EXISTS files_folder ON files(folder_id);
CREATE INDEX IF NOT EXISTS files_name ON files(name COLLATE NOCASE, id);
CREATE TABLE IF NOT EXISTS events(event_id TEXT PRIMARY KEY, source TEXT NOT NULL, event_type TEXT, created_at TEXT, item_type TEXT, item_id TEXT, item_name TEXT, actor_login TEXT, json TEXT);
CREATE INDEX IF NOT EXISTS events_created ON events(created_at);
CREATE TABLE IF NOT EXISTS jumps(seq INTEGER PRIMARY KEY AUTOINCREMENT, file_id TEXT NOT NULL, name TEXT, event_type TEXT NOT NULL, event_id TEXT, at TEXT NOT NULL);
`;

export function up(db: Database): void {
  db.exec(SCHEMA_V1);
  const cols = new Set((db.prepare('PRAGMA table_info(folders)').all() as Array<{ name: string }>).map((c) => c.name));
  if (!cols.has('collab_refresh')) db.exec('ALTER TABLE folders ADD COLUMN collab_refresh INTEGER NOT NULL DEFAULT 0');
  if (!cols.has('collab_wait')) db.exec('ALTER TABLE folders ADD COLUMN collab_wait INTEGER NOT NULL DEFAULT 0');
  db.exec('CREATE INDEX IF NOT EXISTS folders_refresh ON folders(id) WHERE collab_refresh = 1');
}
