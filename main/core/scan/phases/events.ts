/** Admin events as stored, and what a content or sharing event does to the queue. */
import { eventMovesFile, eventMovesFolder } from '../../../../common/scan/priority';
import { FileState } from '../../../../common/scan/states';
import type { ScanStore } from '../store/scan-store';

export interface BoxEvent {
  event_id: string;
  event_type: string;
  created_at: string;
  created_by?: { id?: string; login?: string } | null;
  source?: {
    item_type?: string;
    item_id?: string;
    item_name?: string;
    parent?: { id?: string } | null;
    owned_by?: { id?: string; login?: string } | null;
  } | null;
  additional_details?: Record<string, unknown> | null;
}

export function storeEvent(store: ScanStore, e: BoxEvent, source: 'backfill' | 'live'): boolean {
  return store.insertEvent({
    event_id: e.event_id,
    source,
    event_type: e.event_type,
    created_at: e.created_at,
    item_type: e.source?.item_type ?? null,
    item_id: e.source?.item_id ?? null,
    item_name: e.source?.item_name ?? null,
    actor_login: e.created_by?.login ?? null,
    json: JSON.stringify(e),
  });
}

export function extOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** What a file event did, so the engine's live counters move the file from its old state to queued. */
export interface FileRequeued {
  isNew: boolean;
  queued: boolean;
  wasDone: boolean;
  wasFailed: boolean;
  wasNotScanned: boolean;
}

/**
 * Moves the event's file to the front (content/sharing events only). Returns null when it did
 * not, else what it did to the counters.
 */
export function applyEventToQueue(store: ScanStore, e: BoxEvent): FileRequeued | null {
  const s = e.source;
  if (!eventMovesFile(e.event_type) || s?.item_type !== 'file' || !s.item_id) return null;
  const before = store.file(s.item_id);
  const owner = s.owned_by?.id ? store.user(s.owned_by.id) : undefined;
  const name = s.item_name ?? '';
  store.prioritise({
    id: s.item_id,
    name,
    ext: extOf(name),
    folderId: s.parent?.id ?? null,
    ownerId: s.owned_by?.id ?? null,
    ownerLogin: s.owned_by?.login ?? null,
    asUser: owner && owner.reachable && !owner.self ? owner.id : null,
    reason: `${e.event_type} by ${e.created_by?.login ?? 'someone'} at ${e.created_at}`,
    eventId: e.event_id,
  });
  store.recordJump({ fileId: s.item_id, name, eventType: e.event_type, eventId: e.event_id, at: e.created_at });
  const was = before?.state;
  return {
    isNew: !before,
    queued: was !== FileState.queued,
    wasDone: was === FileState.done,
    wasFailed: was === FileState.failed,
    wasNotScanned: was === FileState.notScanned || was === FileState.gone,
  };
}

/** What a folder sharing event did, in words, for the queue's reason (the event type last). */
export function folderEventReason(e: BoxEvent): string {
  const d = e.additional_details ?? {};
  const pick = (...keys: string[]) => keys.map((k) => d[k]).find((v): v is string => typeof v === 'string' && v !== '');
  const who = pick('invitee', 'invitee_login', 'accessible_by_login', 'collaborator');
  const access = pick('shared_link_access', 'access');
  const name = e.source?.item_name ?? e.source?.item_id ?? '';
  const what: Record<string, string> = {
    COLLABORATION_INVITE: who ? `shared with ${who}` : 'shared with a new collaborator',
    COLLABORATION_ACCEPT: who ? `collaboration accepted by ${who}` : 'collaboration accepted',
    COLLABORATION_REMOVE: who ? `no longer shared with ${who}` : 'a collaborator removed',
    COLLABORATION_ROLE_CHANGE: who ? `collaborator ${who} changed role` : 'a collaborator changed role',
    CHANGE_FOLDER_PERMISSION: 'permissions changed',
    SHARE: access ? `shared by link (${access})` : 'shared by link',
    ITEM_SHARED_UPDATE: access ? `shared link changed (${access})` : 'shared link changed',
    UNSHARE: 'shared link removed',
  };
  return `Folder '${name}' ${what[e.event_type] ?? 'sharing changed'} by ${e.created_by?.login ?? 'someone'} at ${e.created_at} (${e.event_type})`;
}

/**
 * A sharing event on a folder moves every file beneath it to the front (see
 * ScanStore.prioritiseFolder). Returns null when it moved nothing: not a folder sharing event,
 * or a folder the store does not know yet (its files will be listed with the new access).
 */
export function applyFolderEventToQueue(
  store: ScanStore,
  e: BoxEvent,
): { moved: number; wasDone: number; wasFailed: number; newlyQueued: number } | null {
  const s = e.source;
  if (!eventMovesFolder(e.event_type) || s?.item_type !== 'folder' || !s.item_id) return null;
  const r = store.prioritiseFolder({
    folderId: s.item_id,
    reason: folderEventReason(e),
    eventId: e.event_id,
    eventType: e.event_type,
    at: e.created_at,
  });
  if (!r) return null;
  return { moved: r.moved, wasDone: r.wasDone, wasFailed: r.wasFailed, newlyQueued: r.moved - r.wasQueued };
}
