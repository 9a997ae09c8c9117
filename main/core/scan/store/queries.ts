/**
 * The store's read queries behind the dashboard and the exports: findings (filtered, searched,
 * sorted, paged, with the filtered total), activity (each event marked read-only or not), what
 * was not scanned and why, coverage per user, and the queue (head with reasons, latest jumps).
 * Read-only; every value is a bound parameter, every sort column comes from a fixed map.
 */
import type {
  InspectionMethod,
  InspectionReason,
  InspectionState,
  Locations,
} from '../../../../common/scan/inspection';
import type { Database } from 'better-sqlite3';
import type { AccessLevel } from '../../../../common/scan/access-level';
import type { Findings } from '../../../../common/scan/detectors';
import { READ_ONLY_EVENTS, eventMovesItems } from '../../../../common/scan/priority';
import { FILE_STATUS, FileState as S, PRIORITY_NAME, type FileState } from '../../../../common/scan/states';
import type {
  ActivityEntry,
  ActivityPage,
  FileFinding,
  FileStatus,
  FindingsPage,
  NotScannedPage,
  QueueHeadEntry,
  QueueJump,
  QueueView,
  UserCoverage,
} from '../../../../common/scan/types';
import type { EventRow, FileRow, UserRow } from './rows';
import { NOT_SCANNED_STATES, cached } from './statements';

