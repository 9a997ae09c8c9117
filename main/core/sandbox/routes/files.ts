/**
 * /2.0/files/{id} (fields, If-None-Match → 304), /content (302 to a short-lived download URL
 * on the same origin, like Box's hop to dl.boxcloud.com) and /collaborations; plus the download
 * URL itself, which needs no token (the signature in the URL is the credential, as in Box).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Ctx } from '../http/context';
import { boxError, itemNotFound, redirect, sendEmpty, sendJson } from '../http/context';
import { requireScope } from '../http/auth';
import { parseFields, parseLimit } from '../http/params';
import { fileIndexOfId } from '../state/catalog';
import { Rng, hash, S } from '../generator/prng';
import { fileVisibleTo } from '../state/access';
import type { CurrentFile } from '../state/world';
import { fileJson } from '../views/items';
import { collabJson } from '../views/collabs';
import { CONTENT_SCOPES } from './folders';
import { representationsField } from './representations';

const DOWNLOAD_TTL_MS = 15 * 60_000;
const signingKey = randomBytes(32);

/** The file {id} names, if the actor can see it; else Box's 404 is sent and null returned. */
export function resolveFile(ctx: Ctx): CurrentFile | null {
  const id = ctx.params.id ?? '';
  const w = ctx.world;
  const file = w.file(fileIndexOfId(w, id));
  if (!file || !ctx.auth || !fileVisibleTo(w, ctx.auth.actor, file)) {
    itemNotFound(ctx, 'file', `f_${id}`);
    return null;
  }
  return file;
}

export function getFile(ctx: Ctx): void {
  if (!requireScope(ctx, ...CONTENT_SCOPES)) return;
  const file = resolveFile(ctx);
  if (!file) return;
  if (ctx.req.headers['if-none-match'] === String(file.version))
    return sendEmpty(ctx, 304, { etag: String(file.version) });
  const fields = parseFields(ctx);
  const body = fileJson(ctx.world, file, fields);
  if (fields?.has('representations')) body.representations = representationsField(ctx, file);
  sendJson(ctx, 200, body, { etag: String(file.version) });
}

export function fileCollaborations(ctx: Ctx): void {
  if (!requireScope(ctx, ...CONTENT_SCOPES)) return;
  const file = resolveFile(ctx);
  if (!file) return;
  const w = ctx.world;
  const limit = parseLimit(ctx, 100, 1000);
  const item = fileJson(w, file, null, 'mini');
  // Direct collaborations on the file only; those inherited from folders are listed on the folder.
  const entries = file.collabs.slice(0, limit).map((c) => collabJson(w, c, file.gen.owner, item));
  sendJson(ctx, 200, { entries, limit, next_marker: null });
}

function sign(payload: string): string {
  return createHmac('sha256', signingKey).update(payload).digest('base64url');
}

export function fileContent(ctx: Ctx): void {
  if (!requireScope(ctx, ...CONTENT_SCOPES)) return;
  const file = resolveFile(ctx);
  if (!file) return;
  const payload = Buffer.from(`${file.gen.k}.${file.version}.${ctx.world.now() + DOWNLOAD_TTL_MS}`).toString(
    'base64url',
  );
  redirect(ctx, `${ctx.origin}/d/1/${payload}.${sign(payload)}/download`);
}

const OFFICE = 'application/vnd.openxmlformats-officedocument';
const MIME: Record<string, string> = {
  pdf: 'application/pdf',
  txt: 'text/plain',
  csv: 'text/csv',
  md: 'text/markdown',
  json: 'application/json',
  log: 'text/plain',
  eml: 'message/rfc822',
  png: 'image/png',
  jpg: 'image/jpeg',
  zip: 'application/zip',
  mp4: 'video/mp4',
  docx: `${OFFICE}.wordprocessingml.document`,
  xlsx: `${OFFICE}.spreadsheetml.sheet`,
  pptx: `${OFFICE}.presentationml.presentation`,
  docm: 'application/vnd.ms-word.document.macroEnabled.12',
  xlsm: 'application/vnd.ms-excel.sheet.macroEnabled.12',
  pptm: 'application/vnd.ms-powerpoint.presentation.macroEnabled.12',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
  msg: 'application/vnd.ms-outlook',
  rtf: 'application/rtf',
  boxnote: 'application/octet-stream',
  gdoc: 'application/vnd.google-apps.document',
};
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** First bytes of the streamed (pseudo-random) files: media, and documents over the size limit. */
const MAGIC: Record<string, Buffer> = {
  pdf: Buffer.from('%PDF-1.7\n'),
  png: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  jpg: Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
  zip: ZIP_MAGIC,
  docx: ZIP_MAGIC,
  xlsx: ZIP_MAGIC,
  pptx: ZIP_MAGIC,
  mp4: Buffer.from([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70]),
};

