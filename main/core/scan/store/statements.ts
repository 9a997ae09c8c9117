/**
 * Every SQL statement of the scan store, typed and prepared once per connection (the one place:
 * the store's writer and the read queries both get theirs here). State and priority numbers
 * come from common/scan/states, interpolated into the text once, so the SQL never carries a
 * bare 0..4. Partial indexes match because the interpolated literal equals the index's.
 */
import type { Database, Statement } from 'better-sqlite3';
import { CollabRefresh as R, FileState as S, FolderState as F, Priority as P } from '../../../../common/scan/states';
import type { FileRow, FolderRow, UserRow } from './rows';

/** Files a folder sharing event may move: queued, scanned or failed (not "not scanned"). */
export const MOVABLE_STATES = `${S.queued}, ${S.done}, ${S.failed}`;
export const NOT_SCANNED_STATES = `${S.notScanned}, ${S.gone}`;

/** The subtree of folder @folderId (itself included). UNION, not UNION ALL: a cycle left by moved folders ends. */
const SUBTREE =
  'WITH RECURSIVE sub(id) AS (SELECT @folderId UNION SELECT f.id FROM folders f JOIN sub ON f.parent_id = sub.id)';
const MOVABLE = `folder_id IN (SELECT id FROM sub) AND state IN (${MOVABLE_STATES})`;

/** The subtree statements' SQL (exported so a test can check their query plans). */
export const SUBTREE_SQL = {
  subtreeCounts: `${SUBTREE} SELECT COUNT(*) moved, SUM(state = ${S.done}) done, SUM(state = ${S.failed}) failed, SUM(state = ${S.queued}) queued FROM files WHERE ${MOVABLE}`,
  subtreeSample: `${SUBTREE} SELECT id, name FROM files WHERE ${MOVABLE} LIMIT @limit`,
  // Same place for a file already at the front; a new gen so a scan in flight does not count.
  subtreePrioritise: `${SUBTREE} UPDATE files SET gen = gen + 1, reason = @reason, reason_event = @eventId,
    seq = CASE WHEN state = ${S.queued} AND priority = ${P.activity} THEN seq ELSE @seq END, priority = ${P.activity}, state = ${S.queued} WHERE ${MOVABLE}`,
  subtreeWait: `${SUBTREE} UPDATE folders SET collab_wait = 1 WHERE id IN (SELECT id FROM sub)`,
  folderRefresh: `UPDATE folders SET collab_refresh = ${R.asked} WHERE id = ?`,
  nextRefresh: `SELECT * FROM folders WHERE collab_refresh = ${R.asked} LIMIT 1`,
  refreshStarted: `UPDATE folders SET collab_refresh = ${R.reading} WHERE id = ?`,
  refreshRetry: `UPDATE folders SET collab_refresh = ${R.asked} WHERE id = ? AND collab_refresh = ${R.reading}`,
  refreshEnded: `UPDATE folders SET collab_refresh = ${R.none} WHERE id = ? AND collab_refresh = ${R.reading}`,
  subtreeCollabs: `${SUBTREE} UPDATE folders SET has_collabs = @has, collab_ext = @ext, collab_int = @int, collab_known = 1 WHERE id IN (SELECT id FROM sub)`,
  subtreeRelease: `${SUBTREE} UPDATE folders SET collab_wait = 0 WHERE id IN (SELECT id FROM sub)`,
} as const;

