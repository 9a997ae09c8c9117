/**
 * Box's upload API on the upload base (`{origin}/api/2.0/...`, like upload.box.com/api/2.0):
 * a new file (`POST /files/content`) and a new version (`POST /files/{id}/content`), multipart as
 * the official SDK sends them. The bytes are kept in memory (state/uploads.ts); downloads,
 * listings, representations and the ground truth then serve them, and each upload is an
 * `UPLOAD` admin event, so a running scan sees it like any other content change.
 *
 * A new version is logged as UPLOAD too, not EDIT: Box logs EDIT when a file is changed in place
 * by an editing client (Box Edit, Box Notes, Drive), while bytes arriving through the upload API
 * are an upload of a new version; either moves the file to the front of the scan queue.
 */
import { randomBytes } from 'node:crypto';
import type { Ctx } from '../http/context';
import { boxError, itemNotFound, sendJson } from '../http/context';
import { requireScope } from '../http/auth';
import { parseFields } from '../http/params';
import { MultipartError, readUploadBody, type UploadBody } from '../http/multipart';
import { fileIndexOfId, folderOwner } from '../state/catalog';
import { fileVisibleTo, fileWritableBy } from '../state/access';
import { MAX_UPLOAD_BYTES } from '../state/uploads';
import type { CurrentFile, World } from '../state/world';
import { fileJson, fileVersionId } from '../views/items';
import { checkName, nameInUse, nameInUseError } from './item-names';
import { writableParent } from './folders';

interface Attributes {
  name?: unknown;
  parent?: { id?: unknown };
}

/** The multipart body and its attributes, or null once Box's error is sent. */
async function readUpload(ctx: Ctx): Promise<{ attrs: Attributes; file: Buffer } | null> {
  let body: UploadBody;
  try {
    body = await readUploadBody(ctx.req, MAX_UPLOAD_BYTES);
  } catch (e) {
    if (!(e instanceof MultipartError)) throw e;
    boxError(ctx, 400, 'bad_request', 'Request body must be multipart/form-data');
    return null;
  }
  if (body.fileBeforeAttributes) {
    boxError(ctx, 400, 'metadata_after_file_contents', 'The attributes part must come before the file part');
    return null;
  }
  if (body.tooLarge) {
    boxError(
      ctx,
      403,
      'file_size_limit_exceeded',
      `File size exceeds the sandbox's limit of ${MAX_UPLOAD_BYTES} bytes`,
    );
    return null;
  }
  let attrs: unknown;
  try {
    attrs = JSON.parse(body.attributes ?? '');
  } catch {
    attrs = null;
  }
  if (typeof attrs !== 'object' || attrs === null || !body.file) {
    boxError(ctx, 400, 'bad_request', "An 'attributes' JSON part and a file part are required");
    return null;
  }
  return { attrs: attrs as Attributes, file: body.file };
}

function fitsInMemory(ctx: Ctx, k: number | null, size: number): boolean {
  if (ctx.world.uploads.fits(k, size)) return true;
  boxError(ctx, 403, 'storage_limit_exceeded', "The sandbox's upload storage is full");
  return false;
}

/** POST {upload}/2.0/files/content: 201 with a `files` collection holding the new file. */
export async function uploadFile(ctx: Ctx): Promise<void> {
  if (!requireScope(ctx, 'root_readwrite') || !ctx.auth) return;
  const actor = ctx.auth.actor;
  const upload = await readUpload(ctx);
  if (!upload) return;
  const { attrs, file } = upload;
  const w = ctx.world;
  if (!checkName(ctx, attrs.name)) return;
  const parent = writableParent(ctx, attrs.parent?.id);
  if (parent === null) return;
  const clash = nameInUse(w, parent, actor, attrs.name);
  if (clash) return nameInUseError(ctx, clash, 'file');
  if (!fitsInMemory(ctx, null, file.length)) return;
  const now = Math.floor(w.now() / 1000) * 1000;
  const name = attrs.name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  // In Box a file belongs to the owner of the folder it is put in.
  const owner = parent < 0 ? actor : folderOwner(w, parent);
  const k = w.uploads.addFile(
    {
      folder: parent,
      local: -1,
      name,
      ext,
      size: file.length,
      owner,
      createdBy: actor,
      modifiedBy: actor,
      createdAt: now,
      modifiedAt: now,
      version: 0,
      link: null,
      hasText: holdsText(ext),
    },
    file,
  );
  const created = w.file(k);
  if (!created) throw new Error('uploaded file vanished');
  logUpload(w, created, actor);
  sendJson(ctx, 201, { total_count: 1, entries: [fileJson(w, created, parseFields(ctx))] });
}

/** POST {upload}/2.0/files/{id}/content: 200 with a `files` collection holding the new version. */
export async function uploadFileVersion(ctx: Ctx): Promise<void> {
  if (!requireScope(ctx, 'root_readwrite') || !ctx.auth) return;
  const actor = ctx.auth.actor;
  const w = ctx.world;
  const id = ctx.params.id ?? '';
  const current = w.file(fileIndexOfId(w, id));
  if (!current || !fileVisibleTo(w, actor, current)) return itemNotFound(ctx, 'file', `f_${id}`);
  if (!fileWritableBy(w, actor, current))
    return boxError(ctx, 403, 'access_denied_insufficient_permissions', 'Access denied - insufficient permission');
  const ifMatch = ctx.req.headers['if-match'];
  if (ifMatch !== undefined && ifMatch !== String(current.version))
    return boxError(
      ctx,
      412,
      'precondition_failed',
      'The resource has been modified. Please retrieve the resource again and retry',
    );
  const upload = await readUpload(ctx);
  if (!upload) return;
  const { attrs, file } = upload;
  const rename = attrs.name !== undefined && attrs.name !== current.name ? attrs.name : undefined;
  if (rename !== undefined) {
    if (!checkName(ctx, rename)) return;
    const clash = nameInUse(w, current.gen.folder, actor, rename, current.id);
    if (clash) return nameInUseError(ctx, clash, 'file');
  }
  if (!fitsInMemory(ctx, current.gen.k, file.length)) return;
  w.uploads.setContent(current.gen.k, file);
  const o = w.override(current.gen.k);
  o.version = current.version + 1;
  o.modifiedAt = Math.floor(w.now() / 1000) * 1000;
  o.modifiedBy = actor;
  if (typeof rename === 'string') o.name = rename;
  const updated = w.file(current.gen.k);
  if (!updated) throw new Error('updated file vanished');
  logUpload(w, updated, actor);
  sendJson(ctx, 200, { total_count: 1, entries: [fileJson(w, updated, parseFields(ctx))] });
}

/** Extensions whose content holds text a scan inspects (images, audio and video do not). */
const NO_TEXT = new Set(['png', 'jpg', 'jpeg', 'gif', 'bmp', 'tif', 'tiff', 'heic', 'webp', 'svg']);
const MEDIA = /^(mp4|mov|avi|mkv|webm|m4v|wmv|mp3|wav|aac|flac|ogg|m4a)$/;

export function holdsText(ext: string): boolean {
  return !NO_TEXT.has(ext) && !MEDIA.test(ext);
}

function logUpload(w: World, file: CurrentFile, actor: number): void {
  w.appendEvent({
    eventId: `${randomBytes(4).toString('hex')}-upl-${w.live.length.toString(16)}-${randomBytes(6).toString('hex')}`,
    type: 'UPLOAD',
    actor,
    file: file.gen.k,
    folder: -1,
    ip: '10.0.0.1',
    details: { version_id: fileVersionId(file), size: file.bytes().size },
  });
}
