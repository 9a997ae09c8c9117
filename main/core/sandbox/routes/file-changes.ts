/**
 * Box's file changes: PUT /2.0/files/{id} (`shared_link`: null removes it, `{access}` creates or
 * changes it, with `password`, `unshared_at` and `permissions` as Box takes them; `parent: {id}` moves the file), DELETE /2.0/files/{id} (to the trash),
 * GET /2.0/files/{id}/trash and POST /2.0/files/{id} (restore, optionally into `parent`).
 *
 * Auth as Box: the acting user (the token's, or As-User's) must see the file (404 otherwise) and
 * be allowed to change it (owner, or editor through a collaboration: 403 otherwise). One
 * reading of Box's admin rights: an enterprise admin or co-admin signed in as themselves (no
 * As-User) may move a managed user's file into and out of a folder of their own (the admin
 * quarantine); for everything else they act As-User of the owner, as the scan reads.
 * `If-Match` with a stale etag answers 412, as Box does.
 */
import type { Ctx } from '../http/context';
import { boxError, itemNotFound, readBody, sendEmpty, sendJson } from '../http/context';
import { requireScope } from '../http/auth';
import { parseFields } from '../http/params';
import { fileIndexOfId, folderExists, folderIndexOfId, folderOwner } from '../state/catalog';
import { fileVisibleTo, fileWritableBy, folderVisibleTo, folderWritableBy } from '../state/access';
import { moveFile, restoreFile, setSharedLink, trashFile, type LinkSettings } from '../state/file-changes';
import type { LinkAccess } from '../generator/files';
import type { CurrentFile, World } from '../state/world';
import { fileJson } from '../views/items';
import { nameInUse, nameInUseError } from './item-names';
import { writableParent } from './folders';

type Json = Record<string, unknown>;
const LINK_ACCESS = new Set<string>(['open', 'company', 'collaborators']);

/** The JSON object body (an empty body is `{}`), or null once Box's 400 is sent. */
export async function jsonObject(ctx: Ctx): Promise<Json | null> {
  try {
    const text = await readBody(ctx.req);
    const v: unknown = text.trim() === '' ? {} : JSON.parse(text);
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Json;
  } catch {
    /* fall through */
  }
  boxError(ctx, 400, 'bad_request', 'Request body must be a JSON object');
  return null;
}

/** The signed-in user is an enterprise admin or co-admin acting as themselves. */
function adminAsSelf(ctx: Ctx): boolean {
  const a = ctx.auth;
  return !!a && a.user === a.actor && ctx.world.settings.hasEnterprise && ctx.world.roleOf(a.user) !== 'user';
}

/** A managed user's content, which an admin's own move may reach (external users' never). */
function managed(w: World, owner: number): boolean {
  return w.ent.users[owner]?.external === false;
}

function denied(ctx: Ctx): void {
  boxError(ctx, 403, 'access_denied_insufficient_permissions', 'Access denied - insufficient permission');
}

function stale(ctx: Ctx, file: CurrentFile): boolean {
  const ifMatch = ctx.req.headers['if-match'];
  if (ifMatch === undefined || ifMatch === String(file.version)) return false;
  boxError(
    ctx,
    412,
    'precondition_failed',
    'The resource has been modified. Please retrieve the resource again and retry',
  );
  return true;
}

/** The file {id} names as the actor may change it, or null once the 404/403/412 is sent. */
function changeableFile(ctx: Ctx, opts: { trashed: boolean; adminMove: boolean }): CurrentFile | null {
  const w = ctx.world;
  const id = ctx.params.id ?? '';
  const actor = ctx.auth?.actor ?? -1;
  const file = w.file(fileIndexOfId(w, id));
  const inTrash = file !== null && file.trashedAt !== null;
  // Visibility as if out of the trash: the trash is the owner's view of the same file.
  const seen = file && inTrash === opts.trashed && fileVisibleTo(w, actor, { ...file, trashedAt: null });
  const reach = file && !inTrash && opts.adminMove && managed(w, file.gen.owner);
  if (!file || !(seen || reach)) {
    itemNotFound(ctx, 'file', `f_${id}`);
    return null;
  }
  if (!reach && !fileWritableBy(w, actor, file)) {
    denied(ctx);
    return null;
  }
  return stale(ctx, file) ? null : file;
}