/** The task picker's and progress's reads: each must use an index (test/unit/scan-store-plans). */
export const PICK_SQL = {
  head: `SELECT * FROM files WHERE state = ${S.queued} ORDER BY priority, seq LIMIT ?`,
  headActivity: `SELECT * FROM files WHERE state = ${S.queued} AND priority = ${P.activity} ORDER BY priority, seq LIMIT ?`,
  nextUsers: 'SELECT * FROM users WHERE reachable = 1 AND root_done = 0 ORDER BY seq LIMIT ?',
  rootPending: 'SELECT 1 FROM users WHERE reachable = 1 AND root_done = 0 LIMIT 1',
  folderPending: `SELECT 1 FROM folders WHERE state = ${F.pending} LIMIT 1`,
  nextFolders: `SELECT * FROM folders WHERE state = ${F.pending} ORDER BY seq LIMIT ?`,
  // Files whose Box text is still pending wait until inspect_after (they went to the back: seq).
  nextInspections:
    'SELECT * FROM files WHERE inspect = 1 AND (inspect_after IS NULL OR inspect_after <= ?) ORDER BY seq LIMIT ?',
  inspectionsLeft: 'SELECT 1 FROM files WHERE inspect = 1 LIMIT 1',
  isMember: 'SELECT 1 FROM users WHERE id = ?',
  counters: `SELECT users, reachable, folders, listed, files, queued, done, failed, not_scanned AS notScanned,
    inspection_pending AS inspectionPending, events, backfill_events AS backfillEvents FROM counters`,
} as const;

/**
 * Giving up on a folder: it and its unlisted subfolders fail, and the unfinished files of
 * exactly those folders are "not scanned", marked given_up so a later listing queues them again.
 * giveUpFiles runs first: it finds the folders giveUpFolder is about to fail (the folder itself
 * and its subfolders still pending); a subfolder that listed fine keeps its files queued.
 */
export const GIVE_UP_SQL = {
  giveUpFiles: `${SUBTREE} UPDATE files SET state = ${S.notScanned}, reason = @fileReason, stale = 0, given_up = 1
    WHERE folder_id IN (SELECT id FROM folders WHERE id IN (SELECT id FROM sub) AND (id = @folderId OR state = ${F.pending})) AND state = ${S.queued}`,
  giveUpFolder: `${SUBTREE} UPDATE folders SET state = ${F.failed}, marker = NULL,
    last_error = CASE WHEN id = @folderId THEN @reason ELSE @inherited END WHERE id IN (SELECT id FROM sub) AND (id = @folderId OR state = ${F.pending})`,
  giveUpUser: 'UPDATE users SET reachable = 0, root_done = 1, reason = @reason, last_error = @reason WHERE id = @id',
} as const;

export const RETRY_SQL = {
  failUser: 'UPDATE users SET attempts = attempts + 1, last_error = ? WHERE id = ? RETURNING attempts',
  failFolder: 'UPDATE folders SET attempts = attempts + 1, last_error = ? WHERE id = ? RETURNING attempts',
  failFile: 'UPDATE files SET attempts = attempts + 1, last_error = ? WHERE id = ? RETURNING attempts',
  // Each kind limited on its own index first: a store with 100,000 failed files sorts 3 × limit rows, not all of them.
  failedItems: `SELECT kind, id, name, reason FROM (
      SELECT * FROM (SELECT 'user' AS kind, id, COALESCE(login, name, id) AS name, last_error AS reason, 0 AS ord, seq FROM users WHERE reachable = 0 AND last_error IS NOT NULL ORDER BY seq LIMIT @limit)
      UNION ALL SELECT * FROM (SELECT 'folder', id, COALESCE(path, name, id), COALESCE(last_error, 'could not be listed'), 1, seq FROM folders WHERE state = ${F.failed} ORDER BY seq LIMIT @limit)
      UNION ALL SELECT * FROM (SELECT 'file', id, COALESCE(name, id), COALESCE(error, last_error, 'failed'), 2, seq FROM files WHERE state = ${S.failed} ORDER BY seq LIMIT @limit))
    ORDER BY ord, seq LIMIT @limit`,
} as const;

/** Events older than the cut-off go; their raw payload goes earlier (see ScanStore.pruneEvents). */
const EVENT_SQL = {
  insertEvent:
    'INSERT OR IGNORE INTO events(event_id, source, event_type, created_at, item_type, item_id, item_name, actor_login, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  pruneEvents: 'DELETE FROM events WHERE created_at < ?',
  stripEventPayloads: 'UPDATE events SET json = NULL WHERE created_at < ? AND json IS NOT NULL',
} as const;

/** One chunk of a whole-table statement: rows by rowid, (@from, @to]; the rowid b-tree, no scan. */
const ROWID_RANGE = 'rowid > @from AND rowid <= @to';

