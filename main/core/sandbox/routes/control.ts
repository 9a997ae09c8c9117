/**
 * The control API under /_sandbox/ (never in Box's namespace), for tests and rehearsals:
 * ground truth, activity injection, roles, app and enterprise settings, token expiry and
 * revocation, rate limits, faults (drawn at a rate, an outage, items that fail forever) and the clock. Loopback only; POSTs must be JSON, which a
 * web page cannot send cross-origin without a preflight the sandbox never grants.
 */
import type { Ctx } from '../http/context';
import { boxError, readBody, sendJson, isoTime } from '../http/context';
import { ACTIVITY_TYPES, ActivityError, applyActivity, type ActivityType, type LiveActivity } from '../state/activity';
import { ALL_SCOPES } from '../state/world';
import { fileIndexOfId, folderIdOfAny } from '../state/catalog';
import { fileIdOf } from '../generator/files';
import { folderIdOf, folderIndexById, folderName } from '../generator/tree';
import { FOLDER_ACTIVITY_TYPES, applyFolderActivity, type FolderActivityType } from '../state/folder-activity';
import { userIndexById, type Role } from '../generator/users';
import { eventJson } from '../views/events';
import { policyTruthOf } from '../state/policy-truth';
import { groupNames, groupsOf } from '../state/groups';
import type { FailingItem, ManualFaults, RateLimiter } from '../http/limits';

export interface ControlDeps {
  live: LiveActivity;
  limiter: RateLimiter;
  manual: ManualFaults;
}

type Json = Record<string, unknown>;

async function jsonBody(ctx: Ctx): Promise<Json | null> {
  if (!String(ctx.req.headers['content-type'] ?? '').startsWith('application/json')) {
    boxError(ctx, 415, 'bad_request', 'Control requests must be application/json');
    return null;
  }
  try {
    const text = await readBody(ctx.req);
    const v: unknown = text ? JSON.parse(text) : {};
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Json;
  } catch {
    /* fall through */
  }
  boxError(ctx, 400, 'bad_request', 'Body must be a JSON object');
  return null;
}

function num(v: unknown, name: string, min = 0, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max)
    throw new ActivityError(`${name} must be a number between ${min} and ${max}`);
  return v;
}

export function truth(ctx: Ctx): void {
  const w = ctx.world;
  const t = w.ent.tree;
  let trashed = 0;
  for (const l of w.trashed.values()) trashed += l.length;
  sendJson(ctx, 200, {
    seed: w.ent.seed,
    enterprise: w.settings.hasEnterprise ? { id: w.ent.identity.id, name: w.ent.identity.name } : null,
    counts: {
      users: w.ent.users.length,
      folders: t.folderCount + w.uploads.folderCount,
      files: w.ent.space.files + w.uploads.fileCount - trashed,
      trashed,
      events: w.eventCount(),
    },
    users: w.ent.users.map((u) => ({
      id: u.id,
      name: u.name,
      login: u.login,
      role: w.roleOf(u.index),
      external: u.external,
      groups: groupNames(groupsOf(w.ent, w.ent.seed, w.ent.users), u.index),
    })),
    bigFolder: {
      id: folderIdOf(t, t.bigFolder),
      name: folderName(t, t.bigFolder),
      owner_id: w.ent.users[t.owner[t.bigFolder] ?? 0]?.id,
      items: t.fileCount[t.bigFolder],
    },
    history: { from: isoTime(w.ent.history.start), to: isoTime(w.ent.history.end), count: w.ent.history.count },
    app: {
      client_id: w.app.clientId,
      allowed: w.appAllowed(),
      disabled_by_admin: w.app.disabledByAdmin,
      scopes: [...w.app.scopes],
      as_user: w.app.asUserEnabled,
    },
    settings: {
      restrict_unpublished: w.settings.restrictUnpublished,
      allowed_client_ids: [...w.settings.allowedClientIds],
    },
    rate_limit_per_second: w.rateLimitPerSecond,
    faults: w.faults,
    now: isoTime(w.now()),
  });
}

/**
 * Every file's id, owner, folder and content truth (has_text, expected state and reason,
 * sensitive counts, SHA-1), paged by offset (up to 10,000 per page).
 */
