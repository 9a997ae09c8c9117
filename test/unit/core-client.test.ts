/**
 * The core-process protocol over a structured-clone channel (worker_threads' MessageChannel,
 * the same cloning as Electron's ports and Node's 'advanced' IPC), without a second process.
 */
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../main/core/bridge/handlers';
import { ConnectionManager } from '../../main/core/connection/connection-manager';
import { InAppSandbox } from '../../main/core/connection/in-app-sandbox';
import type { SecretStore } from '../../main/core/keychain/secret-store';
import { CoreClient } from '../../main/core/process/core-client';
import type { MessageEndpoint } from '../../main/core/process/protocol';
import { serveCore } from '../../main/core/process/serve-core';
import { createNodeSettingsStore } from '../../main/core/settings/node-settings';
import { makeTempHome } from '../helpers/temp-home';

// These tests are about the protocol, not secrets: a keychain that holds nothing.
const noSecrets: SecretStore = {
  status: async () => ({ available: false, service: 'none', reason: 'not used in this test' }),
  get: async () => null,
  set: async () => {
    throw new Error('not used');
  },
  delete: async () => false,
};

function endpoint<In, Out>(port: MessagePort): MessageEndpoint<In, Out> {
  return {
    post: (message) => port.postMessage(message),
    onMessage: (listener) => void port.on('message', listener),
    onGone: (listener) => void port.once('close', () => listener({ code: 1, signal: null })),
  };
}

let temp: ReturnType<typeof makeTempHome>;
let core: Core;
let channel: MessageChannel;

function connected(): CoreClient {
  temp = makeTempHome('bcc-core-client-');
  core = createCore({
    home: temp.home,
    runtime: 'harness',
    secrets: noSecrets,
    settings: createNodeSettingsStore(temp.home),
    connection: new ConnectionManager(temp.home, noSecrets),
    sandbox: new InAppSandbox(),
    openBrowser: () => undefined,
  });
  channel = new MessageChannel();
  const client = new CoreClient(endpoint(channel.port1), { host: { openBrowser: () => undefined } });
  serveCore(core, endpoint(channel.port2), { onShutdown: () => undefined });
  return client;
}

afterEach(async () => {
  channel.port1.close();
  await core.dispose();
  temp.cleanup();
});

describe('CoreClient and serveCore', () => {
  it('answers a call whose result cannot cross the process boundary, instead of leaving it waiting', async () => {
    const client = connected();
    core.handlers.getAppInfo = (async () => ({
      name: 'x',
      describe: () => 'a function cannot be cloned',
    })) as unknown as Core['handlers']['getAppInfo'];
    expect(await client.call('getAppInfo', {})).toMatchObject({
      ok: false,
      error: { code: 'internal', message: expect.stringMatching(/could not send/) },
    });
    // The channel is still good for the next call.
    expect(await client.call('getSettings', {})).toMatchObject({ ok: true, value: { theme: 'system' } });
  });

  it('answers a call still waiting when the channel closes with core_unavailable', async () => {
    const client = connected();
    await client.ready;
    // A handler still running when the core goes away.
    core.handlers.getSettings = () => new Promise(() => undefined);
    const waiting = client.call('getSettings', {});
    channel.port2.close();
    expect(await waiting).toMatchObject({ ok: false, error: { code: 'core_unavailable' } });
  });
});
