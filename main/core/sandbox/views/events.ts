/** JSON for enterprise events, in the admin_logs shape. */
import type { SandboxEvent } from '../generator/events';
import { folderIdOf, folderName } from '../generator/tree';
import type { World } from '../state/world';
import { isoTime, userMini } from './common';
import { folderMini } from './items';

export function eventJson(w: World, e: SandboxEvent): Record<string, unknown> {
  let source: Record<string, unknown>;
  if (e.file >= 0) {
    const f = w.file(e.file);
    const g = f?.gen;
    source = {
      item_type: 'file',
      item_id: f?.id ?? '',
      item_name: f?.name ?? '',
      parent: g ? folderMini(w, g.folder) : null,
      owned_by: userMini(w, g?.owner ?? 0),
    };
  } else if (e.folder >= 0) {
    const t = w.ent.tree;
    source = {
      item_type: 'folder',
      item_id: folderIdOf(t, e.folder),
      item_name: folderName(t, e.folder),
      parent: folderMini(w, t.parent[e.folder] ?? -1),
      owned_by: userMini(w, t.owner[e.folder] ?? 0),
    };
  } else {
    source = userMini(w, e.actor);
  }
  return {
    type: 'event',
    event_id: e.eventId,
    event_type: e.type,
    created_at: isoTime(e.time),
    recorded_at: isoTime(e.time),
    created_by: userMini(w, e.actor),
    source,
    ip_address: e.ip,
    additional_details: e.details,
    session_id: e.eventId.slice(0, 8),
  };
}
