/**
 * The desktop app's route to the extractor, end to end over the core-process protocol with real
 * port transfer (worker_threads' MessageChannel, the same cloning and transfer as Electron's
 * ports): the core asks its host to startExtractor, the host answers with a port moved along
 * with the reply, the core's pool reads a file through it, and recycling asks the host to kill it.
 * The host's "extractor process" is the serve loop on the far end of that port.
 */
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { ExtractorPool } from '../../main/core/extract/extractor-pool';
import { hostExtractorSpawner, type ExtractorPort } from '../../main/core/extract/host-extractor-spawner';
import { serveExtractor } from '../../main/core/extract/process/serve-extractor';
import { CoreClient } from '../../main/core/process/core-client';
import { isHostReply, type CoreSideEndpoint, type HostSideEndpoint } from '../../main/core/process/protocol';
import { HostRequests } from '../../main/core/process/serve-core';
import { buildDocx } from '../helpers/extract-fixtures';

const closers: (() => void)[] = [];
afterEach(() => closers.splice(0).forEach((close) => close()));

function portOf(port: MessagePort): ExtractorPort {
  return {
    post: (message) => port.postMessage(message),
    onMessage: (listener) => void port.on('message', listener),
    onClose: (listener) => void port.once('close', listener),
  };
}

/** Host and core ends of the protocol; a moved port arrives beside the message, as in Electron's event.ports. */
function protocolPair(): { host: HostSideEndpoint; core: CoreSideEndpoint } {
  const { port1, port2 } = new MessageChannel();
  closers.push(() => port1.close());
  return {
    host: {
      post: (message, transfer) =>
        port1.postMessage({ message, ports: transfer ?? [] }, (transfer ?? []) as MessagePort[]),
      onMessage: (listener) => void port1.on('message', listener),
      onGone: () => undefined,
    },
    core: {
      post: (message) => port2.postMessage(message),
      onMessage: (listener) =>
        void port2.on('message', ({ message, ports }: { message: never; ports: MessagePort[] }) =>
          listener(ports[0] ? ({ ...(message as object), extractorPort: portOf(ports[0]) } as never) : message),
        ),
      onGone: () => undefined,
    },
  };
}

describe('startExtractor through the host', () => {
  it('the core reads a file through a port its host started, and asks the host to kill it when recycling', async () => {
    const { host, core } = protocolPair();
    const started: number[] = [];
    const killed: number[] = [];
    new CoreClient(host, {
      host: {
        openBrowser: () => undefined,
        startExtractor: (memoryCapMb) => {
          started.push(memoryCapMb);
          const { port1, port2 } = new MessageChannel();
          closers.push(() => port2.close());
          serveExtractor(
            { post: (m) => port2.postMessage(m), onMessage: (l) => void port2.on('message', l) },
            { testHooks: false },
          );
          return { extractorId: 41 + started.length, port: port1 };
        },
        killExtractor: (id) => killed.push(id),
      },
    });
    const requests = new HostRequests(core);
    core.onMessage((message) => {
      if (isHostReply(message)) requests.settle(message);
    });
    core.post({ ready: { pid: process.pid } });
    const pool = new ExtractorPool({ spawn: hostExtractorSpawner(requests), memoryCapMb: 256, deadlineMs: 60_000 });
    closers.push(() => void pool.close());
    const docx = { ext: 'docx', name: 'a.docx', bytes: buildDocx([['IBAN GB82 WEST 1234 5698 7654 32']]) };
    expect(await pool.inspect(docx)).toMatchObject({ state: 'Completed', findings: { iban: 1 } });
    expect(started).toEqual([256]);
    await pool.close();
    const deadline = Date.now() + 10_000;
    while (!killed.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(killed).toEqual([42]);
  }, 30_000);

  it('a host that starts no extractor answers with an error, and the file fails instead of waiting', async () => {
    const { host, core } = protocolPair();
    new CoreClient(host, { host: { openBrowser: () => undefined } });
    const requests = new HostRequests(core);
    core.onMessage((message) => {
      if (isHostReply(message)) requests.settle(message);
    });
    core.post({ ready: { pid: process.pid } });
    await expect(requests.startExtractor(128)).rejects.toThrow(/starts no extractor/);
    const pool = new ExtractorPool({ spawn: hostExtractorSpawner(requests) });
    closers.push(() => void pool.close());
    expect(await pool.inspect({ ext: 'txt', name: 'a.txt', bytes: new Uint8Array(1) })).toMatchObject({
      state: 'Failed',
      reason: 'internal',
    });
  }, 30_000);
});
