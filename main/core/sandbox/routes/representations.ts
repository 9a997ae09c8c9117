/**
 * Box's extracted_text representation: the `representations` field of GET /2.0/files/{id}
 * (only with `x-rep-hints: [extracted_text]`, as in Box), its info URL (requesting it starts the
 * generation: state `none` → `pending` → `success` or `error`) and its content URL (the text as
 * text/plain). Both URLs are /2.0 calls: a token is required, As-User applies and the rate
 * limiter counts them. The text itself comes from state/box-text.ts.
 */
import type { Ctx } from '../http/context';
import { boxError, sendJson } from '../http/context';
import { requireScope } from '../http/auth';
import { boxTextOf } from '../state/box-text';
import type { RepresentationPhase } from '../state/representations';
import type { CurrentFile } from '../state/world';
import { fileVersionId } from '../views/items';
import { CONTENT_SCOPES } from './folders';
import { resolveFile } from './files';

const REP = 'extracted_text';

/** `[pdf][extracted_text?x=y]` → ['pdf', 'extracted_text']. */
function hints(ctx: Ctx): string[] {
  const raw = String(ctx.req.headers['x-rep-hints'] ?? '');
  return [...raw.matchAll(/\[([^\]?]+)[^\]]*\]/g)].map((m) => (m[1] ?? '').trim());
}

function repPath(file: CurrentFile): string {
  return `/2.0/internal_files/${file.id}/versions/${fileVersionId(file)}/representations/${REP}`;
}

function entryJson(ctx: Ctx, file: CurrentFile, phase: RepresentationPhase): Record<string, unknown> {
  const base = `${ctx.origin}${repPath(file)}`;
  let status: Record<string, unknown> = { state: phase };
  if (phase === 'ready') {
    const { boxTextError } = boxTextOf(ctx.world, file);
    status = boxTextError ? { state: 'error', code: boxTextError } : { state: 'success' };
  }
  return {
    representation: REP,
    properties: {},
    info: { url: base },
    status,
    content: { url_template: `${base}/content/{+asset_path}` },
  };
}

/** The `representations` field: the extracted_text entry when hinted, else none of it. */
export function representationsField(ctx: Ctx, file: CurrentFile): Record<string, unknown> {
  if (!hints(ctx).includes(REP)) return { entries: [] };
  const phase = ctx.world.representations.phase(file.gen.k, file.version, ctx.world.now());
  return { entries: [entryJson(ctx, file, phase)] };
}

/** The file and version a representation URL names, or null once Box's 404 is sent. */
function resolveVersion(ctx: Ctx): CurrentFile | null {
  if (!requireScope(ctx, ...CONTENT_SCOPES)) return null;
  const file = resolveFile(ctx);
  if (!file) return null;
  if (ctx.params.version !== fileVersionId(file)) {
    boxError(ctx, 404, 'not_found', 'Not Found');
    return null;
  }
  return file;
}

/** GET info.url: starts the generation (once per version) and answers the entry. */
export function representationInfo(ctx: Ctx): void {
  const file = resolveVersion(ctx);
  if (!file) return;
  const w = ctx.world;
  const phase = w.representations.request(w.ent.seed, file.gen.k, file.version, w.now());
  sendJson(ctx, 200, entryJson(ctx, file, phase));
}

/** GET the content URL: the text when ready; 202 while it is not; 404 when Box could not extract it. */
export function representationContent(ctx: Ctx): void {
  const file = resolveVersion(ctx);
  if (!file) return;
  const w = ctx.world;
  if (w.representations.phase(file.gen.k, file.version, w.now()) !== 'ready') {
    ctx.res.writeHead(202, { 'box-request-id': ctx.requestId, 'retry-after': '2', 'content-length': '0' });
    return void ctx.res.end();
  }
  const { boxText, boxTextError } = boxTextOf(w, file);
  if (boxText === null) return boxError(ctx, 404, 'not_found', `No extracted text: ${boxTextError ?? 'unavailable'}`);
  const body = Buffer.from(boxText, 'utf8');
  ctx.res.writeHead(200, {
    'box-request-id': ctx.requestId,
    'content-type': 'text/plain; charset=utf-8',
    'content-length': String(body.length),
    'cache-control': 'no-cache, no-store',
  });
  ctx.res.end(body);
}
