/**
 * The enterprise's event history, by index. Event e happens at historyTime(e), which never
 * decreases with e, so the history is chronological by construction, a time window is a
 * binary search, and a stream position is simply an index.
 */
import { hash, pseudoUuid, S, unit, weighted } from './prng';

export interface SandboxEvent {
  ordinal: number;
  eventId: string;
  type: string;
  time: number;
  actor: number;
  /** File index, or -1 when the source is a folder or a user. */
  file: number;
  /** Folder index when the source is a folder, else -1. */
  folder: number;
  ip: string;
  details: Record<string, unknown> | null;
}

export interface HistorySpec {
  seed: number;
  count: number;
  start: number;
  end: number;
  files: number;
}

export const HISTORY_DAYS = 90;

/** Event mix of the history. DELETE and MOVE are left out: the tree shows today's state. */
export const HISTORY_TYPES = [
  ['PREVIEW', 24],
  ['DOWNLOAD', 14],
  ['EDIT', 12],
  ['UPLOAD', 10],
  ['ITEM_OPEN', 4],
  ['SHARE', 6],
  ['ITEM_SHARED_UPDATE', 2],
  ['UNSHARE', 2],
  ['COLLABORATION_INVITE', 4],
  ['COLLABORATION_ACCEPT', 3],
  ['COLLABORATION_ROLE_CHANGE', 1],
  ['COLLABORATION_REMOVE', 1],
  ['RENAME', 2],
  ['COPY', 2],
  ['SHARED_LINK_SEND', 2],
  ['LOGIN', 6],
  ['FILE_WATERMARKED_DOWNLOAD', 1],
  ['ITEM_SYNC', 1],
  ['CONTENT_ACCESS', 1],
  ['ITEM_MODIFY', 2],
] as const;

export const FOLDER_EVENT_TYPES = new Set([
  'COLLABORATION_INVITE',
  'COLLABORATION_ACCEPT',
  'COLLABORATION_ROLE_CHANGE',
  'COLLABORATION_REMOVE',
]);

export function historyCount(files: number): number {
  return Math.max(5000, Math.min(files * 2, 2_000_000));
}

export function historyTime(h: HistorySpec, e: number): number {
  const step = (h.end - h.start) / h.count;
  const jitter = unit(hash(h.seed, S.eventTime, e));
  return Math.floor((h.start + (e + jitter) * step) / 1000) * 1000;
}

/** First event index whose time is >= t. */
export function historyIndexAtOrAfter(h: HistorySpec, t: number): number {
  let lo = 0;
  let hi = h.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (historyTime(h, mid) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface ActorPicker {
  /** Owner of file k and, when available, a collaborator who could also act on it. */
  actorFor(k: number, u: number): number;
  folderOf(k: number): number;
  topOf(folder: number): number;
  randomInternalUser(h: number): number;
}

export function historyEvent(h: HistorySpec, e: number, pick: ActorPicker): SandboxEvent {
  const r = (j: number) => hash(h.seed, S.event, e, j);
  const type = weighted(HISTORY_TYPES, unit(r(0)));
  const file = h.files > 0 ? r(1) % h.files : -1;
  const time = historyTime(h, e);
  const ip = `10.${r(2) % 200}.${(r(2) >>> 8) % 250}.${((r(2) >>> 16) % 250) + 1}`;
  const eventId = pseudoUuid(h.seed, S.event, e);
  if (type === 'LOGIN' || file < 0) {
    return {
      ordinal: e,
      eventId,
      type: 'LOGIN',
      time,
      actor: pick.randomInternalUser(r(3)),
      file: -1,
      folder: -1,
      ip,
      details: null,
    };
  }
  const actor = pick.actorFor(file, r(3));
  if (FOLDER_EVENT_TYPES.has(type)) {
    const folder = pick.topOf(pick.folderOf(file));
    return {
      ordinal: e,
      eventId,
      type,
      time,
      actor,
      file: -1,
      folder,
      ip,
      details: { role: r(4) % 2 ? 'editor' : 'viewer' },
    };
  }
  let details: Record<string, unknown> | null = null;
  if (type === 'UPLOAD' || type === 'EDIT')
    details = { version_id: String(r(5) % 1_000_000_000), size: r(6) % 5_000_000 };
  if (type === 'SHARE' || type === 'ITEM_SHARED_UPDATE')
    details = { shared_link_access: ['open', 'company', 'collaborators'][r(4) % 3] };
  return { ordinal: e, eventId, type, time, actor, file, folder: -1, ip, details };
}
