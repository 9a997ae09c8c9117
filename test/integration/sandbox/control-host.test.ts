/**
 * The control API under DNS rebinding: a page on evil.example whose name has been rebound to
 * 127.0.0.1 reaches the sandbox from loopback with no Origin header (a simple GET), but its
 * requests still carry `Host: evil.example`. Only the sandbox's own loopback names are served.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../main/core/sandbox';

let sb: RunningSandbox;
beforeAll(async () => {
  sb = await startSandbox({ seed: 5, users: 5, files: 20 });
});
afterAll(async () => sb?.close());

/** A raw request, so the Host header is exactly what a rebound browser page would send. */
function get(path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const { port } = new URL(sb.info.controlUrl);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('sandbox control API and the Host header', () => {
  it('refuses a foreign Host header with 403 and shows it no tokens', async () => {
    for (const host of [
      'evil.example',
      `evil.example:${new URL(sb.info.controlUrl).port}`,
      '127.0.0.1:1',
      'localhost',
    ]) {
      const reply = await get('/_sandbox/tokens', { host });
      expect(reply.status, host).toBe(403);
      expect(reply.body, host).not.toContain('"entries"');
    }
  });

  it('answers its own loopback names', async () => {
    const { port } = new URL(sb.info.controlUrl);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `LOCALHOST:${port}`]) {
      const reply = await get('/_sandbox/tokens', { host });
      expect(reply.status, host).toBe(200);
      expect(JSON.parse(reply.body)).toHaveProperty('entries');
    }
  });

  it('still refuses a page of another origin on the right Host', async () => {
    const { port } = new URL(sb.info.controlUrl);
    expect((await get('/_sandbox/tokens', { host: `127.0.0.1:${port}`, origin: 'http://evil.example' })).status).toBe(
      403,
    );
  });
});
