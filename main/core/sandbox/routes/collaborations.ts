/**
 * POST /2.0/collaborations (a user, by id or login, on a file or a top folder, with a role: a NEW
 * collaboration id every time) and DELETE /2.0/collaborations/{id}. As Box: the item must be
 * visible to the acting user (404), who must be allowed to share it (owner or editor; 403); a
 * user already collaborating is refused (400 user_already_collaborator). A collaborator may
 * always remove themselves.
 */
import type { Ctx } from '../http/context';
import { boxError, itemNotFound, sendEmpty, sendJson } from '../http/context';
import { requireScope } from '../http/auth';
import { fileIndexOfId, folderIndexOfId, folderOwner, folderTop } from '../state/catalog';
import { fileVisibleTo, fileWritableBy, folderVisibleTo } from '../state/access';
import { findCollab, inviteToFile, inviteToFolder, removeCollab } from '../state/file-changes';
import { userIndexById } from '../generator/users';
import type { CollabRole } from '../generator/tree';
import type { World } from '../state/world';
import { fileJson, folderMini } from '../views/items';
import { collabJson } from '../views/collabs';
import { jsonObject } from './file-changes';

type Json = Record<string, unknown>;
const ROLES = new Set<string>(['editor', 'viewer', 'previewer', 'uploader', 'viewer uploader', 'co-owner']);

function denied(ctx: Ctx): void {
  boxError(ctx, 403, 'access_denied_insufficient_permissions', 'Access denied - insufficient permission');
}

function badRequest(ctx: Ctx, message: string): void {
  boxError(ctx, 400, 'bad_request', message);
}

/** accessible_by {type: user, id | login} → the user's index, or -1. */
function invitee(w: World, by: Json): number {
  if (typeof by.id === 'string' && by.id !== '') return userIndexById(w.ent.users, by.id);
  if (typeof by.login !== 'string') return -1;
  const login = by.login.toLowerCase();
  return w.ent.users.findIndex((u) => u.login.toLowerCase() === login);
}

/** Whether the actor may share a top folder (its owner, or a co-owner or editor). */
function folderSharableBy(w: World, actor: number, top: number): boolean {
  if (folderOwner(w, top) === actor) return true;
  return w
    .topCollabs(top)
    .some((c) => c.userIndex === actor && c.status === 'accepted' && ['editor', 'co-owner'].includes(c.role));
}

interface Invite {
  item: { type: 'file' | 'folder'; id: string };
  user: number;
  role: CollabRole;
}

/** The request's item, user and role, or null once Box's 400/404 is sent. */
function parseInvite(ctx: Ctx, body: Json): Invite | null {
  const item = (body.item ?? {}) as Json;
  const by = (body.accessible_by ?? {}) as Json;
  if ((item.type !== 'file' && item.type !== 'folder') || typeof item.id !== 'string') {
    badRequest(ctx, "'item' must be {type: file|folder, id}");
    return null;
  }
  if (by.type !== 'user') {
    badRequest(ctx, "'accessible_by.type' must be user (the sandbox has no groups to invite)");
    return null;
  }
  if (typeof body.role !== 'string' || !ROLES.has(body.role)) {
    badRequest(ctx, "Invalid value for 'role'");
    return null;
  }
  const user = invitee(ctx.world, by);
  if (user < 0) {
    boxError(ctx, 404, 'not_found', 'Not Found', {
      contextInfo: { errors: [{ reason: 'invalid_parameter', name: 'accessible_by' }] },
    });
    return null;
  }
  return { item: { type: item.type, id: item.id }, user, role: body.role as CollabRole };
}

function alreadyCollaborator(ctx: Ctx): void {
  boxError(ctx, 400, 'user_already_collaborator', 'User is already a collaborator');
}

/** POST /2.0/collaborations: 201 with the new collaboration. */
export async function createCollaboration(ctx: Ctx): Promise<void> {
  if (!requireScope(ctx, 'root_readwrite') || !ctx.auth) return;
  const body = await jsonObject(ctx);
  if (!body) return;
  const invite = parseInvite(ctx, body);
  if (!invite) return;
  const w = ctx.world;
  const actor = ctx.auth.actor;
  const { item, user, role } = invite;
  if (item.type === 'file') {
    const file = w.file(fileIndexOfId(w, item.id));
    if (!file || !fileVisibleTo(w, actor, file)) return itemNotFound(ctx, 'file', `f_${item.id}`);
    if (!fileWritableBy(w, actor, file)) return denied(ctx);
    if (user === file.gen.owner || file.collabs.some((c) => c.userIndex === user)) return alreadyCollaborator(ctx);
    const c = inviteToFile(w, file, user, role, actor);
    return sendJson(ctx, 201, collabJson(w, c, actor, fileJson(w, file, null, 'mini')));
  }
  const f = folderIndexOfId(w, item.id);
  if (f < 0 || !folderVisibleTo(w, actor, f)) return itemNotFound(ctx, 'folder', `d_${item.id}`);
  if (folderTop(w, f) !== f)
    return badRequest(ctx, 'The sandbox models folder collaborations on top-level folders only');
  if (!folderSharableBy(w, actor, f)) return denied(ctx);
  if (user === folderOwner(w, f) || w.topCollabs(f).some((c) => c.userIndex === user)) return alreadyCollaborator(ctx);
  const c = inviteToFolder(w, f, user, role, actor);
  sendJson(ctx, 201, collabJson(w, c, actor, folderMini(w, f)));
}

/** DELETE /2.0/collaborations/{id}: 204. */
export function deleteCollaboration(ctx: Ctx): void {
  if (!requireScope(ctx, 'root_readwrite') || !ctx.auth) return;
  const w = ctx.world;
  const actor = ctx.auth.actor;
  const place = findCollab(w, ctx.params.id ?? '');
  const visible =
    place && ('file' in place ? fileVisibleTo(w, actor, place.file) : folderVisibleTo(w, actor, place.top));
  if (!place || !visible) return boxError(ctx, 404, 'not_found', 'Not Found');
  const self = place.collab.userIndex === actor;
  const allowed = 'file' in place ? fileWritableBy(w, actor, place.file) : folderSharableBy(w, actor, place.top);
  if (!self && !allowed) return denied(ctx);
  removeCollab(w, place, actor);
  sendEmpty(ctx, 204);
}
