/**
 * Box's rules for the name of a new file or folder: what is valid (400 item_name_invalid /
 * item_name_too_long) and what clashes with a sibling (409 item_name_in_use; Box compares names
 * case-insensitively, files and folders alike).
 */
import type { Ctx } from '../http/context';
import { boxError } from '../http/context';
import type { World } from '../state/world';
import { listingOf } from './folders';

const MAX_NAME = 255;

/** False after answering Box's 400 when the name may not be used. */
export function checkName(ctx: Ctx, name: unknown): name is string {
  if (typeof name !== 'string' || name === '') {
    boxError(ctx, 400, 'bad_request', "'name' is required");
    return false;
  }
  if (name.length > MAX_NAME) {
    boxError(ctx, 400, 'item_name_too_long', 'Item name too long');
    return false;
  }
  // Box refuses slashes, non-printable ASCII, trailing spaces and the names "." and "..".
  // eslint-disable-next-line no-control-regex
  if (/[/\\\x00-\x1f\x7f]/.test(name) || name !== name.trimEnd() || name === '.' || name === '..') {
    boxError(ctx, 400, 'item_name_invalid', 'Item name invalid');
    return false;
  }
  return true;
}

/** The sibling (mini JSON) already named `name` in folder f as `actor` sees it, or null. */
export function nameInUse(
  w: World,
  f: number,
  actor: number,
  name: string,
  except = '',
): Record<string, unknown> | null {
  const wanted = name.toLowerCase();
  const list = listingOf(w, f, actor);
  for (let p = 0; p < list.total; p++) {
    const item = list.at(p, null);
    if (item.id !== except && String(item.name).toLowerCase() === wanted) return item;
  }
  return null;
}

/** Box's 409 for a clash; `conflicts` names the item in the way (an array for folders, as Box). */
export function nameInUseError(ctx: Ctx, conflict: Record<string, unknown>, kind: 'file' | 'folder'): void {
  boxError(ctx, 409, 'item_name_in_use', 'Item with the same name already exists', {
    contextInfo: { conflicts: kind === 'folder' ? [conflict] : conflict },
  });
}