/** An upsert of a user Box refused, as opposed to the re-upsert of one given up (same reason as its last_error). */
const REFUSED = 'excluded.reachable = 0 AND excluded.reason IS NOT users.last_error';

function writerSql() {
  return {
    ...SUBTREE_SQL,
    ...PICK_SQL,
    ...GIVE_UP_SQL,
    ...RETRY_SQL,
    ...EVENT_SQL,
    getMeta: 'SELECT value FROM meta WHERE key = ?',
    setMeta: 'INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    // A user Box refuses (reachable 0 with a reason other than the give-up's own) is not one the
    // scan gave up on: the failures counted before are forgotten, so it is not listed as given up.
    upsertUser: `INSERT INTO users(id, login, name, role, reachable, reason, self, seq) VALUES (@id, @login, @name, @role, @reachable, @reason, @self, @seq)
      ON CONFLICT(id) DO UPDATE SET login = excluded.login, name = excluded.name, role = excluded.role, reachable = excluded.reachable, reason = excluded.reason, self = excluded.self,
        attempts = CASE WHEN ${REFUSED} THEN 0 ELSE users.attempts END, last_error = CASE WHEN ${REFUSED} THEN NULL ELSE users.last_error END`,
    user: 'SELECT * FROM users WHERE id = ?',
    // Only what changed is written: each change re-matches the user's files (migration 9).
    dropLeftGroups: `DELETE FROM user_groups WHERE (user_id, group_id) NOT IN
      (SELECT value ->> '$.userId', value ->> '$.groupId' FROM json_each(?))`,
    insertUserGroup: `INSERT INTO user_groups(user_id, group_id, group_name) VALUES (@userId, @groupId, @groupName)
      ON CONFLICT(user_id, group_id) DO UPDATE SET group_name = excluded.group_name WHERE group_name IS NOT excluded.group_name`,
    rootDone: 'UPDATE users SET root_done = 1, attempts = 0, last_error = NULL WHERE id = ?',
    insertFolder: `INSERT INTO folders(id, name, path, parent_id, owner_id, as_user, has_collabs, collab_ext, collab_int, collab_known, state, seq)
      VALUES (@id, @name, @path, @parent_id, @owner_id, @as_user, @has_collabs, @collab_ext, @collab_int, @collab_known, ${F.pending}, @seq)
      ON CONFLICT(id) DO UPDATE SET has_collabs = excluded.has_collabs, name = excluded.name,
        collab_ext = CASE WHEN folders.collab_known = 1 AND excluded.collab_known = 0 THEN folders.collab_ext ELSE excluded.collab_ext END,
        collab_int = CASE WHEN folders.collab_known = 1 AND excluded.collab_known = 0 THEN folders.collab_int ELSE excluded.collab_int END,
        collab_known = MAX(folders.collab_known, excluded.collab_known)
      WHERE folders.state = ${F.pending}`,
    folderPage:
      'UPDATE folders SET marker = ?, items = items + ?, pages = pages + 1, state = ?, attempts = 0, last_error = NULL WHERE id = ?',
    // The folder lists again: its files a give-up left "not scanned" are queued again.
    requeueGivenUp: `UPDATE files SET state = ${S.queued}, given_up = 0, reason = ? WHERE folder_id = ? AND given_up = 1`,
    folderCollabs: 'UPDATE folders SET collab_ext = ?, collab_int = ?, collab_known = 1 WHERE id = ?',
    folder: 'SELECT * FROM folders WHERE id = ?',
    file: 'SELECT * FROM files WHERE id = ?',
    exists: 'SELECT 1 FROM files WHERE id = ?',
    insertFile: `INSERT INTO files(id, name, ext, folder_id, owner_id, owner_login, as_user, size, sha1, link_effective, link_password, has_collabs, state, priority, seq, reason, modified_at)
      VALUES (@id, @name, @ext, @folderId, @ownerId, @ownerLogin, @asUser, @size, @sha1, @linkEffective, @linkPassword, @hasCollabs, @state, ${P.regular}, @seq, @reason, @modifiedAt)
      ON CONFLICT(id) DO UPDATE SET name = excluded.name, size = excluded.size, sha1 = excluded.sha1, link_effective = excluded.link_effective, modified_at = excluded.modified_at,
        link_password = excluded.link_password, has_collabs = excluded.has_collabs, folder_id = excluded.folder_id, as_user = excluded.as_user
      WHERE files.stale = 0`,
    finish: `UPDATE files SET state = CASE WHEN gen = @gen THEN ${S.done} ELSE state END, stale = CASE WHEN gen = @gen THEN 0 ELSE stale END,
      access_level = @accessLevel, ext_collaborators = @extCollaborators, inspection = @inspection, inspection_reason = @inspectionReason,
      findings = @findings, sensitive = @sensitive, scanned_sha1 = @scannedSha1, scanned_at = @at, scan_count = scan_count + 1, error = NULL,
      inspection_method = @inspectionMethod, locations = @locations, inspection_reused = @reused, inspect_after = NULL, inspect_tries = 0,
      attempts = 0, last_error = NULL, inspect = CASE WHEN gen = @gen THEN @inspect ELSE inspect END WHERE id = @id RETURNING gen`,
    inspected: `UPDATE files SET inspection = @inspection, inspection_reason = @inspectionReason, findings = @findings, sensitive = @sensitive,
      scanned_sha1 = @scannedSha1, inspection_method = @inspectionMethod, locations = @locations, inspection_reused = @reused,
      inspect_after = NULL, inspect_tries = 0, inspect = 0, attempts = 0, last_error = CASE WHEN @keepError = 1 THEN last_error END
      WHERE id = @id AND gen = @gen AND inspect = 1`,
    // Box's text is still pending: the file goes to the back of the inspection queue until @after.
    inspectLater: `UPDATE files SET inspect_after = @after, inspect_tries = inspect_tries + 1, seq = @seq
      WHERE id = @id AND gen = @gen AND inspect = 1 RETURNING inspect_tries`,
    content: 'SELECT * FROM contents WHERE sha1 = ?',
    saveContent: `INSERT INTO contents(sha1, state, reason, method, findings, locations, chars, bytes)
      VALUES (@sha1, @state, @reason, @method, @findings, @locations, @chars, @bytes)
      ON CONFLICT(sha1) DO UPDATE SET state = excluded.state, reason = excluded.reason, method = excluded.method,
        findings = excluded.findings, locations = excluded.locations, chars = excluded.chars, bytes = excluded.bytes`,
    contentTypes:
      'SELECT ext, files, bytes, failed, reused FROM content_types WHERE files > 0 OR failed > 0 OR reused > 0',
    contentReasons: 'SELECT reason, files FROM content_reasons WHERE files > 0',
    fail: 'UPDATE files SET state = CASE WHEN gen = @gen THEN @state ELSE state END, stale = CASE WHEN gen = @gen THEN 0 ELSE stale END, error = @error, scanned_at = @at WHERE id = @id RETURNING gen',
    refresh: `UPDATE files SET name = @name, size = @size, sha1 = @sha1, modified_at = COALESCE(@modifiedAt, modified_at), link_effective = @linkEffective, link_password = @linkPassword,
      has_collabs = @hasCollabs, owner_id = @ownerId, owner_login = @ownerLogin, folder_id = COALESCE(@folderId, folder_id), stale = 0 WHERE id = @id AND gen = @gen`,
    prioritise: `INSERT INTO files(id, name, ext, folder_id, owner_id, owner_login, as_user, state, priority, seq, reason, reason_event, stale)
      VALUES (@id, @name, @ext, @folderId, @ownerId, @ownerLogin, @asUser, ${S.queued}, ${P.activity}, @seq, @reason, @eventId, 1)
      ON CONFLICT(id) DO UPDATE SET stale = 1, gen = gen + 1, reason = @reason, reason_event = @eventId, given_up = 0,
        seq = CASE WHEN files.state = ${S.queued} AND files.priority = ${P.activity} THEN files.seq ELSE @seq END, priority = ${P.activity}, state = ${S.queued}`,
    insertJump: 'INSERT INTO jumps(file_id, name, event_type, event_id, at) VALUES (?, ?, ?, ?, ?)',
    // The jumps table keeps the latest 100 (the dashboard shows 10).
    trimJumps: 'DELETE FROM jumps WHERE seq <= (SELECT MAX(seq) - 100 FROM jumps)',
    // The rescan statements take one rowid range (a chunk) each: see ScanStore.rescanAll.
    rescanFolders: `UPDATE folders SET state = ${F.pending}, marker = NULL, attempts = 0, last_error = NULL WHERE ${ROWID_RANGE}`,
    // A user given up on (last_error set by giveUpUser) is tried again; one Box refused stays out.
    rescanUsers: `UPDATE users SET root_done = 0, attempts = 0, reachable = CASE WHEN last_error IS NULL THEN reachable ELSE 1 END,
      reason = CASE WHEN last_error IS NULL THEN reason ELSE NULL END, last_error = NULL WHERE ${ROWID_RANGE}`,
    // Files given up with their folder are queued again too (a folder that lists now brings them back).
    rescanFiles: `UPDATE files SET state = ${S.queued}, priority = ${P.periodic}, reason = @reason, gen = gen + 1, attempts = 0, given_up = 0
      WHERE ${ROWID_RANGE} AND (state IN (${S.done}, ${S.failed}) OR given_up = 1)`,
    lastRowid:
      'SELECT (SELECT MAX(rowid) FROM users) users, (SELECT MAX(rowid) FROM folders) folders, (SELECT MAX(rowid) FROM files) files',
    triggers: "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name",
    zeroCounters: `UPDATE counters SET users = 0, reachable = 0, folders = 0, listed = 0, files = 0, queued = 0, done = 0, failed = 0,
      not_scanned = 0, inspection_pending = 0, events = 0, backfill_events = 0`,
    // Startup: a collaborations reading interrupted by a crash is asked again.
    recoverRefreshes: `UPDATE folders SET collab_refresh = ${R.asked} WHERE collab_refresh = ${R.reading}`,
  } as const;
}

