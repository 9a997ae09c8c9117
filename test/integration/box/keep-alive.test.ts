/**
 * The SDK's default agent opens a new connection (against Box: a new TLS handshake) for every
 * request; our network session keeps connections alive, which a million-file scan depends on.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BoxClient, BoxDeveloperTokenAuth } from 'box-node-sdk';
import { networkSessionFor } from '../../../main/core/auth/box-endpoints';

let server: Server;
let connections = 0;
let base = '';

beforeAll(async () => {
  server = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ type: 'user', id: '1' }));
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

// undici opens a second connection when the next request comes before the first socket is
// marked free (same tick as the body's end), then reuses both: never one per request.
it('twenty API calls in a row share at most two connections', async () => {
  const networkSession = networkSessionFor({
    apiUrl: base,
    uploadUrl: base,
    authorizeUrl: `${base}/oauth2/authorize`,
    tokenUrl: `${base}/oauth2/token`,
    revokeUrl: `${base}/oauth2/revoke`,
  });
  const client = new BoxClient({ auth: new BoxDeveloperTokenAuth({ token: 'test-token' }), networkSession });
  for (let call = 0; call < 20; call++) await client.users.getUserMe();
  expect(connections).toBeLessThanOrEqual(2);
});
