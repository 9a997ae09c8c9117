/**
 * JSON for files and folders. Each field has a producer so that `fields=` builds only what was
 * asked for: a listing of 1,000 entries must not pay for path collections nobody requested.
 */
import type { CurrentFile, World } from '../state/world';
import { folderIdOf, folderName } from '../generator/tree';
import { estimatedSize, generateFile } from '../generator/files';
import { hash, S } from '../generator/prng';
import { isoTime, ROOT_MINI, sharedLinkView, userMini } from './common';

type Producers = Record<string, () => unknown>;

export const FILE_MINI = ['type', 'id', 'file_version', 'sequence_id', 'etag', 'sha1', 'name'] as const;
export const FILE_STANDARD = [
  'type',
  'id',
  'file_version',
  'sequence_id',
  'etag',
  'sha1',
  'name',
  'description',
  'size',
  'path_collection',
  'created_at',
  'modified_at',
  'trashed_at',
  'purged_at',
  'content_created_at',
  'content_modified_at',
  'created_by',
  'modified_by',
  'owned_by',
  'shared_link',
  'parent',
  'item_status',
] as const;
export const FOLDER_MINI = ['type', 'id', 'sequence_id', 'etag', 'name'] as const;
export const FOLDER_STANDARD = [
  'type',
  'id',
  'sequence_id',
  'etag',
  'name',
  'created_at',
  'modified_at',
  'description',
  'size',
  'path_collection',
  'created_by',
  'modified_by',
  'trashed_at',
  'purged_at',
  'content_created_at',
  'content_modified_at',
  'owned_by',
  'shared_link',
  'folder_upload_email',
  'parent',
  'item_status',
] as const;
/** `fields=` always brings these back too (Box: type, id and etag). */
export const ITEM_ALWAYS = ['type', 'id', 'etag'] as const;

export function folderMini(w: World, f: number): Record<string, unknown> {
  if (f < 0) return { ...ROOT_MINI };
  return {
    type: 'folder',
    id: folderIdOf(w.ent.tree, f),
    sequence_id: '0',
    etag: '0',
    name: folderName(w.ent.tree, f),
  };
}

export function pathCollection(w: World, f: number): Record<string, unknown> {
  const chain: number[] = [];
  for (let p = f; p >= 0; p = w.ent.tree.parent[p] ?? -1) chain.unshift(p);
  const entries = [folderMini(w, -1), ...chain.map((p) => folderMini(w, p))];
  return { total_count: entries.length, entries };
}

function build(names: readonly string[], fields: Set<string> | null, p: Producers): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const want = fields
    ? [...ITEM_ALWAYS, ...[...fields].filter((f) => !(ITEM_ALWAYS as readonly string[]).includes(f))]
    : names;
  for (const k of want) {
    const make = p[k];
    if (make) out[k] = make();
  }
  return out;
}

export function fileJson(
  w: World,
  file: CurrentFile,
  fields: Set<string> | null,
  shape: 'mini' | 'standard' = 'standard',
): Record<string, unknown> {
  const g = file.gen;
  const tag = String(file.version);
  const p: Producers = {
    type: () => 'file',
    id: () => file.id,
    etag: () => tag,
    sequence_id: () => tag,
    name: () => file.name,
    sha1: () => file.bytes().sha1,
    file_version: () => ({
      type: 'file_version',
      id: String(2_000_000_000_000 + g.k * 8 + (file.version % 8)),
      sha1: file.bytes().sha1,
    }),
    description: () => '',
    size: () => file.bytes().size,
    path_collection: () => pathCollection(w, g.folder),
    created_at: () => isoTime(g.createdAt),
    modified_at: () => isoTime(file.modifiedAt),
    trashed_at: () => (file.trashedAt === null ? null : isoTime(file.trashedAt)),
    purged_at: () => null,
    content_created_at: () => isoTime(g.createdAt),
    content_modified_at: () => isoTime(file.modifiedAt),
    created_by: () => userMini(w, g.createdBy),
    modified_by: () => userMini(w, file.modifiedBy),
    owned_by: () => userMini(w, g.owner),
    shared_link: () => sharedLinkView(w, file.link, g.ext),
    parent: () => folderMini(w, g.folder),
    item_status: () => (file.trashedAt === null ? 'active' : 'trashed'),
    has_collaborations: () => file.collabs.length > 0 || w.topCollabs(w.ent.tree.top[g.folder] ?? -1).length > 0,
    is_externally_owned: () => w.ent.users[g.owner]?.external ?? false,
    extension: () => g.ext,
    version_number: () => String(file.version + 1),
    comment_count: () => 0,
  };
  return build(shape === 'mini' ? FILE_MINI : FILE_STANDARD, fields, p);
}

