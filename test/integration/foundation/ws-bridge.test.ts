import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createCore, type Core } from '../../../main/core/bridge/handlers';
import type { SecretStore } from '../../../main/core/keychain/secret-store';
import { ConnectionManager } from '../../../main/core/connection/connection-manager';
import { InAppSandbox } from '../../../main/core/connection/in-app-sandbox';
import { createNodeSettingsStore } from '../../../main/core/settings/node-settings';
import { attachWsTransport } from '../../../main/harness/ws-transport';
import { inProcessBackend } from '../../helpers/in-process-backend';
import { makeTempHome } from '../../helpers/temp-home';

// A keychain stand-in that is never asked to store anything here: these tests are about the
// transport's trust rules, not secrets (test/integration/foundation/keychain.test.ts uses the real one).
const noSecrets: SecretStore = {
  status: async () => ({ available: false, service: 'none', reason: 'not used in this test' }),
  get: async () => null,
  set: async () => {
    throw new Error('not used');
  },
  delete: async () => false,
};

let server: Server;
let core: Core;
let origin: string;
let cleanup: () => void;
const token = 'a-random-per-run-token-0123456789';

beforeEach(async () => {
  const temp = makeTempHome();
  cleanup = temp.cleanup;
  core = createCore({
    home: temp.home,
    runtime: 'harness',
    secrets: noSecrets,
    settings: createNodeSettingsStore(temp.home),
    connection: new ConnectionManager(temp.home, noSecrets),
    sandbox: new InAppSandbox(),
    openBrowser: () => undefined,
  });
  server = createServer((_, response) => response.end());
  attachWsTransport(server, { backend: inProcessBackend(core), token, allowedOrigin: () => origin });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  cleanup();
});

function connect(query: string, headers: Record<string, string> = { Origin: origin }): Promise<WebSocket> {
  const socket = new WebSocket(`${origin.replace('http', 'ws')}/bridge${query}`, { headers });
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_, response) => reject(new Error(`refused with HTTP ${response.statusCode}`)));
    socket.once('error', reject);
  });
}

function request(socket: WebSocket, call: string, args: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    socket.once('message', (data) => resolve(JSON.parse(String(data))));
    socket.send(JSON.stringify({ id: 1, call, args }));
  });
}

describe('bridge over WebSocket (browser tests transport)', () => {
  it('serves the real core to a client with the token from our origin', async () => {
    const socket = await connect(`?token=${token}`);
    const reply = (await request(socket, 'getSettings', {})) as { reply: { ok: boolean; value: unknown } };
    // Other capabilities add their own settings; this test is about the transport, so it checks
    // the one setting the foundation owns.
    expect(reply).toMatchObject({ id: 1, reply: { ok: true, value: { theme: 'system' } } });
    const invalid = (await request(socket, 'updateSettings', { theme: 7 })) as {
      reply: { ok: boolean; error: { code: string } };
    };
    expect(invalid.reply.error.code).toBe('invalid_argument');
    socket.close();
  });

  it('refuses a client without the token, with a wrong token, or from another origin', async () => {
    await expect(connect('')).rejects.toThrow('HTTP 403');
    await expect(connect('?token=guess')).rejects.toThrow('HTTP 403');
    await expect(connect(`?token=${token}`, { Origin: 'https://evil.example' })).rejects.toThrow('HTTP 403');
    await expect(connect(`?token=${token}`, {})).rejects.toThrow('HTTP 403');
  });

  it('pushes events to connected clients', async () => {
    const socket = await connect(`?token=${token}`);
    const event = new Promise((resolve) => socket.once('message', (data) => resolve(JSON.parse(String(data)))));
    core.handlers.updateSettings({ theme: 'dark' });
    expect(await event).toMatchObject({ event: 'settingsChanged', payload: { theme: 'dark' } });
    socket.close();
  });
});
