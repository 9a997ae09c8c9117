/** /2.0/folders/{id}, its items (folders first, then files; offset or marker paging) and collaborations. */
import type { Ctx } from '../http/context';
import { boxError, itemNotFound, readBody, sendEmpty, sendJson } from '../http/context';
import { requireScope } from '../http/auth';
import { decodeMarker, encodeMarker, parseFields, parseLimit, parseOffset, useMarker } from '../http/params';
import { folderIndexOfId, folderOwner, folderTop } from '../state/catalog';
import { folderVisibleTo, folderWritableBy, rootFolders } from '../state/access';
import { checkName, nameInUse, nameInUseError } from './item-names';
import { logUpload } from './upload-events';
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
  if (f < 0) return rootListing(w, actor);
  const t = w.ent.tree;
  const generated = f < t.folderCount;
  const nChild = generated ? (t.childCount[f] ?? 0) : 0;
  const upFolders = w.uploads.foldersIn(f);
  const start = t.fileStart[f] ?? 0;
  const here = (k: number) => {
    const file = w.file(k);
    return file !== null && file.trashedAt === null && file.gen.folder === f;
  };
  // Uploaded here and still here, then moved in from elsewhere (state/moves.ts).
  const upFiles = [...w.uploads.filesIn(f), ...w.moves.movedInto(f)].filter(here);
  const trashed = generated ? hiddenGenerated(w, f, start, start + (t.fileCount[f] ?? 0)) : [];
  const nFiles = generated ? (t.fileCount[f] ?? 0) - trashed.length : 0;
  const owner = folderOwner(w, f);
  return {
    total: nChild + upFolders.length + nFiles + upFiles.length,
    at(p, fields) {
      if (p < nChild) return folderJson(w, t.childList[(t.childStart[f] ?? 0) + p] ?? 0, owner, fields, 'mini');
      p -= nChild;
      if (p < upFolders.length) return folderJson(w, upFolders[p] ?? 0, owner, fields, 'mini');
      p -= upFolders.length;
      let raw = p < nFiles ? start + p : (upFiles[p - nFiles] ?? -1);
      if (p < nFiles) for (const k of trashed) if (k <= raw) raw++;
      const file = w.file(raw);
      return file ? fileJson(w, file, fields, 'mini') : {};
    },
  };
}

/** Generated files of folder f (indices from..to-1) not listed there: trashed or moved away; sorted. */
function hiddenGenerated(w: World, f: number, from: number, to: number): number[] {
  const inRange = (k: number) => k >= from && k < to;
  const hidden = new Set([...(w.trashed.get(f) ?? []).filter(inRange), ...w.moves.movedOutOf(f).filter(inRange)]);
  return [...hidden].sort((a, b) => a - b);
}

/** The acting user's root "0": their top folders and shares, then the files they uploaded there. */
function rootListing(w: World, actor: number): Listing {
  const tops = rootFolders(w, actor);
  const files = [...w.uploads.filesIn(-1), ...w.moves.movedInto(-1)].filter((k) => {
    const file = w.file(k);
    return file !== null && file.trashedAt === null && file.gen.folder < 0 && file.gen.owner === actor;
  });
  return {
    total: tops.length + files.length,
    at(p, fields) {
      if (p < tops.length) return folderJson(w, tops[p] ?? 0, folderOwner(w, tops[p] ?? 0), fields, 'mini');
      const file = w.file(files[p - tops.length] ?? -1);
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
  const f = folderIndexOfId(ctx.world, id);
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
  const owner = f < 0 ? actor : folderOwner(w, f);
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
  // Only collaborations set on this very folder are listed (Box does not list inherited ones
  // here); a top folder's collaborations cover its whole subtree.
  const list = f >= 0 && folderTop(w, f) === f ? w.topCollabs(f) : [];
  const item = folderMini(w, f);
  const limit = parseLimit(ctx, 100, 1000);
  const entries = list.slice(0, limit).map((c) => collabJson(w, c, c.createdBy, item));
  sendJson(ctx, 200, { entries, limit, next_marker: null });
}

/**
 * The folder a write names by `parent.id` ("0": the actor's root), checked as Box does: 404 when
 * the actor cannot see it, 403 when they may not add to it. Null once the error is sent.
 */
export function writableParent(ctx: Ctx, parentId: unknown): number | null {
  const w = ctx.world;
  const actor = ctx.auth?.actor ?? -1;
  const id = typeof parentId === 'string' ? parentId : '';
  const f = id === '0' ? -1 : folderIndexOfId(w, id);
  if (id === '' || (f < 0 && id !== '0') || (f >= 0 && !folderVisibleTo(w, actor, f))) {
    itemNotFound(ctx, 'folder', `d_${id}`);
    return null;
  }
  if (!folderWritableBy(w, actor, f)) {
    boxError(ctx, 403, 'access_denied_insufficient_permissions', 'Access denied - insufficient permission');
    return null;
  }
  return f;
}

/** POST /2.0/folders {name, parent: {id}}: 201 with the new folder, 409 item_name_in_use on a clash. */
export async function createFolder(ctx: Ctx): Promise<void> {
  if (!requireScope(ctx, 'root_readwrite') || !ctx.auth) return;
  let body: { name?: unknown; parent?: { id?: unknown } };
  try {
    body = JSON.parse(await readBody(ctx.req)) as typeof body;
  } catch {
    return boxError(ctx, 400, 'bad_request', 'Request body must be JSON');
  }
  if (typeof body !== 'object' || body === null) return boxError(ctx, 400, 'bad_request', 'Request body must be JSON');
  const w = ctx.world;
  const actor = ctx.auth.actor;
  if (!checkName(ctx, body.name)) return;
  const parent = writableParent(ctx, body.parent?.id);
  if (parent === null) return;
  const clash = nameInUse(w, parent, actor, body.name);
  if (clash) return nameInUseError(ctx, clash, 'folder');
  const owner = parent < 0 ? actor : folderOwner(w, parent);
  const f = w.uploads.addFolder({
    parent,
    owner,
    top: folderTop(w, parent),
    name: body.name,
    createdAt: w.now(),
    createdBy: actor,
  });
  logUpload(w, { folder: f }, actor);
  const out = folderJson(w, f, owner, parseFields(ctx));
  out.item_collection = { total_count: 0, entries: [], offset: 0, limit: 100, order: ORDER };
  sendJson(ctx, 201, out);
}
