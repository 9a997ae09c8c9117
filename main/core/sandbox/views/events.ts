/** JSON for enterprise events, in the admin_logs shape. */
import type { SandboxEvent } from '../generator/events';
import { folderIdOfAny, folderLabel, folderOwner, folderParent } from '../state/catalog';
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
    source = {
      item_type: 'folder',
      item_id: folderIdOfAny(w, e.folder),
      item_name: folderLabel(w, e.folder),
      parent: folderMini(w, folderParent(w, e.folder)),
      owned_by: userMini(w, folderOwner(w, e.folder)),
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