export function truthFiles(ctx: Ctx): void {
  const w = ctx.world;
  const offset = Math.max(0, Number(ctx.q.get('offset') ?? 0) || 0);
  const limit = Math.min(10_000, Math.max(1, Number(ctx.q.get('limit') ?? 1000) || 1000));
  const entries: Json[] = [];
  const total = w.ent.space.files + w.uploads.fileCount;
  for (let k = offset; k < Math.min(total, offset + limit); k++) {
    const f = w.file(k);
    if (!f) continue;
    const g = f.gen;
    const o = w.overrides.get(k);
    const content = f.content();
    // Uploaded content is not the generator's: what inspecting it concludes is unknown.
    const uploaded = w.uploads.contentOf(k) !== null;
    entries.push({
      id: fileIdOf(w.ent.space, k),
      owner_id: w.ent.users[g.owner]?.id,
      folder_id: folderIdOfAny(w, g.folder),
      ext: g.ext,
      shared: (o && 'link' in o ? o.link : g.link)?.access ?? null,
      collaborations: f.collabs.length,
      trashed: o?.trashedAt != null,
      has_text: content.hasText,
      expected_state: uploaded ? null : content.expected.state,
      expected_reason: uploaded ? null : content.expected.reason,
      sensitive: content.sensitive,
      sha1: content.sha1,
      size: content.size,
      ...policyTruthOf(w, f),
    });
  }
  sendJson(ctx, 200, { total_count: total, offset, limit, entries });
}

/**
 * Content downloads served per file since start-up, for the efficiency figures: each entry is a
 * file id, its extension and SHA-1 (the reuse key) and how many times its bytes were served.
 */
export function downloadStats(ctx: Ctx): void {
  const w = ctx.world;
  const entries: Json[] = [];
  let total = 0;
  for (const [k, count] of w.downloads) {
    const f = w.file(k);
    total += count;
    entries.push({ id: fileIdOf(w.ent.space, k), ext: f?.gen.ext ?? null, sha1: f?.content().sha1 ?? null, count });
  }
  sendJson(ctx, 200, { total, files: entries.length, entries });
}

/** One file's truth, including which sensitive data its content holds and what inspecting it concludes. */
export function truthFile(ctx: Ctx): void {
  const w = ctx.world;
  const f = w.file(fileIndexOfId(w, ctx.params.id ?? ''));
  if (!f) return boxError(ctx, 404, 'not_found', 'Not Found');
  const content = f.content();
  // Uploaded content (a new file or a new version) is not the generator's: its counts are unknown.
  const uploaded = w.uploads.contentOf(f.gen.k) !== null;
  sendJson(ctx, 200, {
    id: f.id,
    name: f.name,
    owner_id: w.ent.users[f.gen.owner]?.id,
    folder_id: folderIdOfAny(w, f.gen.folder),
    version: f.version,
    size: content.size,
    sha1: content.sha1,
    has_text: content.hasText,
    uploaded,
    sensitive: content.sensitive,
    expected_inspection: uploaded ? null : content.expected,
    // A copy stays byte-identical until it is edited.
    duplicate_of:
      f.gen.duplicateOf !== null && f.version === f.gen.version && !uploaded
        ? fileIdOf(w.ent.space, f.gen.duplicateOf)
        : null,
    shared_link: f.link
      ? {
          access: f.link.access,
          effective_access: f.link.effectiveAccess,
          password_enabled: f.link.passwordEnabled,
          unshared_at: f.link.unsharedAt ? new Date(f.link.unsharedAt).toISOString() : null,
          can_download: f.link.canDownload !== false,
          can_edit: f.link.canEdit === true,
        }
      : null,
    collaborators: f.collabs.map((c) => w.ent.users[c.userIndex]?.id),
    collaborations: f.collabs.map((c) => ({
      id: c.id,
      user_id: w.ent.users[c.userIndex]?.id,
      role: c.role,
      status: c.status,
    })),
    trashed: f.trashedAt !== null,
    ...policyTruthOf(w, f),
  });
}

/** Events with created_at in [after, before), at most 10,000. */
export function truthEvents(ctx: Ctx): void {
  const w = ctx.world;
  const after = Date.parse(ctx.q.get('after') ?? '') || 0;
  const before = Date.parse(ctx.q.get('before') ?? '') || Number.POSITIVE_INFINITY;
  const entries: Json[] = [];
  for (let o = w.ordinalAtOrAfter(after); o < w.eventCount() && entries.length < 10_000; o++) {
    const e = w.eventAt(o);
    if (!e || e.time >= before) break;
    entries.push(eventJson(w, e));
  }
  sendJson(ctx, 200, { count: entries.length, entries });
}

