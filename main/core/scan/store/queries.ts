/**
 * The store's read queries behind the dashboard and the exports: findings (filtered, searched,
 * sorted, paged, with the filtered total), activity (each event marked read-only or not), what
 * was not scanned and why, coverage per user, and the queue (head with reasons, latest jumps).
 * Read-only; every value is a bound parameter, every sort column comes from a fixed map.
 */
import type { Database, Statement } from 'better-sqlite3';
import type { AccessLevel } from '../../../../common/scan/access-level';
import type { Findings } from '../../../../common/scan/detectors';
import { PRIORITY_BY_RANK, READ_ONLY_EVENTS, eventMovesItems } from '../../../../common/scan/priority';
import type {
  ActivityEntry, ActivityPage, FileFinding, FileStatus, FindingsPage, InspectionState, NotScannedPage, QueueHeadEntry, QueueJump, QueueView, UserCoverage,
} from '../../../../common/scan/types';
import type { FileRow } from './scan-store';

export interface FindingsQuery {
  accessLevels?: AccessLevel[];
  inspection?: InspectionState[];
  status?: FileStatus[];
  sensitiveOnly?: boolean;
  search?: string;
  sort: 'name' | 'path' | 'owner' | 'accessLevel' | 'inspection' | 'findings' | 'status' | 'scannedAt';
  order: 'asc' | 'desc';
  offset: number;
  limit: number;
}

export interface ActivityQuery {
  types?: string[];
  user?: string;
  fileId?: string;
  readOnly?: boolean;
  source?: 'backfill' | 'live';
  offset: number;
  limit: number;
}

const STATUS_OF_STATE: FileStatus[] = ['queued', 'scanned', 'failed', 'not scanned', 'gone'];
const STATE_OF_STATUS: Record<FileStatus, number> = { queued: 0, scanned: 1, failed: 2, 'not scanned': 3, gone: 4 };

/** SQL for a file's inspection state as shown (a file not yet inspected is Pending). */
const INSPECTION_SQL = `COALESCE(f.inspection, CASE f.state WHEN 0 THEN 'Pending' WHEN 2 THEN 'Failed' ELSE 'Not applicable' END)`;

const SORT_SQL: Record<FindingsQuery['sort'], string> = {
  name: 'f.name COLLATE NOCASE',
  path: "COALESCE(d.path, '') COLLATE NOCASE",
  owner: 'f.owner_login COLLATE NOCASE',
  // Most exposed first when ascending, as the connector lists them.
  accessLevel: "CASE f.access_level WHEN 'Public (Internet)' THEN 0 WHEN 'Public' THEN 1 WHEN 'External' THEN 2 WHEN 'Internal' THEN 3 WHEN 'Private' THEN 4 ELSE 5 END",
  inspection: INSPECTION_SQL,
  findings: 'f.sensitive',
  status: 'f.state',
  scannedAt: 'f.scanned_at',
};

type JoinedRow = FileRow & { path: string | null; inspection_shown: string };

export function toFinding(r: JoinedRow): FileFinding {
  const state = STATUS_OF_STATE[r.state] ?? 'queued';
  return {
    fileId: r.id,
    name: r.name,
    path: r.path ?? '/',
    ownerLogin: r.owner_login ?? '',
    accessLevel: r.state === 1 ? (r.access_level as AccessLevel | null) : null,
    externalCollaborators: r.ext_collaborators ? (JSON.parse(r.ext_collaborators) as string[]) : [],
    inspection: r.inspection_shown as InspectionState,
    inspectionReason: r.inspection_reason,
    findings: r.findings ? (JSON.parse(r.findings) as Findings) : null,
    status: state,
    reason: state === 'scanned' ? null : state === 'queued' || state === 'not scanned' ? r.reason : r.error,
    scannedAt: r.scanned_at ? new Date(r.scanned_at).toISOString() : null,
  };
}

const SELECT_FINDING = `SELECT f.*, d.path AS path, ${INSPECTION_SQL} AS inspection_shown FROM files f LEFT JOIN folders d ON d.id = f.folder_id`;

