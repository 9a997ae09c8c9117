/** Admin events as stored, and what a content or sharing event does to the queue. */
import { eventMovesFile } from '../../../../common/scan/priority';
import type { ScanStore } from '../store/scan-store';

export interface BoxEvent {
  event_id: string;
  event_type: string;
  created_at: string;
  created_by?: { id?: string; login?: string } | null;
  source?: { item_type?: string; item_id?: string; item_name?: string; parent?: { id?: string } | null; owned_by?: { id?: string; login?: string } | null } | null;
}

export function storeEvent(store: ScanStore, e: BoxEvent, source: 'backfill' | 'live'): boolean {
  return store.insertEvent({
    event_id: e.event_id, source, event_type: e.event_type, created_at: e.created_at,
    item_type: e.source?.item_type ?? null, item_id: e.source?.item_id ?? null, item_name: e.source?.item_name ?? null, actor_login: e.created_by?.login ?? null, json: JSON.stringify(e),
  });
}

export function extOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** Moves the event's file to the front (content/sharing events only); returns whether it did. */
export function applyEventToQueue(store: ScanStore, e: BoxEvent): boolean {
  const s = e.source;
  if (!eventMovesFile(e.event_type) || s?.item_type !== 'file' || !s.item_id) return false;
  const owner = s.owned_by?.id ? store.user(s.owned_by.id) : undefined;
  const name = s.item_name ?? '';
  store.prioritise({
    id: s.item_id, name, ext: extOf(name), folderId: s.parent?.id ?? null, ownerId: s.owned_by?.id ?? null, ownerLogin: s.owned_by?.login ?? null,
    asUser: owner && owner.reachable && !owner.self ? owner.id : null,
    reason: `${e.event_type} by ${e.created_by?.login ?? 'someone'} at ${e.created_at}`, eventId: e.event_id,
  });
  store.recordJump({ fileId: s.item_id, name, eventType: e.event_type, eventId: e.event_id, at: e.created_at });
  return true;
}
