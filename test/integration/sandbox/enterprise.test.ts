/** As-User rules, rate limits, users paging, folder listing rules, events, activities and faults. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../main/core/sandbox';
import { api, ctl, getTokens, type Truth } from './helpers';

let sb: RunningSandbox;
let truth: Truth;
let admin: string;
beforeAll(async () => {
  sb = await startSandbox({ seed: 5, users: 60, files: 3000 });
  truth = await ctl<Truth>(sb.info, '/truth');
  admin = (await getTokens(sb.info)).access_token;
});
afterAll(async () => sb.close());

const byRole = (role: string) => truth.users.filter((u) => u.role === role && !u.external);

describe('As-User', () => {
  it('admin may act as anyone else, but not as themselves', async () => {
    for (const u of [byRole('coadmin')[0]!, byRole('user')[0]!]) {
      const r = await api(sb.info, admin, '/2.0/users/me', { 'as-user': u.id });
      expect(r.status).toBe(200);
      expect((r.json as { id: string }).id).toBe(u.id);
    }
    expect((await api(sb.info, admin, '/2.0/users/me', { 'as-user': sb.info.signInUserId })).status).toBe(403);
  });

  it('a co-admin acting as the primary admin or another co-admin gets 403 access_denied_insufficient_permissions', async () => {
    const [co1, co2] = [byRole('coadmin')[0]!, byRole('user')[5]!];
    await ctl(sb.info, `/users/${co2.id}/role`, { role: 'coadmin' });
    const co = (await getTokens(sb.info, { userId: co1.id })).access_token;
    const me = await api(sb.info, co, '/2.0/users/me?fields=role');
    expect((me.json as { role: string }).role).toBe('coadmin');
    for (const target of [sb.info.signInUserId, co2.id]) {
      const r = await api(sb.info, co, '/2.0/folders/0/items', { 'as-user': target });
      expect(r.status).toBe(403);
      expect(r.json).toMatchObject({ type: 'error', status: 403, code: 'access_denied_insufficient_permissions' });
      expect(r.headers.get('box-request-id')).toBe((r.json as { request_id: string }).request_id);
    }
    expect((await api(sb.info, co, '/2.0/folders/0/items', { 'as-user': byRole('user')[0]!.id })).status).toBe(200);
  });

  it('a user may never use As-User, and cannot list users or read admin logs', async () => {
    const u = (await getTokens(sb.info, { userId: byRole('user')[1]!.id })).access_token;
    expect((await api(sb.info, u, '/2.0/users/me', { 'as-user': byRole('user')[2]!.id })).status).toBe(403);
    expect((await api(sb.info, u, '/2.0/users')).status).toBe(403);
    expect((await api(sb.info, u, '/2.0/events?stream_type=admin_logs')).status).toBe(403);
  });

  it('content of others is invisible without As-User (404), visible with it', async () => {
    const files = await ctl<{ entries: Array<{ id: string; owner_id: string; folder_id: string }> }>(
      sb.info,
      '/truth/files?limit=10000',
    );
    const other = files.entries.find((f) => f.owner_id !== sb.info.signInUserId && f.folder_id !== truth.bigFolder.id)!;
    const hidden = await api(sb.info, admin, `/2.0/files/${other.id}`);
    expect([hidden.status, (hidden.json as { code: string }).code]).toEqual([404, 'not_found']);
    expect((await api(sb.info, admin, `/2.0/files/${other.id}`, { 'as-user': other.owner_id })).status).toBe(200);
  });
});

describe('rate limits', () => {
  it('answers 429 with retry-after once the per-user bucket is empty', async () => {
    await ctl(sb.info, '/limits', { rate_limit_per_second: 5 });
    try {
      const results = await Promise.all(Array.from({ length: 20 }, () => api(sb.info, admin, '/2.0/users/me')));
      const limited = results.filter((r) => r.status === 429);
      expect(limited.length).toBeGreaterThanOrEqual(10);
      expect(Number(limited[0]!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(limited[0]!.json).toMatchObject({ type: 'error', status: 429, code: 'rate_limit_exceeded' });
      // Another user has their own bucket.
      const other = (await getTokens(sb.info, { userId: byRole('user')[3]!.id })).access_token;
      expect((await api(sb.info, other, '/2.0/users/me')).status).toBe(200);
    } finally {
      await ctl(sb.info, '/limits', { rate_limit_per_second: 0 });
    }
  });
});

describe('users paging', () => {
  it('offset and marker paging agree; user_type filters; offset past 10,000 is refused', async () => {
    const all = (await api(sb.info, admin, '/2.0/users?limit=1000')).json as {
      total_count: number;
      entries: Array<{ id: string }>;
    };
    const managed = truth.users.filter((u) => !u.external);
    expect(all.total_count).toBe(managed.length);
    const viaOffset: string[] = [];
    for (let offset = 0; offset < all.total_count; offset += 7) {
      viaOffset.push(
        ...(
          (await api(sb.info, admin, `/2.0/users?limit=7&offset=${offset}`)).json as { entries: Array<{ id: string }> }
        ).entries.map((e) => e.id),
      );
    }
    const viaMarker: string[] = [];
    let marker: string | null = null;
    do {
      const page = (await api(sb.info, admin, `/2.0/users?usemarker=true&limit=7${marker ? `&marker=${marker}` : ''}`))
        .json as { entries: Array<{ id: string }>; next_marker: string | null; total_count?: number };
      expect(page.total_count).toBeUndefined();
      viaMarker.push(...page.entries.map((e) => e.id));
      marker = page.next_marker;
    } while (marker);
    expect(viaOffset).toEqual(managed.map((u) => u.id));
    expect(viaMarker).toEqual(viaOffset);
    const ext = (await api(sb.info, admin, '/2.0/users?user_type=external')).json as {
      entries: Array<{ login: string }>;
    };
    expect(ext.entries.length).toBe(truth.users.filter((u) => u.external).length);
    expect((await api(sb.info, admin, '/2.0/users?offset=10001')).status).toBe(400);
    const role = (await api(sb.info, admin, '/2.0/users?limit=1')).json as { entries: Array<Record<string, unknown>> };
    expect(role.entries[0]).not.toHaveProperty('role');
  });
});

describe('folder listings', () => {
  it('clamps limit at 1000, lists folders before files, and fields returns exactly what was asked plus type/id/etag', async () => {
    const root = (await api(sb.info, admin, '/2.0/folders/0/items')).json as {
      entries: Array<{ id: string; type: string }>;
    };
    const own = root.entries.find((e) => e.id !== truth.bigFolder.id)!;
    const r = (await api(sb.info, admin, `/2.0/folders/${own.id}/items?limit=5000&fields=name`)).json as {
      limit: number;
      entries: Array<Record<string, unknown>>;
    };
    expect(r.limit).toBe(1000);
    const types = r.entries.map((e) => e.type);
    expect(types.join(',')).toMatch(/^(folder,)*(file,?)*$/);
    for (const e of r.entries) expect(Object.keys(e).sort()).toEqual(['etag', 'id', 'name', 'type']);
    const big = (await api(sb.info, admin, `/2.0/folders/${truth.bigFolder.id}/items?limit=5000`)).json as {
      entries: unknown[];
      total_count: number;
    };
    expect([big.entries.length, big.total_count]).toEqual([1000, 2500]);
  });
});

describe('events', () => {
  const DAY = 86_400_000;
  type Page = {
    chunk_size: number;
    next_stream_position: string;
    entries: Array<{ event_id: string; created_at: string; event_type: string }>;
  };
  async function drain(query: string, start?: string): Promise<Page['entries']> {
    const out: Page['entries'] = [];
    let pos = start;
    for (let i = 0; i < 5000; i++) {
      const page = (await api(sb.info, admin, `/2.0/events?${query}${pos ? `&stream_position=${pos}` : ''}`))
        .json as Page;
      out.push(...page.entries);
      if (page.chunk_size === 0) break;
      pos = page.next_stream_position;
    }
    return out;
  }

  it('admin_logs windows tile exactly: chronological, no duplicates, reaching back past 60 days', async () => {
    const now = Date.now();
    const iso = (t: number) => encodeURIComponent(new Date(t).toISOString());
    const whole = await drain(
      `stream_type=admin_logs&limit=500&created_after=${iso(now - 80 * DAY)}&created_before=${iso(now)}`,
    );
    const a = await drain(
      `stream_type=admin_logs&limit=500&created_after=${iso(now - 80 * DAY)}&created_before=${iso(now - 30 * DAY)}`,
    );
    const b = await drain(
      `stream_type=admin_logs&limit=500&created_after=${iso(now - 30 * DAY)}&created_before=${iso(now)}`,
    );
    expect(whole.map((e) => e.event_id)).toEqual([...a, ...b].map((e) => e.event_id));
    expect(new Set(whole.map((e) => e.event_id)).size).toBe(whole.length);
    const times = whole.map((e) => Date.parse(e.created_at));
    expect(times).toEqual([...times].sort((x, y) => x - y));
    expect(times[0]! < now - 60 * DAY).toBe(true);
    const edits = await drain(
      `stream_type=admin_logs&limit=500&event_type=EDIT,UPLOAD&created_after=${iso(now - 7 * DAY)}`,
    );
    expect(edits.length).toBeGreaterThan(0);
    expect(new Set(edits.map((e) => e.event_type))).toEqual(new Set(['EDIT', 'UPLOAD']));
  });

  it('limit is capped at 500 and a page never exceeds it', async () => {
    const page = (await api(sb.info, admin, '/2.0/events?stream_type=admin_logs&limit=5000')).json as Page;
    expect(page.chunk_size).toBeLessThanOrEqual(500);
  });

  it('admin_logs_streaming repeats and reorders some events; de-duplicating by event_id gives the exact set', async () => {
    const got = await drain('stream_type=admin_logs_streaming&limit=100');
    const unique = new Map(got.map((e) => [e.event_id, e]));
    expect(got.length).toBeGreaterThan(unique.size); // duplicates happen
    const times = got.map((e) => Date.parse(e.created_at));
    expect(times.some((t, i) => i > 0 && t < times[i - 1]!)).toBe(true); // not chronological
    const truthEvents = await ctl<{ count: number }>(
      sb.info,
      `/truth/events?after=${encodeURIComponent(new Date(Date.now() - 14 * DAY).toISOString())}`,
    );
    expect(unique.size).toBe(truthEvents.count);
  });

  it('stream_position=now returns no events, then picks up an injected activity with its effect on the file', async () => {
    const now = (await api(sb.info, admin, '/2.0/events?stream_type=admin_logs_streaming&stream_position=now'))
      .json as Page;
    expect(now.chunk_size).toBe(0);
    const file = (await api(sb.info, admin, `/2.0/folders/${truth.bigFolder.id}/items?limit=1`)).json as {
      entries: Array<{ id: string; etag: string }>;
    };
    const f = file.entries[0]!;
    const before = (await api(sb.info, admin, `/2.0/files/${f.id}?fields=sha1,etag,shared_link`)).json as {
      sha1: string;
      etag: string;
    };
    expect((await api(sb.info, admin, `/2.0/files/${f.id}`, { 'if-none-match': before.etag })).status).toBe(304);
    type Injected = { event: { event_id: string } };
    const edit = await ctl<Injected>(sb.info, '/activity', { file_id: f.id, event_type: 'EDIT' });
    const share = await ctl<Injected>(sb.info, '/activity', { file_id: f.id, event_type: 'SHARE', access: 'open' });
    const after = (await api(sb.info, admin, `/2.0/files/${f.id}?fields=sha1,etag,shared_link`)).json as {
      sha1: string;
      etag: string;
      shared_link: { access: string };
    };
    expect(after.sha1).not.toBe(before.sha1);
    expect(after.etag).not.toBe(before.etag);
    expect(after.shared_link.access).toBe('open');
    expect((await api(sb.info, admin, `/2.0/files/${f.id}`, { 'if-none-match': before.etag })).status).toBe(200);
    const fresh = await drain('stream_type=admin_logs_streaming&limit=100', now.next_stream_position);
    // The stream may also repeat an event from just before the position: only ids matter.
    const ids = new Set(fresh.map((e) => e.event_id));
    expect(ids.has(edit.event.event_id) && ids.has(share.event.event_id)).toBe(true);
    expect(fresh.filter((e) => e.event_type === 'EDIT' || e.event_type === 'SHARE').length).toBeGreaterThanOrEqual(2);
    await ctl(sb.info, '/activity', { file_id: f.id, event_type: 'DELETE' });
    expect((await api(sb.info, admin, `/2.0/files/${f.id}`)).status).toBe(404);
    const list = (await api(sb.info, admin, `/2.0/folders/${truth.bigFolder.id}/items?limit=1`)).json as {
      total_count: number;
      entries: Array<{ id: string }>;
    };
    expect([list.total_count, list.entries[0]!.id === f.id]).toEqual([2499, false]);
    await ctl(sb.info, '/activity', { file_id: f.id, event_type: 'UNDELETE' });
  });
});

describe('live activity', () => {
  it('produces events with their effect on files (burst: no waiting on the timer)', async () => {
    const before = await ctl<{ counts: { events: number } }>(sb.info, '/truth');
    const now = (await api(sb.info, admin, '/2.0/events?stream_type=admin_logs_streaming&stream_position=now'))
      .json as { next_stream_position: string };
    const r = await ctl<{ produced: number }>(sb.info, '/activity/stream', { burst: 200 });
    expect(r.produced).toBeGreaterThan(150);
    const after = await ctl<{ counts: { events: number } }>(sb.info, '/truth');
    expect(after.counts.events - before.counts.events).toBe(r.produced);
    const page = (
      await api(
        sb.info,
        admin,
        `/2.0/events?stream_type=admin_logs_streaming&limit=500&stream_position=${now.next_stream_position}`,
      )
    ).json as { entries: Array<{ event_type: string; source: { item_id: string } }> };
    const types = new Set(page.entries.map((e) => e.event_type));
    expect(types.has('EDIT') && types.has('PREVIEW')).toBe(true);
    // An EDIT's file now reports the edit (a newer version than the generated one).
    const edit = page.entries.find((e) => e.event_type === 'EDIT')!;
    const owner = await ctl<{ owner_id: string; version: number }>(sb.info, `/truth/files/${edit.source.item_id}`);
    expect(owner.version).toBeGreaterThanOrEqual(1);
    expect(
      (
        (
          await api(
            sb.info,
            admin,
            `/2.0/files/${edit.source.item_id}?fields=modified_at`,
            owner.owner_id === sb.info.signInUserId ? {} : { 'as-user': owner.owner_id },
          )
        ).json as { modified_at: string }
      ).modified_at.startsWith('2025'),
    ).toBe(false);
    expect(await ctl(sb.info, '/activity/stream', { per_second: 0 })).toMatchObject({ per_second: 0 });
  });
});

describe('faults', () => {
  it('injects 5xx, malformed bodies, dropped connections and latency', async () => {
    await ctl(sb.info, '/faults', { error_rate: 1 });
    const e = await api(sb.info, admin, '/2.0/users/me');
    expect([500, 502, 503]).toContain(e.status);
    expect(e.json).toMatchObject({ type: 'error', status: e.status });
    await ctl(sb.info, '/faults', { error_rate: 0, malformed_rate: 1 });
    const m = await api(sb.info, admin, '/2.0/users/me');
    expect(m.status).toBe(200);
    expect(m.json).toBeUndefined();
    await ctl(sb.info, '/faults', { malformed_rate: 0, drop_rate: 1 });
    await expect(
      fetch(`${sb.info.apiUrl}/2.0/users/me`, { headers: { authorization: `Bearer ${admin}` } }),
    ).rejects.toThrow();
    await ctl(sb.info, '/faults', { drop_rate: 0, latency_ms: 150 });
    const t0 = performance.now();
    expect((await api(sb.info, admin, '/2.0/users/me')).status).toBe(200);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(140);
    await ctl(sb.info, '/faults', { latency_ms: 0 });
  });

  it('keeps the control API off the API namespace and away from other origins', async () => {
    expect((await fetch(`${sb.info.apiUrl}/2.0/_sandbox/truth`)).status).toBe(401);
    const cross = await fetch(`${sb.info.controlUrl}/clock`, {
      method: 'POST',
      headers: { origin: 'http://evil.example', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(cross.status).toBe(403);
    const form = await fetch(`${sb.info.controlUrl}/clock`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(form.status).toBe(415);
  });
});
