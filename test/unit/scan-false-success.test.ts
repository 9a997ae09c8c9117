/**
 * What counts as Box answering (issue 13, review finding 9). In a 5xx storm, a task that sent
 * no request (a file already finished, a batch of files their listing answers) or a reading
 * Box refused must not count as a success: one would end the outage and let the next
 * failures use up items' attempts. And 429 is about the caller, never the item: it must
 * not make anything Failed. Real HTTP: a local server answering like Box.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BoxDeveloperTokenAuth } from 'box-node-sdk/box';
import { BaseUrls, NetworkSession } from 'box-node-sdk/networking';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileState } from '../../common/scan/states';
import { BoxApi, scanClient } from '../../main/core/scan/box-api';
import { classifyFailure } from '../../main/core/scan/failures';
import { RequestScheduler } from '../../main/core/scan/scheduler';
import { ScanWork } from '../../main/core/scan/work';
import { listedTextFile, openTempScanStore, PRIVATE_NOTHING_FOUND } from '../helpers/temp-scan-store';
import { testContentReader } from '../helpers/text-extractor';

let server: Server;
let api: BoxApi;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url?.includes('/collaborations')) {
      res.writeHead(404, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ type: 'error', status: 404, code: 'not_found', message: 'Not Found' }));
    }
    res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '1' });
    res.end(
      JSON.stringify({
        type: 'error',
        status: 429,
        code: 'rate_limit_exceeded',
        message: 'Request rate limit exceeded',
      }),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const network = new NetworkSession({
    baseUrls: new BaseUrls({ baseUrl: origin, uploadUrl: origin, oauth2Url: origin }),
  });
  api = new BoxApi(
    scanClient(new BoxDeveloperTokenAuth({ token: 'test' }), network),
    new RequestScheduler({ ratePerSecond: 0, concurrency: 2, maxRetries: 0 }),
  );
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('what counts as Box answering', () => {
  it('classes 429 as an outage (never an attempt of the item)', async () => {
    const e = await api.get('/files/1', { kind: 'file' }).then(
      () => null,
      (x: unknown) => x,
    );
    expect(e).not.toBeNull();
    expect(classifyFailure(e)).toBe('outage');
  });

  it('does not count a task that sent no request, or a reading Box refused, as a success', async () => {
    const temp = openTempScanStore('bcc-false-success-');
    try {
      const { store } = temp;
      store.tx(() => {
        store.insertListedFile(listedTextFile('1'));
        store.finish('1', store.file('1')!.gen, PRIVATE_NOTHING_FOUND);
        store.insertFolder({
          id: 'F',
          name: 'F',
          path: '/F',
          parent_id: '0',
          owner_id: 'u1',
          as_user: 'u1',
          has_collabs: 1,
          collab_ext: null,
          collab_int: 0,
          collab_known: 0,
        });
      });
      expect(store.file('1')!.state).toBe(FileState.done);
      const work = new ScanWork({
        api,
        store,
        content: testContentReader(api, store),
        onScanned: () => undefined,
        onInspected: () => undefined,
      });
      // Already finished (an event raced it): nothing is asked of Box.
      expect(await work.run({ kind: 'file', key: 'file:1', row: store.file('1')! })).toBe(false);
      // Collaborations Box answers 404 for: kept as known, but no sign that Box is back.
      expect(await work.run({ kind: 'refresh', key: 'refresh:F', folder: store.folder('F')! })).toBe(false);
    } finally {
      temp.remove();
    }
  });
});
