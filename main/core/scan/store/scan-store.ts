/**
 * The scan's persistent state in SQLite (<home>/scan.sqlite, WAL): users, folders (the
 * discovery work list, with the paging marker so a listing resumes mid-folder), files (the
 * queue AND the findings: a file is finished when its result and its state are committed in the
 * same transaction, so a crash never loses a result nor repeats a finished scan), events
 * (de-duplicated by event_id) and a key/value meta table. No tokens are stored here.
 */
import Database from 'better-sqlite3';

export const FILE_STATE = { queued: 0, done: 1, failed: 2, notScanned: 3, gone: 4 } as const;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS users(id TEXT PRIMARY KEY, login TEXT, name TEXT, role TEXT, reachable INTEGER NOT NULL, reason TEXT, self INTEGER NOT NULL DEFAULT 0, root_done INTEGER NOT NULL DEFAULT 0, seq INTEGER);
CREATE TABLE IF NOT EXISTS folders(id TEXT PRIMARY KEY, name TEXT, path TEXT, parent_id TEXT, owner_id TEXT, as_user TEXT, has_collabs INTEGER NOT NULL DEFAULT 0,
  collab_ext TEXT, collab_int INTEGER NOT NULL DEFAULT 0, collab_known INTEGER NOT NULL DEFAULT 0,
  state INTEGER NOT NULL DEFAULT 0, marker TEXT, seq INTEGER NOT NULL, items INTEGER NOT NULL DEFAULT 0, pages INTEGER NOT NULL DEFAULT 0,
  collab_refresh INTEGER NOT NULL DEFAULT 0, collab_wait INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS folders_pending ON folders(state, seq);
-- A folder's subtree (sharing events on folders), walked child by child.
CREATE INDEX IF NOT EXISTS folders_parent ON folders(parent_id);
CREATE TABLE IF NOT EXISTS files(id TEXT PRIMARY KEY, name TEXT, ext TEXT, folder_id TEXT, owner_id TEXT, owner_login TEXT, as_user TEXT,
  size INTEGER, sha1 TEXT, link_effective TEXT, link_password INTEGER NOT NULL DEFAULT 0, has_collabs INTEGER NOT NULL DEFAULT 0,
  stale INTEGER NOT NULL DEFAULT 0, gen INTEGER NOT NULL DEFAULT 0,
  state INTEGER NOT NULL, priority INTEGER NOT NULL, seq INTEGER NOT NULL, reason TEXT, reason_event TEXT,
  access_level TEXT, ext_collaborators TEXT, inspection TEXT, inspection_reason TEXT, findings TEXT, scanned_sha1 TEXT,
  scanned_at INTEGER, scan_count INTEGER NOT NULL DEFAULT 0, error TEXT, sensitive INTEGER NOT NULL DEFAULT 0, inspect INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS files_queue ON files(priority, seq) WHERE state = 0;
CREATE INDEX IF NOT EXISTS files_inspect ON files(seq) WHERE inspect = 1;
-- The files of a folder (a sharing event on a folder moves them).
CREATE INDEX IF NOT EXISTS files_folder ON files(folder_id);
-- The findings table's default order (by name), page by page, without sorting a million rows.
CREATE INDEX IF NOT EXISTS files_name ON files(name COLLATE NOCASE, id);
CREATE TABLE IF NOT EXISTS events(event_id TEXT PRIMARY KEY, source TEXT NOT NULL, event_type TEXT, created_at TEXT, item_type TEXT, item_id TEXT, item_name TEXT, actor_login TEXT, json TEXT);
CREATE INDEX IF NOT EXISTS events_created ON events(created_at);
CREATE TABLE IF NOT EXISTS jumps(seq INTEGER PRIMARY KEY AUTOINCREMENT, file_id TEXT NOT NULL, name TEXT, event_type TEXT NOT NULL, event_id TEXT, at TEXT NOT NULL);
`;

export interface FileRow {
  id: string;
  name: string;
  ext: string;
  folder_id: string | null;
  owner_id: string | null;
  owner_login: string | null;
  as_user: string | null;
  size: number | null;
  sha1: string | null;
  link_effective: string | null;
  link_password: number;
  has_collabs: number;
  stale: number;
  gen: number;
  state: number;
  priority: number;
  seq: number;
  reason: string | null;
  reason_event: string | null;
  access_level: string | null;
  ext_collaborators: string | null;
  inspection: string | null;
  inspection_reason: string | null;
  findings: string | null;
  scanned_sha1: string | null;
  scanned_at: number | null;
  scan_count: number;
  error: string | null;
  sensitive: number;
  /** 1 while content inspection is pending (the file is scanned: access level known). */
  inspect: number;
}

export interface FolderRow {
  id: string;
  name: string;
  path: string;
  parent_id: string | null;
  owner_id: string | null;
  as_user: string | null;
  has_collabs: number;
  collab_ext: string | null;
  collab_int: number;
  collab_known: number;
  state: number;
  marker: string | null;
  seq: number;
  items: number;
  pages: number;
  /** 1: a sharing event asked to read this folder's collaborations again; 2: being read. */
  collab_refresh: number;
  /** 1 while the collaborations over this folder are being read again: its files wait. */
  collab_wait: number;
}

export interface UserRow {
  id: string;
  login: string;
  name: string;
  role: string | null;
  reachable: number;
  reason: string | null;
  self: number;
  root_done: number;
  seq: number;
}

export interface ListedFile {
  id: string;
  name: string;
  ext: string;
  folderId: string;
  ownerId: string | null;
  ownerLogin: string | null;
  asUser: string | null;
  size: number | null;
  sha1: string | null;
  linkEffective: string | null;
  linkPassword: boolean;
  hasCollabs: boolean;
  externallyOwned: boolean;
  reason: string;
}

export interface ScanResult {
  accessLevel: string;
  extCollaborators: string[];
  inspection: string;
  inspectionReason: string | null;
  findings: string | null;
  scannedSha1: string | null;
}

export class ScanStore {
  readonly db: Database.Database;
  private seqCounter: number;
  private readonly s: Record<string, Database.Statement>;

  constructor(path: string) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('cache_size = -16000');
    this.db.exec(SCHEMA);
    migrate(this.db);
    const p = (sql: string) => this.db.prepare(sql);
    this.s = {
      getMeta: p('SELECT value FROM meta WHERE key = ?'),
      setMeta: p('INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
      upsertUser: p(`INSERT INTO users(id, login, name, role, reachable, reason, self, seq) VALUES (@id, @login, @name, @role, @reachable, @reason, @self, @seq)
        ON CONFLICT(id) DO UPDATE SET login = excluded.login, name = excluded.name, role = excluded.role, reachable = excluded.reachable, reason = excluded.reason, self = excluded.self`),
      insertFolder: p(`INSERT INTO folders(id, name, path, parent_id, owner_id, as_user, has_collabs, collab_ext, collab_int, collab_known, state, seq)
        VALUES (@id, @name, @path, @parent_id, @owner_id, @as_user, @has_collabs, @collab_ext, @collab_int, @collab_known, 0, @seq)
        ON CONFLICT(id) DO UPDATE SET has_collabs = excluded.has_collabs, name = excluded.name,
          collab_ext = CASE WHEN folders.collab_known = 1 AND excluded.collab_known = 0 THEN folders.collab_ext ELSE excluded.collab_ext END,
          collab_int = CASE WHEN folders.collab_known = 1 AND excluded.collab_known = 0 THEN folders.collab_int ELSE excluded.collab_int END,
          collab_known = MAX(folders.collab_known, excluded.collab_known)
        WHERE folders.state = 0`),
      insertFile: p(`INSERT INTO files(id, name, ext, folder_id, owner_id, owner_login, as_user, size, sha1, link_effective, link_password, has_collabs, state, priority, seq, reason)
        VALUES (@id, @name, @ext, @folderId, @ownerId, @ownerLogin, @asUser, @size, @sha1, @linkEffective, @linkPassword, @hasCollabs, @state, 1, @seq, @reason)
        ON CONFLICT(id) DO UPDATE SET name = excluded.name, size = excluded.size, sha1 = excluded.sha1, link_effective = excluded.link_effective,
          link_password = excluded.link_password, has_collabs = excluded.has_collabs, folder_id = excluded.folder_id, as_user = excluded.as_user
        WHERE files.stale = 0`),
      folderPage: p('UPDATE folders SET marker = ?, items = items + ?, pages = pages + 1, state = ? WHERE id = ?'),
      folderCollabs: p('UPDATE folders SET collab_ext = ?, collab_int = ?, collab_known = 1 WHERE id = ?'),
      nextFolders: p('SELECT * FROM folders WHERE state = 0 ORDER BY seq LIMIT ?'),
      folder: p('SELECT * FROM folders WHERE id = ?'),
      file: p('SELECT * FROM files WHERE id = ?'),
      exists: p('SELECT 1 FROM files WHERE id = ?'),
      users: p('SELECT * FROM users ORDER BY seq'),
      head: p('SELECT * FROM files WHERE state = 0 ORDER BY priority, seq LIMIT ?'),
      headActivity: p('SELECT * FROM files WHERE state = 0 AND priority = 0 ORDER BY priority, seq LIMIT ?'),
      finish: p(`UPDATE files SET state = CASE WHEN gen = @gen THEN 1 ELSE state END, stale = CASE WHEN gen = @gen THEN 0 ELSE stale END,
        access_level = @accessLevel, ext_collaborators = @extCollaborators, inspection = @inspection, inspection_reason = @inspectionReason,
        findings = @findings, sensitive = @sensitive, scanned_sha1 = @scannedSha1, scanned_at = @at, scan_count = scan_count + 1, error = NULL,
        inspect = CASE WHEN gen = @gen THEN @inspect ELSE inspect END WHERE id = @id RETURNING gen`),
      inspected: p(`UPDATE files SET inspection = @inspection, inspection_reason = @inspectionReason, findings = @findings, sensitive = @sensitive,
        scanned_sha1 = @scannedSha1, inspect = 0 WHERE id = @id AND gen = @gen AND inspect = 1`),
      nextInspections: p('SELECT * FROM files WHERE inspect = 1 ORDER BY seq LIMIT ?'),
      fail: p(`UPDATE files SET state = CASE WHEN gen = @gen THEN @state ELSE state END, stale = CASE WHEN gen = @gen THEN 0 ELSE stale END, error = @error, scanned_at = @at WHERE id = @id RETURNING gen`),
      refresh: p(`UPDATE files SET name = @name, size = @size, sha1 = @sha1, link_effective = @linkEffective, link_password = @linkPassword,
        has_collabs = @hasCollabs, owner_id = @ownerId, owner_login = @ownerLogin, folder_id = COALESCE(@folderId, folder_id), stale = 0 WHERE id = @id AND gen = @gen`),
      prioritise: p(`INSERT INTO files(id, name, ext, folder_id, owner_id, owner_login, as_user, state, priority, seq, reason, reason_event, stale)
        VALUES (@id, @name, @ext, @folderId, @ownerId, @ownerLogin, @asUser, 0, 0, @seq, @reason, @eventId, 1)
        ON CONFLICT(id) DO UPDATE SET stale = 1, gen = gen + 1, reason = @reason, reason_event = @eventId,
          seq = CASE WHEN files.state = 0 AND files.priority = 0 THEN files.seq ELSE @seq END, priority = 0, state = 0`),
      insertEvent: p(`INSERT OR IGNORE INTO events(event_id, source, event_type, created_at, item_type, item_id, item_name, actor_login, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      insertJump: p('INSERT INTO jumps(file_id, name, event_type, event_id, at) VALUES (?, ?, ?, ?, ?)'),
      // The jumps table keeps the latest 100 (the dashboard shows 10).
      trimJumps: p('DELETE FROM jumps WHERE seq <= (SELECT MAX(seq) - 100 FROM jumps)'),
      user: p('SELECT * FROM users WHERE id = ?'),
      ...subtreeStatements(p),
    };
    this.seqCounter = Number(this.meta('seq') ?? 0);
  }

  close(): void {
    this.db.close();
  }

  nextSeq(): number {
    return ++this.seqCounter;
  }

  tx<T>(fn: () => T): T {
    return this.db.transaction(() => {
      const r = fn();
      this.s.setMeta!.run('seq', String(this.seqCounter));
      return r;
    })();
  }

  meta(key: string): string | null {
    return (this.s.getMeta!.get(key) as { value: string } | undefined)?.value ?? null;
  }

  setMeta(key: string, value: string): void {
    this.s.setMeta!.run(key, value);
  }

  upsertUser(u: Omit<UserRow, 'root_done' | 'seq'>): void {
    this.s.upsertUser!.run({ ...u, seq: this.nextSeq() });
  }

  users(): UserRow[] {
    return this.s.users!.all() as UserRow[];
  }

  user(id: string): UserRow | undefined {
    return this.s.user!.get(id) as UserRow | undefined;
  }

  insertFolder(f: Omit<FolderRow, 'state' | 'marker' | 'seq' | 'items' | 'pages' | 'collab_refresh' | 'collab_wait'>): void {
    this.s.insertFolder!.run({ ...f, seq: this.nextSeq() });
  }

  folder(id: string): FolderRow | undefined {
    return this.s.folder!.get(id) as FolderRow | undefined;
  }

  nextFolders(n: number): FolderRow[] {
    return this.s.nextFolders!.all(n) as FolderRow[];
  }

  folderPage(id: string, marker: string | null, items: number): void {
    this.s.folderPage!.run(marker, items, marker ? 0 : 1, id);
  }

  setFolderCollabs(id: string, externals: string[], internal: number): void {
    this.s.folderCollabs!.run(JSON.stringify(externals), internal, id);
  }

  /** Returns true when the file is new to the store. */
  insertListedFile(f: ListedFile): boolean {
    const before = this.s.exists!.get(f.id);
    this.s.insertFile!.run({
      ...f, linkPassword: f.linkPassword ? 1 : 0, hasCollabs: f.hasCollabs ? 1 : 0,
      state: f.externallyOwned ? FILE_STATE.notScanned : FILE_STATE.queued, seq: this.nextSeq(),
      reason: f.externallyOwned ? 'owned outside the enterprise: Box does not let an admin reach it' : f.reason,
    });
    return !before;
  }

  file(id: string): FileRow | undefined {
    return this.s.file!.get(id) as FileRow | undefined;
  }

  head(n: number, activityOnly = false): FileRow[] {
    return (activityOnly ? this.s.headActivity! : this.s.head!).all(n) as FileRow[];
  }

  /** A scanned file; `inspectLater`: its content inspection is still to come (state Pending). */
  /**
   * Stores a scan's result. Returns false when an event queued the file again while it was being
   * scanned (its generation moved on): the file stays queued for a fresh scan, so the caller must
   * not count this one as finished.
   */
  finish(id: string, gen: number, r: ScanResult, inspectLater = false): boolean {
    const row = this.s.finish!.get({ id, gen, ...r, extCollaborators: JSON.stringify(r.extCollaborators), sensitive: sensitiveCount(r.findings), inspect: inspectLater ? 1 : 0, at: Date.now() }) as { gen: number } | undefined;
    return row?.gen === gen;
  }

  /** A content inspection's result; ignored when the file was queued again meanwhile. */
  inspected(id: string, gen: number, r: Pick<ScanResult, 'inspection' | 'inspectionReason' | 'findings' | 'scannedSha1'>): void {
    this.s.inspected!.run({ id, gen, ...r, sensitive: sensitiveCount(r.findings) });
  }

  nextInspections(n: number): FileRow[] {
    return this.s.nextInspections!.all(n) as FileRow[];
  }

  /** Records a failure; false, like finish(), when the file was queued again meanwhile. */
  fail(id: string, gen: number, state: number, error: string): boolean {
    const row = this.s.fail!.get({ id, gen, state, error, at: Date.now() }) as { gen: number } | undefined;
    return row?.gen === gen;
  }

  refresh(id: string, gen: number, f: Omit<ListedFile, 'id' | 'ext' | 'asUser' | 'externallyOwned' | 'reason' | 'folderId'> & { folderId: string | null }): void {
    this.s.refresh!.run({ id, gen, ...f, linkPassword: f.linkPassword ? 1 : 0, hasCollabs: f.hasCollabs ? 1 : 0 });
  }

  prioritise(p: { id: string; name: string; ext: string; folderId: string | null; ownerId: string | null; ownerLogin: string | null; asUser: string | null; reason: string; eventId: string }): void {
    this.s.prioritise!.run({ ...p, seq: this.nextSeq() });
  }

  /**
   * A sharing event on a folder: every file beneath it (any depth) that was queued, scanned or
   * failed goes to the front at activity priority, once (a file is one row: a second event
   * only updates its reason and keeps its place), and the collaborations cached for the
   * subtree are marked for reading again (its files wait for that, see collabRefreshDone).
   * Only the first `jumps` files are recorded as jumps, so a big folder does not flush the list.
   * Cost: the subtree is walked through folders_parent and its files through files_folder:
   * O((D + N) log T) for D folders and N files beneath it in a store of T rows, never a scan of
   * the files table. Returns null when the folder is unknown to the store (not listed yet: its
   * files will be listed with the new access).
   */
  prioritiseFolder(p: { folderId: string; reason: string; eventId: string; eventType: string; at: string; jumps?: number }): { moved: number; wasDone: number; wasFailed: number; wasQueued: number } | null {
    if (!this.s.folder!.get(p.folderId)) return null;
    const c = this.s.subtreeCounts!.get(p.folderId) as { moved: number; done: number | null; failed: number | null; queued: number | null };
    this.s.subtreeWait!.run(p.folderId);
    this.s.folderRefresh!.run(p.folderId);
    if (c.moved === 0) return { moved: 0, wasDone: 0, wasFailed: 0, wasQueued: 0 };
    for (const j of this.s.subtreeSample!.all(p.folderId, p.jumps ?? 10) as Array<{ id: string; name: string | null }>) this.s.insertJump!.run(j.id, j.name, p.eventType, p.eventId, p.at);
    this.s.trimJumps!.run();
    this.s.subtreePrioritise!.run({ folderId: p.folderId, reason: p.reason, eventId: p.eventId, seq: this.nextSeq() });
    return { moved: c.moved, wasDone: c.done ?? 0, wasFailed: c.failed ?? 0, wasQueued: c.queued ?? 0 };
  }

  /** The next folder whose collaborations a sharing event asked to read again. */
  nextCollabRefresh(): FolderRow | undefined {
    return this.s.nextRefresh!.get() as FolderRow | undefined;
  }

  collabRefreshStarted(id: string): void {
    this.s.refreshStarted!.run(id);
  }

  /** A reading that failed (it will be tried again; the subtree's files keep waiting). */
  collabRefreshFailed(id: string): void {
    this.s.refreshRetry!.run(id);
  }

  /**
   * The collaborations over `id` were read again: the whole subtree inherits them (the model
   * discovery uses: below a folder with collaborations, they are inherited). Its files stop
   * waiting unless another event asked for a new reading meanwhile.
   */
  collabRefreshDone(id: string, summary: { externals: string[]; internal: number } | null): void {
    const again = (this.s.folder!.get(id) as FolderRow | undefined)?.collab_refresh === 1;
    if (summary) this.s.subtreeCollabs!.run({ folderId: id, ext: JSON.stringify(summary.externals), int: summary.internal, has: summary.externals.length + summary.internal > 0 ? 1 : 0 });
    if (!again) {
      this.s.subtreeRelease!.run(id);
      this.s.refreshEnded!.run(id);
    }
  }

  /** Returns true when the event is new. */
  insertEvent(e: { event_id: string; source: string; event_type: string; created_at: string; item_type: string | null; item_id: string | null; item_name: string | null; actor_login: string | null; json: string }): boolean {
    return this.s.insertEvent!.run(e.event_id, e.source, e.event_type, e.created_at, e.item_type, e.item_id, e.item_name, e.actor_login, e.json).changes === 1;
  }

  /** A file that jumped the queue, and what moved it (kept: the latest 100). */
  recordJump(j: { fileId: string; name: string; eventType: string; eventId: string | null; at: string }): void {
    this.s.insertJump!.run(j.fileId, j.name, j.eventType, j.eventId, j.at);
    this.s.trimJumps!.run();
  }

  counts(): { users: number; reachable: number; folders: number; listed: number; files: number; queued: number; done: number; failed: number; notScanned: number; inspectionPending: number; events: number; backfillEvents: number } {
    const one = (sql: string) => (this.db.prepare(sql).get() as { n: number }).n;
    return {
      users: one('SELECT COUNT(*) n FROM users'),
      reachable: one('SELECT COUNT(*) n FROM users WHERE reachable = 1'),
      folders: one('SELECT COUNT(*) n FROM folders'),
      listed: one('SELECT COUNT(*) n FROM folders WHERE state = 1'),
      files: one('SELECT COUNT(*) n FROM files'),
      queued: one('SELECT COUNT(*) n FROM files WHERE state = 0'),
      done: one('SELECT COUNT(*) n FROM files WHERE state = 1'),
      failed: one('SELECT COUNT(*) n FROM files WHERE state = 2'),
      notScanned: one('SELECT COUNT(*) n FROM files WHERE state IN (3, 4)'),
      inspectionPending: one('SELECT COUNT(*) n FROM files WHERE inspect = 1'),
      events: one('SELECT COUNT(*) n FROM events'),
      backfillEvents: one("SELECT COUNT(*) n FROM events WHERE source = 'backfill'"),
    };
  }

  /** Forgets everything (another enterprise was connected). */
  reset(): void {
    this.tx(() => {
      for (const t of ['meta', 'users', 'folders', 'files', 'events', 'jumps']) this.db.prepare(`DELETE FROM ${t}`).run();
    });
  }

  /** Everything queued again as a periodic (or requested) rescan; folders are listed again. */
  rescanAll(reason: string): void {
    this.tx(() => {
      this.db.prepare('UPDATE folders SET state = 0, marker = NULL').run();
      this.db.prepare('UPDATE users SET root_done = 0').run();
      this.db.prepare('UPDATE files SET state = 0, priority = 2, reason = ?, gen = gen + 1 WHERE state IN (1, 2)').run(reason);
    });
  }
}

