/**
 * The loopback redirect listener under hostile and stray requests. Each refused request gets an
 * error page and the flow still completes with the real callback afterwards; the listener is
 * bound to 127.0.0.1 only and gone after success, deny, cancel and timeout.
 */
import { execFileSync } from 'node:child_process';
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { startLoopbackListener, type LoopbackListener } from '../../../main/core/auth/loopback-listener';
import { createState } from '../../../main/core/auth/pkce';

const state = createState();

interface Reply {
  status: number;
  location?: string;
  body: string;
}

function send(
  listener: LoopbackListener,
  path: string,
  options: { method?: string; host?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: listener.port,
        path,
        method: options.method ?? 'GET',
        headers: { host: options.host ?? `127.0.0.1:${listener.port}` },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, location: res.headers.location, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const isListening = (port: number) =>
  execFileSync('ss', ['-ltn'], { encoding: 'utf8' })
    .split('\n')
    .some((line) => new RegExp(`[:\\]]${port}\\s`).test(line));

async function completesAfter(listener: LoopbackListener) {
  const ok = await send(listener, `/callback?code=the-real-code&state=${state}`);
  expect(ok).toMatchObject({ status: 303, location: '/done' });
  expect(await listener.code).toBe('the-real-code');
  listener.finish('success');
  const done = await send(listener, '/done');
  expect(done.body).toContain('Signed in to Box');
  await listener.closed;
  expect(isListening(listener.port)).toBe(false);
}

const hostile: [string, (listener: LoopbackListener) => Promise<Reply>, number][] = [
  ['a wrong state', (l) => send(l, `/callback?code=stolen&state=${'x'.repeat(state.length)}`), 400],
  ['a missing state', (l) => send(l, '/callback?code=stolen'), 400],
  ['a missing code', (l) => send(l, `/callback?state=${state}`), 400],
  ['a foreign Host header', (l) => send(l, `/callback?code=stolen&state=${state}`, { host: 'evil.example' }), 400],
  [
    'localhost instead of the loopback address',
    (l) => send(l, `/callback?code=stolen&state=${state}`, { host: `localhost:${l.port}` }),
    400,
  ],
  ['a POST', (l) => send(l, `/callback?code=stolen&state=${state}`, { method: 'POST' }), 405],
  ['a 10 kB query', (l) => send(l, `/callback?code=${'a'.repeat(10_240)}&state=${state}`), 414],
  ['path traversal', (l) => send(l, `/callback/../../etc/passwd?code=stolen&state=${state}`), 404],
  ['another path', (l) => send(l, `/admin?code=stolen&state=${state}`), 404],
];

describe('loopback listener', () => {
  it('listens on 127.0.0.1 only, on an ephemeral port', async () => {
    const listener = await startLoopbackListener({ expectedState: state });
    const lines = execFileSync('ss', ['-ltn'], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.includes(`:${listener.port} `));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toContain(`127.0.0.1:${listener.port}`);
    expect(listener.redirectUri).toBe(`http://127.0.0.1:${listener.port}/callback`);
    await completesAfter(listener);
  });

  for (const [name, attack, status] of hostile) {
    it(`refuses ${name} and still completes with the real callback`, async () => {
      const listener = await startLoopbackListener({ expectedState: state });
      const reply = await attack(listener);
      expect(reply.status).toBe(status);
      expect(reply.body).not.toContain('stolen'); // nothing from the request is echoed back
      await completesAfter(listener);
    });
  }

  it('refuses a replayed code and a second callback after success', async () => {
    const listener = await startLoopbackListener({ expectedState: state, lingerMs: 60_000 });
    await send(listener, `/callback?code=first&state=${state}`);
    expect(await listener.code).toBe('first');
    expect((await send(listener, `/callback?code=first&state=${state}`)).status).toBe(409);
    expect((await send(listener, `/callback?code=second&state=${state}`)).status).toBe(409);
    expect(await listener.code).toBe('first');
    listener.finish('success');
    await send(listener, '/done');
    await listener.closed;
    expect(isListening(listener.port)).toBe(false);
  });

  it('a code exchange slower than the linger still ends on the success page, then closes', async () => {
    const listener = await startLoopbackListener({ expectedState: state, lingerMs: 200 });
    expect(await send(listener, `/callback?code=the-real-code&state=${state}`)).toMatchObject({
      status: 303,
      location: '/done',
    });
    // The browser follows the redirect at once and waits for its page.
    const done = send(listener, '/done');
    expect(await listener.code).toBe('the-real-code');
    // The code exchange at Box: here 1.5 s, far longer than the 200 ms linger (a slow network).
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(isListening(listener.port)).toBe(true);
    listener.finish('success');
    const page = await done;
    expect(page.body).toContain('Signed in to Box');
    expect(page.body).not.toContain('did not complete');
    await listener.closed;
    expect(isListening(listener.port)).toBe(false);
  });

  it('ends on Deny with a clear message, and closes', async () => {
    const listener = await startLoopbackListener({ expectedState: state });
    await send(listener, `/callback?error=access_denied&error_description=The+user+denied+access&state=${state}`);
    await expect(listener.code).rejects.toMatchObject({ kind: 'denied', message: expect.stringContaining('Deny') });
    expect((await send(listener, '/done')).body).toContain('Access was not granted');
    await listener.closed;
    expect(isListening(listener.port)).toBe(false);
  });

  it('ignores an error redirect that carries the wrong state', async () => {
    const listener = await startLoopbackListener({ expectedState: state });
    expect((await send(listener, '/callback?error=access_denied&state=forged')).status).toBe(400);
    await completesAfter(listener);
  });

  it('ends on Cancel and on timeout, and closes the listener both times', async () => {
    const abort = new AbortController();
    const cancelled = await startLoopbackListener({ expectedState: state, signal: abort.signal });
    abort.abort();
    await expect(cancelled.code).rejects.toMatchObject({ kind: 'cancelled' });
    await cancelled.closed;
    expect(isListening(cancelled.port)).toBe(false);

    const timedOut = await startLoopbackListener({ expectedState: state, timeoutMs: 50 });
    await expect(timedOut.code).rejects.toMatchObject({ kind: 'timeout' });
    await timedOut.closed;
    expect(isListening(timedOut.port)).toBe(false);
  });

  it('uses a fixed port when the Box app registered one, and says clearly when it is taken', async () => {
    const first = await startLoopbackListener({ expectedState: state });
    await expect(startLoopbackListener({ expectedState: state, port: first.port })).rejects.toMatchObject({
      kind: 'listener',
      message: expect.stringContaining('already in use'),
    });
    await first.close();
  });
});