/**
 * The folder a move names, checked as Box does. An admin's own move may reach a managed user's
 * folder only to or from one of the admin's folders (into quarantine, or back out of it).
 */
function moveTarget(ctx: Ctx, file: CurrentFile, parentId: unknown, adminMove: boolean): number | null {
  const w = ctx.world;
  const admin = ctx.auth?.actor ?? -1;
  const id = typeof parentId === 'string' ? parentId : '';
  const f = id === '0' ? -1 : folderIndexOfId(w, id);
  const ownSide = file.gen.owner === admin || (f >= 0 && folderOwner(w, f) === admin);
  if (adminMove && ownSide && f >= 0 && folderExists(w, f) && managed(w, folderOwner(w, f))) return f;
  return writableParent(ctx, parentId);
}

function linkAccessOf(ctx: Ctx, file: CurrentFile, raw: unknown): LinkAccess | null | undefined {
  if (raw === null) return null;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    boxError(ctx, 400, 'bad_request', "'shared_link' must be an object or null");
    return undefined;
  }
  const access = (raw as Json).access ?? file.link?.access ?? 'open';
  if (typeof access === 'string' && LINK_ACCESS.has(access)) return access as LinkAccess;
  boxError(ctx, 400, 'bad_request', "Invalid value for 'shared_link.access': open, company or collaborators");
  return undefined;
}

/** Box's rule: at least eight characters, with a digit, an upper-case letter or a symbol. */
const STRONG_PASSWORD = /^(?=.*[0-9A-Z\W_]).{8,}$/;

/**
 * shared_link's password, unshared_at and permissions, checked as Box does (a password only on
 * an open link; can_download only on an open or company one; can_edit needs can_download), or
 * undefined once the 400 is sent.
 */
function linkSettingsOf(ctx: Ctx, access: LinkAccess, raw: Json): LinkSettings | undefined {
  const bad = (message: string): undefined => void boxError(ctx, 400, 'bad_request', message);
  const out: LinkSettings = {};
  if ('password' in raw) {
    if (raw.password !== null && (typeof raw.password !== 'string' || !STRONG_PASSWORD.test(raw.password)))
      return bad('Password must be at least eight characters with a number, upper case letter or symbol');
    if (raw.password !== null && access !== 'open') return bad("A password can only be set when 'access' is open");
    out.password = raw.password !== null;
  }
  if ('unshared_at' in raw) {
    const at = raw.unshared_at === null ? null : Date.parse(String(raw.unshared_at));
    if (at !== null && (typeof raw.unshared_at !== 'string' || Number.isNaN(at) || at <= ctx.world.now()))
      return bad("Invalid value for 'shared_link.unshared_at': a date-time in the future");
    out.unsharedAt = at;
  }
  const p = raw.permissions as Json | undefined;
  if (p !== undefined) {
    if (typeof p !== 'object' || p === null) return bad("'shared_link.permissions' must be an object");
    if (p.can_download !== undefined) {
      if (access === 'collaborators') return bad("'can_download' can only be set when 'access' is open or company");
      out.canDownload = p.can_download === true;
    }
    if (p.can_edit !== undefined) out.canEdit = p.can_edit === true;
  }
  if (out.canEdit && out.canDownload === false) return bad("'can_edit' can only be true when 'can_download' is true");
  return out;
}