/** The subtree of folder ? (itself included). UNION, not UNION ALL: a cycle left by moved folders ends. */
const SUBTREE = 'WITH RECURSIVE sub(id) AS (SELECT ? UNION SELECT f.id FROM folders f JOIN sub ON f.parent_id = sub.id)';
const SUBTREE_NAMED = 'WITH RECURSIVE sub(id) AS (SELECT @folderId UNION SELECT f.id FROM folders f JOIN sub ON f.parent_id = sub.id)';
const MOVABLE = 'folder_id IN (SELECT id FROM sub) AND state IN (0, 1, 2)';

/** The subtree statements' SQL (exported so a test can check their query plans). */
export const SUBTREE_SQL = {
  subtreeCounts: `${SUBTREE} SELECT COUNT(*) moved, SUM(state = 1) done, SUM(state = 2) failed, SUM(state = 0) queued FROM files WHERE ${MOVABLE}`,
  subtreeSample: `${SUBTREE} SELECT id, name FROM files WHERE ${MOVABLE} LIMIT ?`,
  // Same place for a file already at the front; a new gen so a scan in flight does not count.
  subtreePrioritise: `${SUBTREE_NAMED} UPDATE files SET gen = gen + 1, reason = @reason, reason_event = @eventId,
    seq = CASE WHEN state = 0 AND priority = 0 THEN seq ELSE @seq END, priority = 0, state = 0 WHERE ${MOVABLE}`,
  subtreeWait: `${SUBTREE} UPDATE folders SET collab_wait = 1 WHERE id IN (SELECT id FROM sub)`,
  folderRefresh: 'UPDATE folders SET collab_refresh = 1 WHERE id = ?',
  nextRefresh: 'SELECT * FROM folders WHERE collab_refresh = 1 LIMIT 1',
  refreshStarted: 'UPDATE folders SET collab_refresh = 2 WHERE id = ?',
  refreshRetry: 'UPDATE folders SET collab_refresh = 1 WHERE id = ? AND collab_refresh = 2',
  refreshEnded: 'UPDATE folders SET collab_refresh = 0 WHERE id = ? AND collab_refresh = 2',
  subtreeCollabs: `${SUBTREE_NAMED} UPDATE folders SET has_collabs = @has, collab_ext = @ext, collab_int = @int, collab_known = 1 WHERE id IN (SELECT id FROM sub)`,
  subtreeRelease: `${SUBTREE} UPDATE folders SET collab_wait = 0 WHERE id IN (SELECT id FROM sub)`,
} as const;

function subtreeStatements(p: (sql: string) => Database.Statement): Record<string, Database.Statement> {
  return Object.fromEntries(Object.entries(SUBTREE_SQL).map(([k, sql]) => [k, p(sql)]));
}

/** Columns added after the first release; a reading interrupted by a crash is asked again. */
function migrate(db: Database.Database): void {
  const cols = new Set((db.prepare('PRAGMA table_info(folders)').all() as Array<{ name: string }>).map((c) => c.name));
  if (!cols.has('collab_refresh')) db.exec('ALTER TABLE folders ADD COLUMN collab_refresh INTEGER NOT NULL DEFAULT 0');
  if (!cols.has('collab_wait')) db.exec('ALTER TABLE folders ADD COLUMN collab_wait INTEGER NOT NULL DEFAULT 0');
  db.exec('CREATE INDEX IF NOT EXISTS folders_refresh ON folders(id) WHERE collab_refresh = 1');
  db.prepare('UPDATE folders SET collab_refresh = 1 WHERE collab_refresh = 2').run();
}

function sensitiveCount(findings: string | null): number {
  if (!findings) return 0;
  return Object.values(JSON.parse(findings) as Record<string, number>).reduce((a, b) => a + b, 0);
}