type Sql = ReturnType<typeof writerSql>;

/** The result row each reading statement gives (the rest give nothing read). */
interface RowOf {
  getMeta: { value: string };
  user: UserRow;
  nextUsers: UserRow;
  folder: FolderRow;
  nextFolders: FolderRow;
  nextRefresh: FolderRow;
  file: FileRow;
  head: FileRow;
  headActivity: FileRow;
  nextInspections: FileRow;
  inspectionsLeft: { 1: number };
  inspectLater: { inspect_tries: number };
  content: import('./rows').ContentRow;
  contentTypes: { ext: string; files: number; bytes: number; failed: number; reused: number };
  contentReasons: { reason: string; files: number };
  finish: { gen: number };
  fail: { gen: number };
  failUser: { attempts: number };
  failFolder: { attempts: number };
  failFile: { attempts: number };
  subtreeCounts: { moved: number; done: number | null; failed: number | null; queued: number | null };
  subtreeSample: { id: string; name: string | null };
  failedItems: { kind: 'user' | 'folder' | 'file'; id: string; name: string; reason: string };
  counters: import('./rows').StoreCounts;
  triggers: { name: string; sql: string };
  lastRowid: { users: number | null; folders: number | null; files: number | null };
}

export type Statements = { [K in keyof Sql]: Statement<unknown[], K extends keyof RowOf ? RowOf[K] : unknown> };

/** Prepares every statement of the writer connection, once. */
export function prepareStatements(db: Database): Statements {
  return Object.fromEntries(Object.entries(writerSql()).map(([k, sql]) => [k, db.prepare(sql)])) as Statements;
}

const cache = new WeakMap<Database, Map<string, Statement>>();

/**
 * A read query's statement, prepared once per connection and text. The read queries build
 * their text from fixed fragments (filters, sort columns from a fixed map), so the cache stays
 * small: one per combination used.
 */
export function cached<R = unknown>(db: Database, sql: string): Statement<unknown[], R> {
  let forDb = cache.get(db);
  if (!forDb) cache.set(db, (forDb = new Map()));
  let st = forDb.get(sql);
  if (!st) forDb.set(sql, (st = db.prepare(sql)));
  return st as Statement<unknown[], R>;
}
