/** JSON for collaborations (on a top folder, inherited below it, or directly on a file). */
import type { World } from '../state/world';
import { isoTime, userCollab } from './common';

export interface CollabLike {
  id: string;
  userIndex: number;
  role: string;
  status: string;
  createdAt: number;
}

export function collabJson(
  w: World,
  c: CollabLike,
  createdBy: number,
  item: Record<string, unknown>,
): Record<string, unknown> {
  return {
    type: 'collaboration',
    id: c.id,
    created_by: userCollab(w, createdBy),
    created_at: isoTime(c.createdAt),
    modified_at: isoTime(c.createdAt),
    expires_at: null,
    status: c.status,
    accessible_by: userCollab(w, c.userIndex),
    invite_email: null,
    role: c.role,
    acknowledged_at: isoTime(c.createdAt),
    item,
    is_access_only: false,
  };
}
