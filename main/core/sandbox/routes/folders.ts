/** /2.0/folders/{id}, its items (folders first, then files; offset or marker paging) and collaborations. */
import type { Ctx } from '../http/context';
import { itemNotFound, sendEmpty, sendJson } from '../http/context';
import { requireScope } from '../http/auth';
import { decodeMarker, encodeMarker, parseFields, parseLimit, parseOffset, useMarker } from '../http/params';
import { folderIndexById } from '../generator/tree';
import { folderVisibleTo, rootFolders } from '../state/access';
import type { World } from '../state/world';
import { fileJson, folderJson, folderMini } from '../views/items';
import { collabJson } from '../views/collabs';

export const CONTENT_SCOPES = ['root_readonly', 'root_readwrite'];
const ORDER = [
  { by: 'type', direction: 'ASC' },
  { by: 'id', direction: 'ASC' },
];

/** A folder as a list: child folders by id, then the folder's files minus the trashed ones. */
export interface Listing {
  total: number;
  at(p: number, fields: Set<string> | null): Record<string, unknown>;
}

export function listingOf(w: World, f: number, actor: number): Listing {
  const t = w.ent.tree;
  if (f < 0) {
    const tops = rootFolders(w, actor);
    return {
      total: tops.length,
      at: (p, fields) => folderJson(w, tops[p] ?? 0, t.owner[tops[p] ?? 0] ?? 0, fields, 'mini'),
    };
  }
  const nChild = t.childCount[f] ?? 0;
  const trashed = w.trashed.get(f) ?? [];
  const start = t.fileStart[f] ?? 0;
  const owner = t.owner[f] ?? 0;
  return {
    total: nChild + (t.fileCount[f] ?? 0) - trashed.length,
    at(p, fields) {
      if (p < nChild) {
        const c = t.childList[(t.childStart[f] ?? 0) + p] ?? 0;
        return folderJson(w, c, owner, fields, 'mini');
      }
      let raw = start + (p - nChild);
      for (const k of trashed) if (k <= raw) raw++;
      const file = w.file(raw);
      return file ? fileJson(w, file, fields, 'mini') : {};
    },
  };
}

/**
 * The folder {id} names, for a token that may read content: "0" is the acting user's root (-1);
 * others must be visible to them. Null once the error is sent.
 */
function requestedFolder(ctx: Ctx): { f: number; actor: number } | null {
  if (!requireScope(ctx, ...CONTENT_SCOPES) || !ctx.auth) return null;
  const actor = ctx.auth.actor;
  const id = ctx.params.id ?? '';
  if (id === '0') return { f: -1, actor };
  const f = folderIndexById(ctx.world.ent.tree, id);
  if (f < 0 || !folderVisibleTo(ctx.world, actor, f)) {
    itemNotFound(ctx, 'folder', `d_${id}`);
    return null;
  }
  return { f, actor };
}

export function getFolder(ctx: Ctx): void {
  const folder = requestedFolder(ctx);
  if (!folder) return;
  const { f, actor } = folder;
  const w = ctx.world;
  const owner = f < 0 ? actor : (w.ent.tree.owner[f] ?? 0);
  if (f >= 0 && ctx.req.headers['if-none-match'] === '0') return sendEmpty(ctx, 304);
  const fields = parseFields(ctx);
  const body = folderJson(w, f, owner, fields, 'standard', f < 0 ? rootFolders(w, actor) : []);
  if (!fields || fields.has('item_collection')) {
    const list = listingOf(w, f, actor);
    const n = Math.min(100, list.total);
    body.item_collection = {
      total_count: list.total,
      entries: Array.from({ length: n }, (_, p) => list.at(p, null)),
      offset: 0,
      limit: 100,
      order: ORDER,
    };
  }
  sendJson(ctx, 200, body);
}

export function listItems(ctx: Ctx): void {
  const folder = requestedFolder(ctx);
  if (!folder) return;
  const list = listingOf(ctx.world, folder.f, folder.actor);
  const fields = parseFields(ctx);
  const limit = parseLimit(ctx, 100, 1000);
  const page = (from: number) => {
    const out: Record<string, unknown>[] = [];
    for (let p = from; p < Math.min(list.total, from + limit); p++) out.push(list.at(p, fields));
    return out;
  };
  if (useMarker(ctx)) {
    const scope = `items:${ctx.params.id}`;
    const from = decodeMarker(ctx, scope);
    return sendJson(ctx, 200, {
      entries: page(from),
      limit,
      next_marker: from + limit < list.total ? encodeMarker(scope, from + limit) : null,
      prev_marker: from > 0 ? encodeMarker(scope, Math.max(0, from - limit)) : null,
    });
  }
  const offset = parseOffset(ctx);
  sendJson(ctx, 200, { total_count: list.total, entries: page(offset), offset, limit, order: ORDER });
}

export function folderCollaborations(ctx: Ctx): void {
  const folder = requestedFolder(ctx);
  if (!folder) return;
  const { f } = folder;
  const w = ctx.world;
  const t = w.ent.tree;
  // Only collaborations set on this very folder are listed (Box does not list inherited ones
  // here); a top folder's collaborations cover its whole subtree.
  const list = f >= 0 && (t.top[f] ?? f) === f ? w.topCollabs(f) : [];
  const item = folderMini(w, f);
  const limit = parseLimit(ctx, 100, 1000);
  const entries = list.slice(0, limit).map((c) => collabJson(w, c, c.createdBy, item));
  sendJson(ctx, 200, { entries, limit, next_marker: null });
}
