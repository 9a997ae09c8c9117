/**
 * How the CLI's network stack chooses a route for a request: --proxy over the environment,
 * HTTPS_PROXY for https (falling back to HTTP_PROXY, as curl and undici do), lower case first,
 * NO_PROXY entries (exact names, subdomains, ports, `*`) going direct; and the route shown
 * to the admin never carries the proxy's password.
 */
import { describe, expect, it } from 'vitest';
import { bypassesProxy, createNodeNetwork, proxyRouteFor } from '../../main/core/box/node-network';

const api = new URL('https://api.box.com/2.0/users/me');
const sandbox = new URL('http://box-sandbox.test:8080/2.0/users/me');

describe('proxy routes', () => {
  it('no proxy setting: direct', () => {
    expect(proxyRouteFor(api, { env: {} })).toEqual({ kind: 'direct' });
  });

  it('https takes HTTPS_PROXY, else HTTP_PROXY; http takes HTTP_PROXY only; lower case wins', () => {
    expect(proxyRouteFor(api, { env: { HTTPS_PROXY: 'http://p:1', HTTP_PROXY: 'http://q:2' } })).toMatchObject({
      proxy: 'http://p:1',
      source: 'HTTPS_PROXY',
    });
    expect(proxyRouteFor(api, { env: { HTTP_PROXY: 'http://q:2' } })).toMatchObject({ source: 'HTTP_PROXY' });
    expect(proxyRouteFor(sandbox, { env: { HTTPS_PROXY: 'http://p:1' } })).toEqual({ kind: 'direct' });
    expect(proxyRouteFor(api, { env: { https_proxy: 'http://low:1', HTTPS_PROXY: 'http://up:1' } })).toMatchObject({
      source: 'https_proxy',
    });
  });

  it('--proxy overrides the environment, and NO_PROXY still applies to it', () => {
    const env = { HTTPS_PROXY: 'http://env:1', NO_PROXY: 'internal.example' };
    expect(proxyRouteFor(api, { proxy: 'http://flag:3', env })).toMatchObject({
      proxy: 'http://flag:3',
      source: '--proxy',
    });
    expect(proxyRouteFor(new URL('https://internal.example/'), { proxy: 'http://flag:3', env })).toEqual({
      kind: 'direct',
    });
  });

  it('NO_PROXY: exact names, subdomains with or without a leading dot, ports, and *', () => {
    expect(bypassesProxy(api, 'box.com')).toBe(true);
    expect(bypassesProxy(api, '.box.com')).toBe(true);
    expect(bypassesProxy(api, '*.box.com')).toBe(true);
    expect(bypassesProxy(api, 'notbox.com')).toBe(false);
    expect(bypassesProxy(new URL('https://xbox.com/'), 'box.com')).toBe(false);
    expect(bypassesProxy(sandbox, 'box-sandbox.test:8080')).toBe(true);
    expect(bypassesProxy(sandbox, 'box-sandbox.test:9090')).toBe(false);
    expect(bypassesProxy(api, 'localhost, 127.0.0.1 ,api.box.com')).toBe(true);
    expect(bypassesProxy(api, '*')).toBe(true);
    expect(bypassesProxy(api, '')).toBe(false);
  });

  it('the route the connection test shows has no password in it', () => {
    const stack = createNodeNetwork({ proxy: 'http://alice:s3cret@proxy.example:3128', env: {} });
    expect(stack.routeFor(api)).toEqual({ kind: 'proxy', proxy: 'http://proxy.example:3128', source: '--proxy' });
  });

  it('a --ca-file without a certificate in it is refused at start-up', () => {
    expect(() => createNodeNetwork({ caFile: '/etc/hostname', env: {} })).toThrow(/holds no PEM certificate/);
  });
});
