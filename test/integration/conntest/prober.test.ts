/**
 * The prober on the official SDK, request by request, against the sandbox's faults: what the
 * checks read as evidence (status, Box's request id, latency, Box's code or the WWW-Authenticate
 * reason), the one refresh after a refused token, the one quick retry (Retry-After honoured),
 * malformed bodies, dropped connections, and the per-request deadline the SDK must honour.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Prober } from '../../../main/core/conntest/probe';
import { scenario, type Scenario } from './helpers';

describe('connection test: the prober', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await scenario();
  });
  afterAll(() => s.cleanup());
  afterEach(async () => {
    await s.control('/faults', { latency_ms: 0, error_rate: 0, drop_rate: 0, malformed_rate: 0 });
    await s.control('/limits', { rate_limit_per_second: 0 });
  });

  const prober = (timeoutMs?: number) =>
    new Prober({
      endpoints: s.manager.profile()!.endpoints,
      session: s.manager.session(),
      timeoutMs,
      deadline: Date.now() + 8000,
    });

  it('keeps Box’s evidence, and after a refused token refreshes once for everyone and retries', async () => {
    const p = prober();
    const first = await p.get('/users/me?fields=id,login');
    expect(first).toMatchObject({ request: 'GET /2.0/users/me', status: 200, ok: true, problem: null });
    expect(first.requestId).toMatch(/^[0-9a-f]+$/);
    expect(first.body?.login).toEqual(expect.any(String));

    // Box forgets the access token: an empty 401 whose reason is only in WWW-Authenticate.
    await s.control('/tokens/expire', { kind: 'access' });
    const [a, b] = await Promise.all([p.get('/users/me?fields=id'), p.get('/folders/0/items?limit=5')]);
    expect(a).toMatchObject({ status: 200, ok: true });
    expect(b).toMatchObject({ status: 200, ok: true });
    const refused = p.log.filter((r) => r.status === 401);
    expect(refused).toHaveLength(2);
    for (const r of refused) {
      expect(r.code).toBe('invalid_token');
      expect(r.requestId).toMatch(/^[0-9a-f]+$/);
    }
    expect(p.refusal).toBeNull();
  });

  it('reads Box’s code, message and request id from an error answer', async () => {
    const r = await prober().get('/users/me?fields=id', { asUser: 'no-such-user' });
    expect(r).toMatchObject({
      request: 'GET /2.0/users/me (As-User no-such-user)',
      status: 403,
      ok: false,
      code: 'access_denied_insufficient_permissions',
      message: 'Access denied - insufficient permission',
    });
    expect(r.requestId).toMatch(/^[0-9a-f]+$/);
  });

  it('calls a body that is not JSON “Failed to parse response”, after one retry', async () => {
    await s.control('/faults', { malformed_rate: 1 });
    const p = prober();
    const r = await p.get('/users/me');
    expect(r).toMatchObject({
      ok: false,
      problem: 'malformed',
      code: 'malformed',
      message: 'Failed to parse response',
    });
    expect(p.log).toHaveLength(2);
  });

  it('retries a 429 once after Retry-After, and keeps the 429 for the headroom check', async () => {
    await s.control('/limits', { rate_limit_per_second: 1 });
    const p = prober();
    expect((await p.get('/users/me?fields=id')).ok).toBe(true);
    const r = await p.get('/users/me?fields=id');
    expect(r).toMatchObject({ status: 200, ok: true });
    const limited = p.log.find((x) => x.status === 429);
    expect(limited).toMatchObject({ code: 'rate_limit_exceeded' });
    expect(Number(limited?.headers?.get('retry-after'))).toBeGreaterThan(0);
    expect(p.log).toHaveLength(3);
  });

  it('reports a dropped connection as a network failure, after one retry', async () => {
    await s.control('/faults', { drop_rate: 1 });
    const p = prober();
    const r = await p.get('/users/me');
    expect(r).toMatchObject({ status: null, ok: false, problem: 'network', code: 'network' });
    // undici's words for a dropped connection (node-fetch said "socket hang up").
    expect(r.message).toMatch(/other side closed|socket hang up|ECONNRESET/);
    expect(p.log).toHaveLength(2);
  });

  it('gives up on a slow answer at the per-request timeout, without a retry', async () => {
    await s.control('/faults', { latency_ms: 3000 });
    const p = prober(500);
    const started = Date.now();
    const r = await p.get('/users/me');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(r).toMatchObject({ status: null, ok: false, problem: 'timeout', code: 'timeout' });
    expect(p.log).toHaveLength(1);
  });

  it('shows Box’s 302 for a file’s content, then reads only the first bytes of the download URL', async () => {
    const p = prober();
    let file: string | null = null;
    const folders = ['0'];
    while (!file && folders.length) {
      const listing = await p.get(`/folders/${folders.shift()}/items?limit=100&fields=id,type`);
      for (const e of (listing.body?.entries ?? []) as { id: string; type: string }[]) {
        if (e.type === 'file') file ??= e.id;
        else folders.push(e.id);
      }
    }
    expect(file).not.toBeNull();
    const content = await p.get(`/files/${file}/content`, { followRedirects: false });
    expect(content).toMatchObject({ status: 302, ok: true });
    expect(content.requestId).toMatch(/^[0-9a-f]+$/);
    const location = content.headers?.get('location');
    expect(location).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    const body = await p.download(location!, 1024);
    expect(body).toMatchObject({ request: 'GET download URL', ok: true, problem: null });
    expect([200, 206]).toContain(body.status);
    expect(body.bytes).toBeGreaterThan(0);
    expect(body.bytes).toBeLessThanOrEqual(1024);
  });
});