export function listTokens(ctx: Ctx): void {
  const w = ctx.world;
  const now = w.now();
  const entries = [...w.tokens.tokens.values()].map((t) => ({
    token: t.value,
    kind: t.kind,
    user_id: w.ent.users[t.userIndex]?.id,
    client_id: t.clientId,
    scopes: t.scopes,
    state: w.tokens.stateOf(t, now),
    reason: t.reason ?? null,
    grant_id: t.grantId,
    issued_at: isoTime(t.issuedAt),
    expires_at: isoTime(t.expiresAt),
    ...(t.kind === 'refresh' ? { times_presented: t.presented ?? 0 } : { used_by_api: t.usedByApi ?? false }),
  }));
  sendJson(ctx, 200, { entries });
}

export async function control(ctx: Ctx, deps: ControlDeps, action: string): Promise<void> {
  const body = await jsonBody(ctx);
  if (!body) return;
  const w = ctx.world;
  try {
    switch (action) {
      case 'activity':
        return body.folder_id !== undefined ? folderActivity(ctx, body) : fileActivity(ctx, body);
      case 'activity-stream': {
        // {burst: n} produces n live activities at once, so tests need not wait for the timer.
        const burst = num(body.burst, 'burst', 0, 100_000) ?? 0;
        let produced = 0;
        for (let i = 0; i < burst; i++) if (deps.live.one()) produced++;
        if (body.per_second !== undefined) deps.live.start(num(body.per_second, 'per_second', 0, 10_000) ?? 0);
        return sendJson(ctx, 200, { per_second: body.per_second ?? null, produced });
      }
      case 'role': {
        const i = userIndexById(w.ent.users, ctx.params.id ?? '');
        const role = body.role as Role;
        if (i < 0 || w.ent.users[i]?.external) throw new ActivityError('unknown or external user');
        if (!['admin', 'coadmin', 'user'].includes(role))
          throw new ActivityError('role must be admin, coadmin or user');
        w.roles.set(i, role);
        return sendJson(ctx, 200, { id: w.ent.users[i]?.id, role });
      }
      case 'app':
        return appSettings(ctx, body);
      case 'enterprise':
        if (body.restrict_unpublished !== undefined)
          w.settings.restrictUnpublished = body.restrict_unpublished === true;
        if (Array.isArray(body.allowed_client_ids))
          w.settings.allowedClientIds = new Set(body.allowed_client_ids.map(String));
        return sendJson(ctx, 200, {
          restrict_unpublished: w.settings.restrictUnpublished,
          allowed_client_ids: [...w.settings.allowedClientIds],
          app_allowed: w.appAllowed(),
        });
      case 'expire':
      case 'revoke': {
        const match = tokenFilter(ctx, body);
        const n =
          action === 'expire'
            ? w.tokens.expireWhere(match, w.now())
            : w.tokens.revokeWhere(match, 'revoked_by_control');
        return sendJson(ctx, 200, { [action === 'expire' ? 'expired' : 'revoked']: n });
      }
      case 'limits':
        w.rateLimitPerSecond = num(body.rate_limit_per_second, 'rate_limit_per_second', 0, 1e6) ?? 0;
        deps.limiter.reset();
        return sendJson(ctx, 200, { rate_limit_per_second: w.rateLimitPerSecond });
      case 'faults':
        w.faults.latencyMs = num(body.latency_ms, 'latency_ms', 0, 60_000) ?? w.faults.latencyMs;
        w.faults.errorRate = num(body.error_rate, 'error_rate', 0, 1) ?? w.faults.errorRate;
        w.faults.dropRate = num(body.drop_rate, 'drop_rate', 0, 1) ?? w.faults.dropRate;
        w.faults.malformedRate = num(body.malformed_rate, 'malformed_rate', 0, 1) ?? w.faults.malformedRate;
        if (body.fail_items !== undefined) deps.manual.setFailingItems(failingItems(body.fail_items));
        return sendJson(ctx, 200, { ...w.faults, fail_items: deps.manual.failingItems() });
      case 'outage': {
        const seconds = num(body.seconds, 'seconds', 0, 86_400);
        if (seconds === undefined) throw new ActivityError('seconds is required (0 ends an outage)');
        deps.manual.startOutage(seconds);
        return sendJson(ctx, 200, { outage_until: deps.manual.outageEndsAt() });
      }
      case 'clock':
        w.clock.advance(num(body.advance_seconds ?? body.advanceSeconds, 'advance_seconds', 0, 10 * 365 * 86_400) ?? 0);
        return sendJson(ctx, 200, { now: isoTime(w.now()) });
      default:
        return boxError(ctx, 404, 'not_found', 'Unknown control action');
    }
  } catch (e) {
    if (e instanceof ActivityError) return boxError(ctx, 400, 'bad_request', e.message);
    throw e;
  }
}

