/**
 * What the app remembers of the admin quarantine, in governance.sqlite (the audit log's
 * database): the quarantine folder's id per admin (found by name if lost) and, per quarantined
 * file, where it came from, its note and its own folder in the quarantine. One row per file,
 * written in its own transaction, so the app and the CLI never overwrite each other's records.
 * Only Box ids and a folder path: nothing secret, no file content. The JSON file of earlier
 * versions (<home>/governance/quarantine.json) is imported once, then renamed aside.
 */
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { FileGovernanceState } from '../../../common/policy/types';
import { migrateAudit } from './audit-migrations';
import { AUDIT_FILE } from './audit-store';

export type QuarantineOrigin = NonNullable<FileGovernanceState['quarantinedFrom']>;

export interface QuarantineRecord extends QuarantineOrigin {
  noteId: string;
  /** The file's own folder in the quarantine; absent in records made before there were such folders. */
  folderId?: string;
}

interface Row {
  parent_id: string;
  parent_path: string;
  owner_id: string;
  note_id: string;
  folder_id: string | null;
}

/** The JSON file of earlier versions, and what it held. */
const LEGACY_FILE = join('governance', 'quarantine.json');
interface LegacyFile {
  folders?: Record<string, string>;
  files?: Record<string, QuarantineRecord>;
}

export class QuarantineStore {
  private db: Database.Database | null = null;

  constructor(private readonly home: string) {}

  /** Opened on first use (most BoxGovernance reads never need it). */
  private open(): Database.Database {
    if (this.db) return this.db;
    mkdirSync(this.home, { recursive: true, mode: 0o700 });
    const db = new Database(join(this.home, AUDIT_FILE));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL'); // a record is written before the move it describes
    db.pragma('busy_timeout = 5000'); // the app and the CLI share the file
    migrateAudit(db);
    importLegacy(db, join(this.home, LEGACY_FILE));
    return (this.db = db);
  }

  close(): void {
    this.db?.close();
    this.db = null;
  }

  folderOf(adminId: string): string | null {
    const row = this.open().prepare('SELECT folder_id FROM quarantine_folders WHERE admin_id = ?').get(adminId) as
      { folder_id: string } | undefined;
    return row?.folder_id ?? null;
  }

  setFolder(adminId: string, folderId: string): void {
    this.open()
      .prepare(
        'INSERT INTO quarantine_folders(admin_id, folder_id) VALUES (?, ?) ON CONFLICT DO UPDATE SET folder_id = excluded.folder_id',
      )
      .run(adminId, folderId);
  }

  record(fileId: string): QuarantineRecord | null {
    const r = this.open().prepare('SELECT * FROM quarantined_files WHERE file_id = ?').get(fileId) as Row | undefined;
    if (!r) return null;
    const base = { parentId: r.parent_id, parentPath: r.parent_path, ownerId: r.owner_id, noteId: r.note_id };
    return r.folder_id ? { ...base, folderId: r.folder_id } : base;
  }

  remember(fileId: string, record: QuarantineRecord): void {
    upsert(this.open(), fileId, record);
  }

  forget(fileId: string): void {
    this.open().prepare('DELETE FROM quarantined_files WHERE file_id = ?').run(fileId);
  }
}

function upsert(db: Database.Database, fileId: string, r: QuarantineRecord, keepExisting = false): void {
  const conflict = keepExisting
    ? 'DO NOTHING'
    : 'DO UPDATE SET parent_id = excluded.parent_id, parent_path = excluded.parent_path, owner_id = excluded.owner_id, note_id = excluded.note_id, folder_id = excluded.folder_id';
  db.prepare(
    `INSERT INTO quarantined_files(file_id, parent_id, parent_path, owner_id, note_id, folder_id) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(file_id) ${conflict}`,
  ).run(fileId, r.parentId, r.parentPath, r.ownerId, r.noteId, r.folderId ?? null);
}

/**
 * The JSON file's records into the database, once: rows already there win (the database is
 * newer), then the file is renamed aside (kept, not deleted: it is the only copy until the
 * import is known good). A damaged file is left where it is and imports nothing.
 */
function importLegacy(db: Database.Database, path: string): void {
  if (!existsSync(path)) return;
  let legacy: LegacyFile;
  try {
    legacy = JSON.parse(readFileSync(path, 'utf8')) as LegacyFile;
  } catch {
    return;
  }
  db.transaction(() => {
    for (const [admin, folder] of Object.entries(legacy.folders ?? {}))
      db.prepare('INSERT INTO quarantine_folders(admin_id, folder_id) VALUES (?, ?) ON CONFLICT DO NOTHING').run(
        admin,
        folder,
      );
    for (const [fileId, r] of Object.entries(legacy.files ?? {})) upsert(db, fileId, r, true);
  }).immediate();
  try {
    renameSync(path, `${path}.imported`);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e; // the other process renamed it first
  }
}
