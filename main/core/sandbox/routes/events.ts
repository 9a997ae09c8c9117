/**
 * /2.0/events for enterprise streams.
 * - admin_logs: 365 days, chronological, no duplicates; created_after (inclusive) and
 *   created_before (exclusive, so adjacent windows tile); a page never spans two UTC days, so it
 *   can hold fewer than `limit` events while more remain (Box warns that this happens).
 * - admin_logs_streaming: 14 days, position "now", low latency; pages sometimes repeat a recent
 *   event and swap neighbours, as Box's stream does, so consumers must de-duplicate by event_id.
 * Stream positions are ordinals in the sandbox's event log, sent as strings.
 */
import type { Ctx } from '../http/context';
import { boxError, sendJson } from '../http/context';
import { requireEnterpriseAdmin, requireScope } from '../http/auth';
import { hash, Rng, S } from '../generator/prng';
import type { SandboxEvent } from '../generator/events';
import type { World } from '../state/world';
import { eventJson } from '../views/events';

const DAY = 86_400_000;

export function getEvents(ctx: Ctx): void {
  const type = ctx.q.get('stream_type') ?? 'all';
  if (type !== 'admin_logs' && type !== 'admin_logs_streaming') {
    return boxError(
      ctx,
      400,
      'bad_request',
      `The sandbox serves stream_type admin_logs and admin_logs_streaming only (got '${type}').`,
    );
  }
  if (!requireScope(ctx, 'manage_enterprise_properties') || !requireEnterpriseAdmin(ctx)) return;
  const rawLimit = ctx.q.get('limit');
  const limitNum = rawLimit === null || rawLimit === '' ? 100 : Number(rawLimit);
  if (!Number.isInteger(limitNum) || limitNum < 1)
    return boxError(ctx, 400, 'invalid_request_parameters', `Invalid value '${rawLimit}' for query parameter 'limit'.`);
  const limit = Math.min(limitNum, 500);
  const types = new Set(
    (ctx.q.get('event_type') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
  const pos = ctx.q.get('stream_position');
  if (pos !== null && pos !== '' && pos !== 'now' && !/^\d+$/.test(pos)) {
    return boxError(
      ctx,
      400,
      'invalid_request_parameters',
      `Invalid value '${pos}' for query parameter 'stream_position'.`,
    );
  }
  if (type === 'admin_logs') return adminLogs(ctx, pos, limit, types);
  return streaming(ctx, pos, limit, types);
}

function parseTime(ctx: Ctx, name: string): number | null | undefined {
  const raw = ctx.q.get(name);
  if (raw === null || raw === '') return null;
  const t = Date.parse(raw);
  if (Number.isNaN(t)) {
    boxError(ctx, 400, 'invalid_request_parameters', `Invalid value '${raw}' for query parameter '${name}'.`);
    return undefined;
  }
  return t;
}

function adminLogs(ctx: Ctx, pos: string | null, limit: number, types: Set<string>): void {
  const w = ctx.world;
  const after = parseTime(ctx, 'created_after');
  const before = parseTime(ctx, 'created_before');
  if (after === undefined || before === undefined) return;
  const now = w.now();
  const floor = Math.max(after ?? 0, now - 365 * DAY);
  let o = Math.max(pos && pos !== 'now' ? Number(pos) : 0, w.ordinalAtOrAfter(floor));
  if (pos === 'now') o = w.eventCount();
  const end = w.eventCount();
  const stopAt = before ?? Number.POSITIVE_INFINITY;
  const entries: Record<string, unknown>[] = [];
  let day = -1;
  for (; o < end && entries.length < limit; o++) {
    const e = w.eventAt(o);
    if (!e) break;
    if (e.time >= stopAt) break;
    const d = Math.floor(e.time / DAY);
    if (day >= 0 && d !== day) break;
    if (types.size > 0 && !types.has(e.type)) continue;
    if (day < 0) day = d;
    entries.push(eventJson(w, e));
  }
  sendJson(ctx, 200, { chunk_size: entries.length, next_stream_position: String(o), entries });
}

function streaming(ctx: Ctx, pos: string | null, limit: number, types: Set<string>): void {
  const w = ctx.world;
  const end = w.eventCount();
  if (pos === 'now') return sendJson(ctx, 200, { chunk_size: 0, next_stream_position: String(end), entries: [] });
  const oldest = w.ordinalAtOrAfter(w.now() - 14 * DAY);
  const from = Math.max(pos ? Number(pos) : 0, oldest);
  const picked: SandboxEvent[] = [];
  let o = from;
  for (; o < end && picked.length < limit; o++) {
    const e = w.eventAt(o);
    if (e && (types.size === 0 || types.has(e.type))) picked.push(e);
  }
  disorder(w, from, picked, oldest);
  sendJson(ctx, 200, {
    chunk_size: picked.length,
    next_stream_position: String(o),
    entries: picked.map((e) => eventJson(w, e)),
  });
}

/** Box's streaming feed repeats and reorders events now and then; so does the sandbox. */
function disorder(w: World, from: number, page: SandboxEvent[], oldest: number): void {
  if (page.length === 0) return;
  const r = new Rng(hash(w.ent.seed, S.stream, from));
  if (page.length >= 2 && r.chance(0.3)) {
    const i = r.int(page.length - 1);
    const a = page[i];
    const b = page[i + 1];
    if (a && b) {
      page[i] = b;
      page[i + 1] = a;
    }
  }
  if (from > oldest && r.chance(0.35)) {
    const again = w.eventAt(from - 1 - r.int(Math.min(3, from - oldest)));
    if (again) page.splice(r.int(page.length + 1), 0, again);
  }
}