export async function download(ctx: Ctx): Promise<void> {
  const w = ctx.world;
  const [payload = '', sig = ''] = (ctx.params.sig ?? '').split('.');
  const want = Buffer.from(sign(payload));
  const got = Buffer.from(sig);
  const [k, version, exp] = Buffer.from(payload, 'base64url').toString('utf8').split('.').map(Number);
  if (
    want.length !== got.length ||
    !timingSafeEqual(want, got) ||
    k === undefined ||
    version === undefined ||
    exp === undefined
  ) {
    return boxError(ctx, 403, 'forbidden', 'Forbidden');
  }
  if (w.now() > exp) return boxError(ctx, 403, 'forbidden', 'The download link has expired');
  const file = w.file(k);
  if (!file) return boxError(ctx, 404, 'not_found', 'Not Found');
  w.downloads.set(k, (w.downloads.get(k) ?? 0) + 1);
  const bytes = file.bytes();
  let start = 0;
  let end = bytes.size - 1;
  let status = 200;
  const range = /^bytes=(\d*)-(\d*)$/.exec(String(ctx.req.headers.range ?? ''));
  if (range && (range[1] || range[2])) {
    if (range[1]) {
      start = Number(range[1]);
      end = range[2] ? Math.min(Number(range[2]), end) : end;
    } else start = Math.max(0, bytes.size - Number(range[2]));
    if (start > end || start >= bytes.size) {
      ctx.res.writeHead(416, { 'content-range': `bytes */${bytes.size}`, 'content-length': '0' });
      return void ctx.res.end();
    }
    status = 206;
  }
  const headers: Record<string, string> = {
    'content-type': MIME[file.gen.ext] ?? 'application/octet-stream',
    'content-length': String(end - start + 1),
    'content-disposition': `attachment; filename="${file.name.replace(/["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    'accept-ranges': 'bytes',
    etag: `"${bytes.sha1}"`,
  };
  if (status === 206) headers['content-range'] = `bytes ${start}-${end}/${bytes.size}`;
  ctx.res.writeHead(status, headers);
  const data = bytes.read();
  if (data) return void ctx.res.end(data.subarray(start, end + 1));
  await streamBinary(ctx, file, start, end);
}

const CHUNK = 64 * 1024;

/** Deterministic bytes per (file, version, chunk): any range can be produced without the rest. */
async function streamBinary(ctx: Ctx, file: CurrentFile, start: number, end: number): Promise<void> {
  const magic = MAGIC[file.gen.ext];
  for (let chunk = Math.floor(start / CHUNK); chunk * CHUNK <= end; chunk++) {
    const buf = Buffer.alloc(CHUNK);
    const rng = new Rng(hash(ctx.world.ent.seed, S.content, file.gen.k, chunk * 16 + (file.version % 16)));
    for (let i = 0; i < CHUNK; i += 4) buf.writeUInt32LE(Math.floor(rng.next() * 0x100000000), i);
    if (chunk === 0 && magic) magic.copy(buf, 0);
    const from = Math.max(start - chunk * CHUNK, 0);
    const to = Math.min(end - chunk * CHUNK + 1, CHUNK);
    if (!ctx.res.write(buf.subarray(from, to))) {
      await new Promise<void>((r) => {
        ctx.res.once('drain', () => r());
        ctx.res.once('close', () => r());
      });
    }
    if (ctx.res.destroyed) return;
  }
  ctx.res.end();
}
