/**
 * JSON for files and folders. Each field has a producer so that `fields=` builds only what was
 * asked for: a listing of 1,000 entries must not pay for path collections nobody requested.
 */
import type { CurrentFile, World } from '../state/world';
import { folderIdOfAny, folderLabel, folderParent, folderTop } from '../state/catalog';
import { generateFile } from '../generator/files';
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
    id: folderIdOfAny(w, f),
    sequence_id: '0',
    etag: '0',
    name: folderLabel(w, f),
  };
}

export function pathCollection(w: World, f: number): Record<string, unknown> {
  const chain: number[] = [];
  for (let p = f; p >= 0; p = folderParent(w, p)) chain.unshift(p);
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

/** The ID of a file's current version (what file_version.id and representation URLs carry). */
export function fileVersionId(file: CurrentFile): string {
  return String(2_000_000_000_000 + file.gen.k * 8 + (file.version % 8));
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
      id: fileVersionId(file),
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
    has_collaborations: () => file.collabs.length > 0 || w.topCollabs(folderTop(w, g.folder)).length > 0,
    is_externally_owned: () => w.ent.users[g.owner]?.external ?? false,
    extension: () => g.ext,
    version_number: () => String(file.version + 1),
    comment_count: () => 0,
  };
  return build(shape === 'mini' ? FILE_MINI : FILE_STANDARD, fields, p);
}

/** Sum of the sizes beneath a folder, computed once per generated folder (generated sizes, not edits). */
const sizeCache = new WeakMap<World, Map<number, number>>();
function folderSize(w: World, f: number): number {
  if (f >= w.ent.tree.folderCount) return uploadedSize(w, f);
  let cache = sizeCache.get(w);
  if (!cache) sizeCache.set(w, (cache = new Map()));
  const hit = cache.get(f);
  if (hit !== undefined) return hit;
  const t = w.ent.tree;
  let total = 0;
  const start = t.fileStart[f] ?? 0;
  for (let k = start; k < start + (t.fileCount[f] ?? 0); k++) {
    const g = generateFile(w.ent.space, k, f);
    total += g.hasText ? (w.file(k)?.bytes().size ?? 0) : g.size;
  }
  for (let c = 0; c < (t.childCount[f] ?? 0); c++) total += folderSize(w, t.childList[(t.childStart[f] ?? 0) + c] ?? 0);
  cache.set(f, total);
  return total;
}

/** An uploaded folder holds only uploads: summed each time (there are few). */
function uploadedSize(w: World, f: number): number {
  let total = 0;
  for (const k of w.uploads.filesIn(f)) total += w.uploads.contentOf(k)?.size ?? 0;
  for (const c of w.uploads.foldersIn(f)) total += uploadedSize(w, c);
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
  const root = f < 0;
  const up = root ? null : w.uploads.folder(f);
  const created = root
    ? null
    : (up?.createdAt ?? w.ent.space.epochMs - (hash(w.ent.seed, S.time, f) % 1000) * 86_400_000);
  const modified = up ? up.createdAt : w.ent.space.epochMs - (hash(w.ent.seed, S.time, f, 1) % 30) * 86_400_000;
  const p: Producers = {
    type: () => 'folder',
    id: () => folderIdOfAny(w, f),
    etag: () => (root ? null : '0'),
    sequence_id: () => (root ? null : '0'),
    name: () => (root ? 'All Files' : folderLabel(w, f)),
    created_at: () => (created === null ? null : isoTime(created)),
    modified_at: () => (created === null ? null : isoTime(modified)),
    description: () => '',
    size: () => (root ? rootTops.reduce((s, top) => s + folderSize(w, top), 0) : folderSize(w, f)),
    path_collection: () => (root ? { total_count: 0, entries: [] } : pathCollection(w, folderParent(w, f))),
    created_by: () => (root ? { type: 'user', id: '', name: '', login: '' } : userMini(w, up?.createdBy ?? owner)),
    modified_by: () => (root ? { type: 'user', id: '', name: '', login: '' } : userMini(w, up?.createdBy ?? owner)),
    trashed_at: () => null,
    purged_at: () => null,
    content_created_at: () => (created === null ? null : isoTime(created)),
    content_modified_at: () => (created === null ? null : isoTime(created)),
    owned_by: () => userMini(w, owner),
    shared_link: () => null,
    folder_upload_email: () => null,
    parent: () => (root ? null : folderMini(w, folderParent(w, f))),
    item_status: () => 'active',
    has_collaborations: () => !root && w.topCollabs(folderTop(w, f)).length > 0,
    is_externally_owned: () => false,
  };
  return build(shape === 'mini' ? FOLDER_MINI : FOLDER_STANDARD, fields, p);
}