/** {file_id, event_type?, user_id?, access?}: an activity on a file (see activity.ts). */
function fileActivity(ctx: Ctx, body: Json): void {
  const w = ctx.world;
  const k = fileIndexOfId(w, String(body.file_id ?? ''));
  const type = String(body.event_type ?? 'EDIT') as ActivityType;
  if (!ACTIVITY_TYPES.includes(type)) throw new ActivityError(`event_type must be one of ${ACTIVITY_TYPES.join(', ')}`);
  const actor = body.user_id === undefined ? undefined : userIndexById(w.ent.users, String(body.user_id));
  if (actor !== undefined && actor < 0) throw new ActivityError('unknown user_id');
  const access = body.access as 'open' | 'company' | 'collaborators' | undefined;
  const e = applyActivity(w, { fileIndex: k, type, actor, access });
  sendJson(ctx, 200, { event: eventJson(w, e), stream_position: String(e.ordinal) });
}

/** {enabled?, scopes?, as_user?, removed?}: the app's settings in the Admin Console. */
function appSettings(ctx: Ctx, body: Json): void {
  const w = ctx.world;
  if (body.enabled !== undefined) w.app.disabledByAdmin = body.enabled === false;
  if (Array.isArray(body.scopes)) {
    const bad = body.scopes.filter((s) => !(ALL_SCOPES as readonly unknown[]).includes(s));
    if (bad.length) throw new ActivityError(`unknown scopes: ${bad.join(', ')}`);
    w.app.scopes = new Set(body.scopes as string[]);
  }
  if (body.as_user !== undefined) w.app.asUserEnabled = body.as_user === true;
  // Removing the app from the enterprise ends every sign-in made with it.
  const revoked = body.removed === true ? w.tokens.revokeWhere((t) => t.clientId === w.app.clientId, 'app_removed') : 0;
  sendJson(ctx, 200, {
    allowed: w.appAllowed(),
    disabled_by_admin: w.app.disabledByAdmin,
    scopes: [...w.app.scopes],
    as_user: w.app.asUserEnabled,
    revoked,
  });
}

/** {folder_id, event_type, user_id?, invitee_id?}: an activity on a folder (see folder-activity.ts). */
function folderActivity(ctx: Ctx, body: Json): void {
  const w = ctx.world;
  const f = folderIndexById(w.ent.tree, String(body.folder_id));
  const type = String(body.event_type ?? '') as FolderActivityType;
  if (!FOLDER_ACTIVITY_TYPES.includes(type))
    throw new ActivityError(`event_type on a folder must be one of ${FOLDER_ACTIVITY_TYPES.join(', ')}`);
  const user = (key: string) => {
    if (body[key] === undefined) return undefined;
    const i = userIndexById(w.ent.users, String(body[key]));
    if (i < 0) throw new ActivityError(`unknown ${key}`);
    return i;
  };
  const e = applyFolderActivity(w, { folderIndex: f, type, actor: user('user_id'), invitee: user('invitee_id') });
  sendJson(ctx, 200, { event: eventJson(w, e), stream_position: String(e.ordinal) });
}

/** fail_items: [{type: 'folder' | 'file', id}], checked: a typo must not pass for "no fault". */
function failingItems(v: unknown): FailingItem[] {
  if (!Array.isArray(v)) throw new ActivityError("fail_items must be a list of {type: 'folder' | 'file', id}");
  return v.map((it: unknown) => {
    const o = (typeof it === 'object' && it !== null ? it : {}) as Json;
    if ((o.type !== 'folder' && o.type !== 'file') || typeof o.id !== 'string' || o.id === '')
      throw new ActivityError("each of fail_items must be {type: 'folder' | 'file', id}");
    return { type: o.type, id: o.id };
  });
}

/** {token} selects one token; {user_id} and/or {kind} select many; {} selects all. */
function tokenFilter(ctx: Ctx, body: Json) {
  const w = ctx.world;
  const user = body.user_id === undefined ? undefined : userIndexById(w.ent.users, String(body.user_id));
  return (t: { value: string; kind: string; userIndex: number }) =>
    (body.token === undefined || t.value === body.token) &&
    (body.kind === undefined || t.kind === body.kind) &&
    (user === undefined || t.userIndex === user);
}