export interface FindingsQuery {
  accessLevels?: AccessLevel[];
  inspection?: InspectionState[];
  /** Only files Failed or Partially scanned for one of these reasons. */
  reasons?: InspectionReason[];
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

const STATE_OF_STATUS = Object.fromEntries(
  Object.entries(FILE_STATUS).map(([state, status]) => [status, Number(state)]),
) as Record<FileStatus, FileState>;

/** SQL for a file's inspection state as shown (a file not yet inspected is Pending). */
export const INSPECTION_SQL = `COALESCE(f.inspection, CASE f.state WHEN ${S.queued} THEN 'Pending' WHEN ${S.failed} THEN 'Failed' ELSE 'Not applicable' END)`;

const SORT_SQL: Record<FindingsQuery['sort'], string> = {
  name: 'f.name COLLATE NOCASE',
  path: "COALESCE(d.path, '') COLLATE NOCASE",
  owner: 'f.owner_login COLLATE NOCASE',
  // Most exposed first when ascending, as the connector lists them.
  accessLevel:
    "CASE f.access_level WHEN 'Public (Internet)' THEN 0 WHEN 'Public' THEN 1 WHEN 'External' THEN 2 WHEN 'Internal' THEN 3 WHEN 'Private' THEN 4 ELSE 5 END",
  inspection: INSPECTION_SQL,
  findings: 'f.sensitive',
  status: 'f.state',
  scannedAt: 'f.scanned_at',
};

export type JoinedRow = FileRow & { path: string | null; inspection_shown: string };

export function toFinding(r: JoinedRow): FileFinding {
  const state = FILE_STATUS[r.state] ?? 'queued';
  return {
    fileId: r.id,
    name: r.name,
    path: r.path ?? '/',
    ownerLogin: r.owner_login ?? '',
    accessLevel: r.state === S.done ? (r.access_level as AccessLevel | null) : null,
    externalCollaborators: r.ext_collaborators ? (JSON.parse(r.ext_collaborators) as string[]) : [],
    inspection: r.inspection_shown as InspectionState,
    inspectionReason: r.inspection_reason as InspectionReason | null,
    inspectionMethod: r.inspection_method as InspectionMethod | null,
    locations: r.locations ? (JSON.parse(r.locations) as Locations) : null,
    findings: r.findings ? (JSON.parse(r.findings) as Findings) : null,
    status: state,
    reason: state === 'scanned' ? null : state === 'queued' || state === 'not scanned' ? r.reason : r.error,
    scannedAt: r.scanned_at ? new Date(r.scanned_at).toISOString() : null,
  };
}

export const SELECT_FINDING = `SELECT f.*, d.path AS path, ${INSPECTION_SQL} AS inspection_shown FROM files f LEFT JOIN folders d ON d.id = f.folder_id`;

function findingsWhere(q: Omit<FindingsQuery, 'sort' | 'order' | 'offset' | 'limit'>): {
  sql: string;
  params: unknown[];
} {
  const where: string[] = [];
  const params: unknown[] = [];
  const anyOf = (expr: string, values: unknown[] | undefined) => {
    if (!values || values.length === 0) return;
    where.push(`${expr} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  anyOf('f.access_level', q.accessLevels);
  anyOf(INSPECTION_SQL, q.inspection);
  if (q.reasons?.length) where.push("f.inspection IN ('Failed', 'Partially scanned')");
  anyOf('f.inspection_reason', q.reasons);
  anyOf(
    'f.state',
    q.status?.map((s) => STATE_OF_STATUS[s]),
  );
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
  const total = cached<{ n: number }>(db, `SELECT COUNT(*) n FROM files f ${w.sql}`).get(...w.params)!.n;
  const dir = q.order === 'desc' ? 'DESC' : 'ASC';
  const rows = cached<JoinedRow>(
    db,
    `${SELECT_FINDING} ${w.sql} ORDER BY ${SORT_SQL[q.sort]} ${dir}, f.id ${dir} LIMIT ? OFFSET ?`,
  ).all(...w.params, q.limit, q.offset);
  return { total, offset: q.offset, limit: q.limit, entries: rows.map(toFinding) };
}

/**
 * Every file's finding in the order the files were first stored, a page at a time by rowid
 * (keyset: each page is one short read, so no statement stays open between pages and a paused
 * export never keeps a connection busy). A file changed mid-export shows its state when its
 * page was read; none is skipped or repeated (rows are never deleted but by reset).
 */
export function* allFindings(db: Database, pageSize = 1000): Generator<FileFinding> {
  const page = cached<JoinedRow & { row: number }>(
    db,
    `SELECT f.rowid AS row, ${SELECT_FINDING.slice('SELECT '.length)} WHERE f.rowid > ? ORDER BY f.rowid LIMIT ?`,
  );
  let after = 0;
  for (;;) {
    const rows = page.all(after, pageSize);
    for (const r of rows) yield toFinding(r);
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1]!.row;
  }
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
  const total = cached<{ n: number }>(db, `SELECT COUNT(*) n FROM events ${sql}`).get(...params)!.n;
  const rows = cached<EventRow>(
    db,
    `SELECT event_id, source, event_type, created_at, item_type, item_id, item_name, actor_login FROM events ${sql} ORDER BY created_at DESC, event_id DESC LIMIT ? OFFSET ?`,
  ).all(...params, q.limit, q.offset);
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
    SELECT 'file', id, name, owner_login, COALESCE(CASE state WHEN ${S.notScanned} THEN reason ELSE error END, 'not reachable'), 1, seq FROM files WHERE state IN (${NOT_SCANNED_STATES})`;
  const byReason = cached<NotScannedPage['byReason'][number]>(
    db,
    `SELECT reason, COUNT(*) AS count FROM (${UNION}) GROUP BY reason ORDER BY count DESC, reason`,
  ).all();
  const total = byReason.reduce((n, r) => n + r.count, 0); // one pass fewer over the rows
  const rows = cached<{
    kind: 'user' | 'file';
    id: string;
    name: string | null;
    owner_login: string | null;
    reason: string;
  }>(db, `SELECT kind, id, name, owner_login, reason FROM (${UNION}) ORDER BY ord, seq LIMIT ? OFFSET ?`).all(
    limit,
    offset,
  );
  return {
    total,
    offset,
    limit,
    byReason,
    entries: rows.map((r) => ({
      kind: r.kind,
      id: r.id,
      name: r.name ?? '',
      ownerLogin: r.owner_login,
      reason: r.reason,
    })),
  };
}

export function coverage(db: Database): UserCoverage[] {
  const rows = cached<
    Pick<UserRow, 'id' | 'login' | 'name' | 'role' | 'reachable' | 'reason'> & {
      files: number;
      scanned: number;
      failed: number;
      not_scanned: number;
      queued: number;
    }
  >(
    db,
    `SELECT u.id, u.login, u.name, u.role, u.reachable, u.reason,
        COALESCE(c.files, 0) files, COALESCE(c.scanned, 0) scanned, COALESCE(c.failed, 0) failed, COALESCE(c.not_scanned, 0) not_scanned, COALESCE(c.queued, 0) queued
       FROM users u LEFT JOIN owner_counts c ON c.owner_id = u.id
       ORDER BY u.seq`,
  ).all();
  return rows.map((r) => ({
    userId: r.id,
    login: r.login,
    name: r.name,
    role: r.role,
    reachable: r.reachable === 1,
    reason: r.reason,
    files: r.files,
    scanned: r.scanned,
    failed: r.failed,
    notScanned: r.not_scanned,
    queued: r.queued,
  }));
}

export function queueView(db: Database, limit: number): QueueView {
  const queued = cached<{ queued: number }>(db, 'SELECT queued FROM counters').get()!.queued;
  const head = cached<Pick<FileRow, 'id' | 'name' | 'priority' | 'reason'>>(
    db,
    `SELECT id, name, priority, reason FROM files WHERE state = ${S.queued} ORDER BY priority, seq LIMIT ?`,
  )
    .all(limit)
    .map(headEntry);
  return { queued, head, jumps: recentJumps(db) };
}

/** A queued file as the dashboard's "Up next" shows it. */
export function headEntry(r: Pick<FileRow, 'id' | 'name' | 'priority' | 'reason'>): QueueHeadEntry {
  return { fileId: r.id, name: r.name, priority: PRIORITY_NAME[r.priority] ?? 'regular', reason: r.reason ?? '' };
}

/**
 * The latest files that jumped the queue, newest first, with the event that moved them (who
 * did what) and when the file was scanned after the jump (null while it waits).
 */
export function recentJumps(db: Database, limit = 10): QueueJump[] {
  // Prepared once per connection (cached): every progress snapshot (ten a second) reads the jumps.
  const rows = cached<{
    file_id: string;
    name: string | null;
    event_type: string;
    event_id: string | null;
    at: string;
    actor_login: string | null;
    state: number | null;
    scanned_at: number | null;
  }>(
    db,
    `SELECT j.file_id, j.name, j.event_type, j.event_id, j.at, e.actor_login, f.state, f.scanned_at
       FROM jumps j LEFT JOIN events e ON e.event_id = j.event_id LEFT JOIN files f ON f.id = j.file_id
       ORDER BY j.seq DESC LIMIT ?`,
  ).all(limit);
  return rows.map((j) => {
    const scanned =
      j.state !== null && j.state !== S.queued && j.scanned_at !== null && j.scanned_at >= Date.parse(j.at);
    return {
      fileId: j.file_id,
      name: j.name ?? '',
      eventType: j.event_type,
      eventId: j.event_id ?? '',
      at: j.at,
      actorLogin: j.actor_login,
      scannedAt: scanned ? new Date(j.scanned_at!).toISOString() : null,
    };
  });
}
