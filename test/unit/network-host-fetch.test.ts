/**
 * Every request goes through the fetch the host installed: the SDK's API calls (through
 * HostNetworkClient), downloads with their redirect to another origin (no Authorization
 * there), and the OAuth token requests. Before, the SDK used node-fetch and OAuth the global
 * fetch, so a host's proxy or certificates reached neither.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BoxClient, BoxDeveloperTokenAuth } from 'box-node-sdk';
import { networkSessionFor, type BoxEndpoints } from '../../main/core/auth/box-endpoints';
import { refreshTokens } from '../../main/core/auth/oauth-requests';
import { installNetworkStack } from '../../main/core/box/network';
import { createNodeNetwork } from '../../main/core/box/node-network';

let api: Server;
let files: Server;
let endpoints: BoxEndpoints;
const seen: { url: string; authorization: string | null }[] = [];

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
}

beforeAll(async () => {
  files = createServer((_req, res) => res.end('file bytes'));
  const filesOrigin = await listen(files);
  api = createServer((req, res) => {
    if (req.url?.startsWith('/2.0/files/1/content'))
      return void res.writeHead(302, { location: `${filesOrigin}/d/1` }).end();
    res.setHeader('content-type', 'application/json');
    if (req.url === '/oauth2/token')
      return void res.end(
        JSON.stringify({ access_token: 'a', refresh_token: 'r', expires_in: 3600, token_type: 'bearer' }),
      );
    res.end(JSON.stringify({ type: 'user', id: '1' }));
  });
  const base = await listen(api);
  endpoints = {
    apiUrl: base,
    uploadUrl: `${base}/api`,
    authorizeUrl: `${base}/api/oauth2/authorize`,
    tokenUrl: `${base}/oauth2/token`,
    revokeUrl: `${base}/oauth2/revoke`,
  };
  const node = createNodeNetwork({ env: {} });
  installNetworkStack({
    ...node,
    fetch: (url, init) => {
      seen.push({ url, authorization: new Headers(init.headers).get('authorization') });
      return node.fetch(url, init);
    },
  });
});
afterAll(() => {
  api.close();
  files.close();
});

it('the SDK, its download redirect and the token request all use the installed fetch', async () => {
  const client = new BoxClient({
    auth: new BoxDeveloperTokenAuth({ token: 'dev' }),
    networkSession: networkSessionFor(endpoints),
  });
  expect((await client.users.getUserMe()).id).toBe('1');
  const stream = await client.downloads.downloadFile('1');
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(chunk));
  expect(Buffer.concat(chunks).toString()).toBe('file bytes');
  await refreshTokens(endpoints, { clientId: 'c', clientSecret: 's' }, 'r');

  expect(seen.map((s) => new URL(s.url).pathname)).toEqual([
    '/2.0/users/me',
    '/2.0/files/1/content',
    '/d/1',
    '/oauth2/token',
  ]);
  expect(seen[0]!.authorization).toBe('Bearer dev');
  // The download host is another origin: the URL is the credential, the token stays with Box.
  expect(seen[2]!.authorization).toBeNull();
});