function findingsWhere(q: Omit<FindingsQuery, 'sort' | 'order' | 'offset' | 'limit'>): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const anyOf = (expr: string, values: unknown[] | undefined) => {
    if (!values || values.length === 0) return;
    where.push(`${expr} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  anyOf('f.access_level', q.accessLevels);
  anyOf(INSPECTION_SQL, q.inspection);
  anyOf('f.state', q.status?.map((s) => STATE_OF_STATUS[s]));
  if (q.sensitiveOnly) where.push('f.sensitive > 0');
  const search = q.search?.trim();
  if (search) {
    const like = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push("(f.name LIKE ? ESCAPE '\\' OR f.owner_login LIKE ? ESCAPE '\\')");
    params.push(like, like);
  }
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

export function findingsPage(db: Database, q: FindingsQuery): FindingsPage {
  const w = findingsWhere(q);
  const total = (db.prepare(`SELECT COUNT(*) n FROM files f ${w.sql}`).get(...w.params) as { n: number }).n;
  const dir = q.order === 'desc' ? 'DESC' : 'ASC';
  const rows = db
    .prepare(`${SELECT_FINDING} ${w.sql} ORDER BY ${SORT_SQL[q.sort]} ${dir}, f.id ${dir} LIMIT ? OFFSET ?`)
    .all(...w.params, q.limit, q.offset) as JoinedRow[];
  return { total, offset: q.offset, limit: q.limit, entries: rows.map(toFinding) };
}

/** Every file's finding, in discovery order, one at a time (exports of a million rows). */
export function* allFindings(db: Database): Generator<FileFinding> {
  for (const r of db.prepare(`${SELECT_FINDING} ORDER BY f.seq`).iterate() as IterableIterator<JoinedRow>) yield toFinding(r);
}

interface EventRow {
  event_id: string;
  source: 'backfill' | 'live';
  event_type: string;
  created_at: string;
  item_type: string | null;
  item_id: string | null;
  item_name: string | null;
  actor_login: string | null;
}

export function activityPage(db: Database, q: ActivityQuery): ActivityPage {
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.types?.length) {
    where.push(`event_type IN (${q.types.map(() => '?').join(', ')})`);
    params.push(...q.types);
  }
  if (q.user) {
    where.push('actor_login = ? COLLATE NOCASE');
    params.push(q.user);
  }
  if (q.fileId) {
    where.push("item_type = 'file' AND item_id = ?");
    params.push(q.fileId);
  }
  if (q.readOnly !== undefined) {
    const list = [...READ_ONLY_EVENTS];
    where.push(`event_type ${q.readOnly ? '' : 'NOT '}IN (${list.map(() => '?').join(', ')})`);
    params.push(...list);
  }
  if (q.source) {
    where.push('source = ?');
    params.push(q.source);
  }
  const sql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (db.prepare(`SELECT COUNT(*) n FROM events ${sql}`).get(...params) as { n: number }).n;
  const rows = db
    .prepare(`SELECT event_id, source, event_type, created_at, item_type, item_id, item_name, actor_login FROM events ${sql} ORDER BY created_at DESC, event_id DESC LIMIT ? OFFSET ?`)
    .all(...params, q.limit, q.offset) as EventRow[];
  const entries: ActivityEntry[] = rows.map((r) => ({
    eventId: r.event_id,
    type: r.event_type,
    createdAt: r.created_at,
    actorLogin: r.actor_login,
    itemType: r.item_type,
    itemId: r.item_id,
    itemName: r.item_name,
    source: r.source,
    readOnly: READ_ONLY_EVENTS.has(r.event_type),
    movesFile: eventMovesItems(r.item_type, r.event_type),
  }));
  return { total, offset: q.offset, limit: q.limit, entries };
}

/** Unreachable users first (their whole content), then single files, by reason. */
export function notScannedPage(db: Database, offset: number, limit: number): NotScannedPage {
  const UNION = `
    SELECT 'user' AS kind, id, name, login AS owner_login, COALESCE(reason, 'not reachable') AS reason, 0 AS ord, seq FROM users WHERE reachable = 0
    UNION ALL
    SELECT 'file', id, name, owner_login, COALESCE(CASE state WHEN 3 THEN reason ELSE error END, 'not reachable'), 1, seq FROM files WHERE state IN (3, 4)`;
  const total = (db.prepare(`SELECT COUNT(*) n FROM (${UNION})`).get() as { n: number }).n;
  const byReason = db.prepare(`SELECT reason, COUNT(*) AS count FROM (${UNION}) GROUP BY reason ORDER BY count DESC, reason`).all() as NotScannedPage['byReason'];
  const rows = db.prepare(`SELECT kind, id, name, owner_login, reason FROM (${UNION}) ORDER BY ord, seq LIMIT ? OFFSET ?`).all(limit, offset) as Array<{
    kind: 'user' | 'file';
    id: string;
    name: string | null;
    owner_login: string | null;
    reason: string;
  }>;
  return { total, offset, limit, byReason, entries: rows.map((r) => ({ kind: r.kind, id: r.id, name: r.name ?? '', ownerLogin: r.owner_login, reason: r.reason })) };
}

export function coverage(db: Database): UserCoverage[] {
  const rows = db
    .prepare(
      `SELECT u.id, u.login, u.name, u.role, u.reachable, u.reason,
        COALESCE(c.files, 0) files, COALESCE(c.scanned, 0) scanned, COALESCE(c.failed, 0) failed, COALESCE(c.not_scanned, 0) not_scanned, COALESCE(c.queued, 0) queued
       FROM users u LEFT JOIN (
         SELECT owner_id, COUNT(*) files, SUM(state = 1) scanned, SUM(state = 2) failed, SUM(state IN (3, 4)) not_scanned, SUM(state = 0) queued
         FROM files GROUP BY owner_id) c ON c.owner_id = u.id
       ORDER BY u.seq`,
    )
    .all() as Array<{ id: string; login: string; name: string; role: string | null; reachable: number; reason: string | null; files: number; scanned: number; failed: number; not_scanned: number; queued: number }>;
  return rows.map((r) => ({
    userId: r.id, login: r.login, name: r.name, role: r.role, reachable: r.reachable === 1, reason: r.reason,
    files: r.files, scanned: r.scanned, failed: r.failed, notScanned: r.not_scanned, queued: r.queued,
  }));
}

export function queueView(db: Database, limit: number): QueueView {
  const queued = (db.prepare('SELECT COUNT(*) n FROM files WHERE state = 0').get() as { n: number }).n;
  const head = (db.prepare('SELECT id, name, priority, reason FROM files WHERE state = 0 ORDER BY priority, seq LIMIT ?').all(limit) as Array<Pick<FileRow, 'id' | 'name' | 'priority' | 'reason'>>).map(headEntry);
  return { queued, head, jumps: recentJumps(db) };
}

/** A queued file as the dashboard's "Up next" shows it. */
export function headEntry(r: Pick<FileRow, 'id' | 'name' | 'priority' | 'reason'>): QueueHeadEntry {
  return { fileId: r.id, name: r.name, priority: PRIORITY_BY_RANK[r.priority] ?? 'regular', reason: r.reason ?? '' };
}

// Prepared once per database: every progress snapshot (up to ten a second) reads the jumps.
const recentJumpsStatements = new WeakMap<Database, Statement>();

/**
 * The latest files that jumped the queue, newest first, with the event that moved them (who
 * did what) and when the file was scanned after the jump (null while it waits).
 */
export function recentJumps(db: Database, limit = 10): QueueJump[] {
  let statement = recentJumpsStatements.get(db);
  if (!statement) {
    statement = db.prepare(
      `SELECT j.file_id, j.name, j.event_type, j.event_id, j.at, e.actor_login, f.state, f.scanned_at
       FROM jumps j LEFT JOIN events e ON e.event_id = j.event_id LEFT JOIN files f ON f.id = j.file_id
       ORDER BY j.seq DESC LIMIT ?`,
    );
    recentJumpsStatements.set(db, statement);
  }
  const rows = statement
    .all(limit) as Array<{ file_id: string; name: string | null; event_type: string; event_id: string | null; at: string; actor_login: string | null; state: number | null; scanned_at: number | null }>;
  return rows.map((j) => {
    const scanned = j.state !== null && j.state !== 0 && j.scanned_at !== null && j.scanned_at >= Date.parse(j.at);
    return {
      fileId: j.file_id, name: j.name ?? '', eventType: j.event_type, eventId: j.event_id ?? '', at: j.at,
      actorLogin: j.actor_login, scannedAt: scanned ? new Date(j.scanned_at!).toISOString() : null,
    };
  });
}