/** Sum of the sizes beneath a folder, computed once per folder (generated or typical sizes, not edits). */
const sizeCache = new WeakMap<World, Map<number, number>>();
function folderSize(w: World, f: number): number {
  let cache = sizeCache.get(w);
  if (!cache) sizeCache.set(w, (cache = new Map()));
  const hit = cache.get(f);
  if (hit !== undefined) return hit;
  const t = w.ent.tree;
  let total = 0;
  const start = t.fileStart[f] ?? 0;
  for (let k = start; k < start + (t.fileCount[f] ?? 0); k++) {
    const g = generateFile(w.ent.space, k, f);
    total += estimatedSize(w.ent.space, g, () => w.file(k)?.bytes().size ?? 0);
  }
  for (let c = 0; c < (t.childCount[f] ?? 0); c++) total += folderSize(w, t.childList[(t.childStart[f] ?? 0) + c] ?? 0);
  cache.set(f, total);
  return total;
}

export function folderJson(
  w: World,
  f: number,
  owner: number,
  fields: Set<string> | null,
  shape: 'mini' | 'standard' = 'standard',
  rootTops: number[] = [],
): Record<string, unknown> {
  const t = w.ent.tree;
  const root = f < 0;
  const created = root ? null : w.ent.space.epochMs - (hash(w.ent.seed, S.time, f) % 1000) * 86_400_000;
  const p: Producers = {
    type: () => 'folder',
    id: () => (root ? '0' : folderIdOf(t, f)),
    etag: () => (root ? null : '0'),
    sequence_id: () => (root ? null : '0'),
    name: () => (root ? 'All Files' : folderName(t, f)),
    created_at: () => (created === null ? null : isoTime(created)),
    modified_at: () =>
      created === null ? null : isoTime(w.ent.space.epochMs - (hash(w.ent.seed, S.time, f, 1) % 30) * 86_400_000),
    description: () => '',
    size: () => (root ? rootTops.reduce((s, top) => s + folderSize(w, top), 0) : folderSize(w, f)),
    path_collection: () => (root ? { total_count: 0, entries: [] } : pathCollection(w, t.parent[f] ?? -1)),
    created_by: () => (root ? { type: 'user', id: '', name: '', login: '' } : userMini(w, owner)),
    modified_by: () => (root ? { type: 'user', id: '', name: '', login: '' } : userMini(w, owner)),
    trashed_at: () => null,
    purged_at: () => null,
    content_created_at: () => (created === null ? null : isoTime(created)),
    content_modified_at: () => (created === null ? null : isoTime(created)),
    owned_by: () => userMini(w, owner),
    shared_link: () => null,
    folder_upload_email: () => null,
    parent: () => (root ? null : folderMini(w, t.parent[f] ?? -1)),
    item_status: () => 'active',
    has_collaborations: () => !root && w.topCollabs(t.top[f] ?? -1).length > 0,
    is_externally_owned: () => false,
  };
  return build(shape === 'mini' ? FOLDER_MINI : FOLDER_STANDARD, fields, p);
}