/** PUT /2.0/files/{id}: 200 with the file as it is now (`fields` honoured like GET). */
export async function updateFile(ctx: Ctx): Promise<void> {
  if (!requireScope(ctx, 'root_readwrite') || !ctx.auth) return;
  const body = await jsonObject(ctx);
  if (!body) return;
  const w = ctx.world;
  const actor = ctx.auth.actor;
  const parent = body.parent as { id?: unknown } | undefined;
  const adminMove = parent !== undefined && !('shared_link' in body) && adminAsSelf(ctx);
  const file = changeableFile(ctx, { trashed: false, adminMove });
  if (!file) return;
  let access: LinkAccess | null | undefined;
  let settings: LinkSettings | undefined = {};
  if ('shared_link' in body && (access = linkAccessOf(ctx, file, body.shared_link)) === undefined) return;
  if (access && (settings = linkSettingsOf(ctx, access, body.shared_link as Json)) === undefined) return;
  let to: number | null = null;
  if (parent !== undefined) {
    if ((to = moveTarget(ctx, file, parent?.id, adminMove)) === null) return;
    const clash = to !== file.gen.folder ? nameInUse(w, to, to < 0 ? actor : folderOwner(w, to), file.name) : null;
    if (clash) return nameInUseError(ctx, clash, 'file');
  }
  if (access !== undefined) setSharedLink(w, file, access, actor, settings);
  if (to !== null) moveFile(w, file, to, actor);
  const now = w.file(file.gen.k);
  if (!now) throw new Error('changed file vanished');
  sendJson(ctx, 200, fileJson(w, now, parseFields(ctx)), { etag: String(now.version) });
}

/** DELETE /2.0/files/{id}: 204; the file goes to the trash. */
export function deleteFile(ctx: Ctx): void {
  if (!requireScope(ctx, 'root_readwrite') || !ctx.auth) return;
  const file = changeableFile(ctx, { trashed: false, adminMove: false });
  if (!file) return;
  trashFile(ctx.world, file, ctx.auth.actor);
  sendEmpty(ctx, 204);
}

/** GET /2.0/files/{id}/trash: the trashed file, 404 when it is not in the trash. */
export function getTrashedFile(ctx: Ctx): void {
  if (!requireScope(ctx, 'root_readonly', 'root_readwrite') || !ctx.auth) return;
  const w = ctx.world;
  const id = ctx.params.id ?? '';
  const file = w.file(fileIndexOfId(w, id));
  if (!file || file.trashedAt === null || !fileVisibleTo(w, ctx.auth.actor, { ...file, trashedAt: null }))
    return itemNotFound(ctx, 'file', `f_${id}`);
  sendJson(ctx, 200, fileJson(w, file, parseFields(ctx)));
}

/** POST /2.0/files/{id}: restores from the trash (201), into `parent` when given. */
export async function restoreTrashedFile(ctx: Ctx): Promise<void> {
  if (!requireScope(ctx, 'root_readwrite') || !ctx.auth) return;
  const body = await jsonObject(ctx);
  if (!body) return;
  const file = changeableFile(ctx, { trashed: true, adminMove: false });
  if (!file) return;
  const w = ctx.world;
  const actor = ctx.auth.actor;
  const parent = body.parent as { id?: unknown } | undefined;
  let to: number | null = null;
  if (parent !== undefined) {
    if ((to = writableParent(ctx, parent?.id)) === null) return;
  } else if (file.gen.folder >= 0 && !folderVisibleTo(w, actor, file.gen.folder)) {
    // The old folder is gone or no longer the actor's: Box asks for a parent.
    return boxError(ctx, 403, 'access_denied_insufficient_permissions', 'Parent folder is not accessible');
  } else if (file.gen.folder >= 0 && !folderWritableBy(w, actor, file.gen.folder)) return denied(ctx);
  const target = to ?? file.gen.folder;
  const clash = nameInUse(w, target, actor, file.name);
  if (clash) return nameInUseError(ctx, clash, 'file');
  restoreFile(w, file, to, actor);
  const now = w.file(file.gen.k);
  if (!now) throw new Error('restored file vanished');
  sendJson(ctx, 201, fileJson(w, now, parseFields(ctx)));
}
