/** Per-request context and the response helpers every route uses (Box's shapes and headers). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { World } from '../state/world';
import type { TokenRecord } from '../state/tokens';

export interface AuthInfo {
  token: TokenRecord;
  /** The signed-in user (token owner). */
  user: number;
  /** Who the request acts as: the As-User target, else the signed-in user. */
  actor: number;
  scopes: Set<string>;
}

export interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  q: URLSearchParams;
  origin: string;
  requestId: string;
  world: World;
  params: Record<string, string>;
  /** Fault injection: send a truncated body instead of valid JSON. */
  malformed: boolean;
  auth?: AuthInfo;
}

export const HELP_URL = 'http://developers.box.com/docs/#errors';

function baseHeaders(ctx: Ctx): Record<string, string> {
  return { 'box-request-id': ctx.requestId };
}

export function sendJson(ctx: Ctx, status: number, body: unknown, headers: Record<string, string> = {}): void {
  let text = JSON.stringify(body);
  if (ctx.malformed) text = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
  ctx.res.writeHead(status, {
    ...baseHeaders(ctx),
    'content-type': 'application/json',
    'cache-control': 'no-cache, no-store',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  ctx.res.end(text);
}

export function sendEmpty(ctx: Ctx, status: number, headers: Record<string, string> = {}): void {
  ctx.res.writeHead(status, { ...baseHeaders(ctx), 'content-length': '0', ...headers });
  ctx.res.end();
}

export function sendHtml(ctx: Ctx, status: number, html: string, headers: Record<string, string> = {}): void {
  ctx.res.writeHead(status, {
    ...baseHeaders(ctx),
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    // The consent page must not be framed (clickjacking) and runs no script.
    'x-frame-options': 'DENY',
    'content-security-policy':
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http://127.0.0.1:* http://localhost:*; frame-ancestors 'none'",
    'content-length': String(Buffer.byteLength(html)),
    ...headers,
  });
  ctx.res.end(html);
}

export function redirect(ctx: Ctx, location: string, status = 302): void {
  sendEmpty(ctx, status, { location, 'cache-control': 'no-store' });
}

/** Box's error body: {type, status, code, message, context_info?, help_url, request_id}. */
export function boxError(
  ctx: Ctx,
  status: number,
  code: string,
  message: string,
  extra: { contextInfo?: unknown; headers?: Record<string, string> } = {},
): void {
  const body: Record<string, unknown> = { type: 'error', status, code, message };
  if (extra.contextInfo !== undefined) body.context_info = extra.contextInfo;
  body.help_url = HELP_URL;
  body.request_id = ctx.requestId;
  sendJson(ctx, status, body, extra.headers);
}

/**
 * Box's 404 for an item the token cannot see or that does not exist: a not_found error naming the
 * item kind and its typed ID (e.g. 'file', 'f_123').
 */
export function itemNotFound(ctx: Ctx, kind: 'file' | 'folder', typedId: string): void {
  boxError(ctx, 404, 'not_found', 'Not Found', {
    contextInfo: {
      errors: [
        {
          reason: 'invalid_parameter',
          name: kind,
          message: `Invalid value '${typedId}'. '${kind}' with value '${typedId}' not found`,
        },
      ],
    },
  });
}

/** OAuth endpoints answer in RFC 6749's shape, not Box's error body. */
export function oauthError(ctx: Ctx, error: string, description: string, status = 400): void {
  sendJson(ctx, status, { error, error_description: description }, { 'cache-control': 'no-store' });
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export async function readBody(req: IncomingMessage, limit = 64 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const b = chunk as Buffer;
    size += b.length;
    if (size > limit) throw new Error('request body too large');
    chunks.push(b);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function isoTime(ms: number): string {
  // Box prints offsets, not "Z"; the sandbox uses UTC.
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}
