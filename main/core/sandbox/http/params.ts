/** Query-parameter rules shared by the list endpoints: fields, limit, offset, markers. */
import type { Ctx } from './context';
import { boxError } from './context';

export class ParamError extends Error {}

/** `fields=a,b` → the set asked for, or null when the caller wants the default shape. */
export function parseFields(ctx: Ctx): Set<string> | null {
  const raw = ctx.q.get('fields');
  if (raw === null || raw.trim() === '') return null;
  return new Set(
    raw
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
}

/** Box clamps an over-large limit to the maximum instead of refusing it. */
export function parseLimit(ctx: Ctx, def: number, max: number): number {
  const raw = ctx.q.get('limit');
  if (raw === null || raw === '') return def;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new ParamError(`Invalid value '${raw}' for query parameter 'limit'.`);
  return Math.min(Math.max(n, 1), max);
}

export const MAX_OFFSET = 10_000;

export function parseOffset(ctx: Ctx): number {
  const raw = ctx.q.get('offset');
  if (raw === null || raw === '') return 0;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new ParamError(`Invalid value '${raw}' for query parameter 'offset'.`);
  // Box documents offsets past 10,000 as unsupported; refusing them makes consumers use markers.
  if (n > MAX_OFFSET)
    throw new ParamError(
      `Invalid value '${raw}' for query parameter 'offset'. Offset must not exceed ${MAX_OFFSET}; use marker-based paging.`,
    );
  return n;
}

export function useMarker(ctx: Ctx): boolean {
  return ctx.q.get('usemarker') === 'true' || ctx.q.has('marker');
}

/** Markers are opaque to clients; inside, they carry the scope they belong to and a position. */
export function encodeMarker(scope: string, position: number): string {
  return Buffer.from(`${scope}|${position}`, 'utf8').toString('base64url');
}

export function decodeMarker(ctx: Ctx, scope: string): number {
  const raw = ctx.q.get('marker');
  if (raw === null || raw === '') return 0;
  const text = Buffer.from(raw, 'base64url').toString('utf8');
  const [s, p] = text.split('|');
  const n = Number(p);
  if (s !== scope || !Number.isInteger(n) || n < 0)
    throw new ParamError(`Invalid value '${raw}' for query parameter 'marker'.`);
  return n;
}

export function sendParamError(ctx: Ctx, e: ParamError): void {
  boxError(ctx, 400, 'invalid_request_parameters', e.message);
}
