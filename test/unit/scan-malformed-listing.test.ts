/**
 * A listing Box answers 200 to but that is not a listing (issue 13, review finding 4): `{}`
 * crashed the discovery code with a TypeError and an entry without an id with a SQLite bind
 * error, both classed "internal" and never counted, so the folder was retried forever and
 * `scan --until-idle` never returned. Now each is a malformed answer: one attempt of the
 * folder, and the folder is given up with the reason after MAX_ATTEMPTS.
 * Real HTTP: a local server answering like a broken Box.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BoxDeveloperTokenAuth } from 'box-node-sdk/box';
import { BaseUrls, NetworkSession } from 'box-node-sdk/networking';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FolderState } from '../../common/scan/states';
import { BoxApi, scanClient } from '../../main/core/scan/box-api';
import { classifyFailure, MAX_ATTEMPTS } from '../../main/core/scan/failures';
import { RequestScheduler } from '../../main/core/scan/scheduler';
import { ScanWork } from '../../main/core/scan/work';
import { openTempScanStore } from '../helpers/temp-scan-store';
import { testContentReader } from '../helpers/text-extractor';

let server: Server;
let api: BoxApi;

beforeAll(async () => {
  server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    if (req.url?.startsWith('/2.0/folders/EMPTY/')) return res.end('{}');
    res.end(JSON.stringify({ total_count: 1, entries: [{ type: 'file', name: 'no-id.txt' }] }));
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

describe('a malformed folder listing', () => {
  for (const id of ['EMPTY', 'NOID']) {
    it(`${id === 'EMPTY' ? '{}' : 'an entry without an id'}: counts as an attempt, and the folder is given up`, async () => {
      const temp = openTempScanStore('bcc-malformed-');
      try {
        const { store } = temp;
        store.tx(() =>
          store.insertFolder({
            id,
            name: id,
            path: `/${id}`,
            parent_id: '0',
            owner_id: 'u1',
            as_user: 'u1',
            has_collabs: 0,
            collab_ext: null,
            collab_int: 0,
            collab_known: 0,
          }),
        );
        const work = new ScanWork({
          api,
          store,
          content: testContentReader(api, store),
          onScanned: () => undefined,
          onInspected: () => undefined,
        });
        let givenUp = false;
        for (let i = 0; i < MAX_ATTEMPTS && !givenUp; i++) {
          const task = { kind: 'folder' as const, key: `folder:${id}`, folder: store.folder(id)! };
          const e = await work.run(task).then(
            () => null,
            (x: unknown) => x,
          );
          expect(e).not.toBeNull();
          expect(classifyFailure(e)).toBe('item');
          givenUp = work.failed(task, e);
        }
        expect(givenUp).toBe(true);
        expect(store.folder(id)!.state).toBe(FolderState.failed);
        expect(store.failedItems().find((f) => f.id === id)?.reason).toMatch(/malformed/);
      } finally {
        temp.remove();
      }
    });
  }
});
