/**
 * What a failed Box call does to a file (issue 13). A download whose signed URL (Box's 302
 * Location) fails leaves the file Pending, not Failed, and its URL never reaches a message or
 * the store, even once the file is given up. Real HTTP: a local server answers like Box (a
 * 302 to a signed URL) and then drops the connection. Also the failure rules themselves.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BoxDeveloperTokenAuth } from 'box-node-sdk/box';
import { BaseUrls, NetworkSession } from 'box-node-sdk/networking';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReconnectRequiredError } from '../../main/core/auth/token-session';
import { BoxApi, BoxApiError, scanClient } from '../../main/core/scan/box-api';
import { classifyFailure, MAX_ATTEMPTS, OutageDetector, sanitiseMessage } from '../../main/core/scan/failures';
import { RequestScheduler, RetryableError } from '../../main/core/scan/scheduler';
import { listedTextFile, openTempScanStore } from '../helpers/temp-scan-store';
import { testContentReader } from '../helpers/text-extractor';

const SIGNED = '/d/1/SIGNED-SECRET-abc123/download?sig=XYZ';
let server: Server;
let api: BoxApi;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url?.startsWith('/2.0/files/')) {
      res.writeHead(302, { location: `http://127.0.0.1:${(server.address() as AddressInfo).port}${SIGNED}` });
      return res.end();
    }
    req.socket.destroy(); // the signed URL's host drops the download
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

describe('a download that fails on its signed URL', () => {
  it('leaves the file to be inspected again, and its URL in no message', async () => {
    const temp = openTempScanStore('bcc-dlfail-');
    try {
      temp.store.tx(() => temp.store.insertListedFile(listedTextFile('7')));
      const row = temp.store.file('7')!;
      const outcome = await testContentReader(api, temp.store)
        .read(row)
        .then(
          (r) => ({ failed: 'state' in r && r.state === 'Failed', text: 'reason' in r ? (r.reason ?? '') : '' }),
          (e: unknown) => ({ failed: false, text: e instanceof Error ? e.message : String(e) }),
        );
      expect(outcome.failed).toBe(false); // a dropped connection says nothing about the file
      expect(outcome.text).not.toContain('SIGNED-SECRET');
      expect(outcome.text).not.toMatch(/https?:\/\//);
    } finally {
      temp.remove();
    }
  });

  it('is given up after its attempts with a reason that holds no URL', async () => {
    const { ScanWork } = await import('../../main/core/scan/work');
    const temp = openTempScanStore('bcc-dlgiveup-');
    try {
      const store = temp.store;
      store.tx(() => store.insertListedFile(listedTextFile('8')));
      const row = store.file('8')!;
      store.tx(() =>
        store.finish(
          '8',
          row.gen,
          {
            accessLevel: 'Private',
            extCollaborators: [],
            inspection: 'Pending',
            inspectionReason: null,
            findings: null,
            scannedSha1: null,
          },
          true,
        ),
      );
      const work = new ScanWork({
        api,
        store,
        content: testContentReader(api, store),
        onScanned: () => undefined,
        onInspected: () => undefined,
      });
      const task = { kind: 'inspect' as const, key: 'inspect:8', row: store.file('8')! };
      let givenUp = false;
      for (let i = 0; i < MAX_ATTEMPTS && !givenUp; i++) {
        await work.run(task).then(
          () => expect.fail('the download cannot succeed'),
          (e: unknown) => {
            expect(classifyFailure(e)).toBe('outage');
            givenUp = work.failed(task, e);
          },
        );
      }
      expect(givenUp).toBe(true);
      const after = store.file('8')!;
      expect(after.inspection).toBe('Failed');
      expect(after.inspection_reason).toBe('download-error');
      expect(after.last_error).toMatch(/network/);
      expect(JSON.stringify(after)).not.toContain('SIGNED-SECRET');
      expect(JSON.stringify(after)).not.toMatch(/https?:\/\//);
    } finally {
      temp.remove();
    }
  });
});

describe('failure rules', () => {
  it('pauses for a lost sign-in, ends an item only on what Box says about it', () => {
    expect(classifyFailure(new ReconnectRequiredError('gone'))).toBe('reconnect');
    expect(classifyFailure(new BoxApiError(401, 'unauthorized', 'x'))).toBe('reconnect');
    for (const s of [403, 404, 413]) expect(classifyFailure(new BoxApiError(s, 'c', 'x'))).toBe('final');
    expect(classifyFailure(new RetryableError('HTTP 500', 500, null))).toBe('item');
    expect(classifyFailure(new RetryableError('empty or malformed response', 0, null, 'malformed'))).toBe('item');
    expect(classifyFailure(new RetryableError('network: reset', 0, null, 'network'))).toBe('outage');
    expect(classifyFailure(new TypeError('This database connection is busy executing a query'))).toBe('internal');
  });

  it('removes URLs and bearer tokens from messages', () => {
    const m = sanitiseMessage(
      'request to https://dl.boxcloud.com/d/1/abc/download?x=1 failed; Authorization: Bearer abc.DEF-123',
    );
    expect(m).toBe('request to <url> failed; Authorization: Bearer <token>');
  });

  it('calls it an outage only when failures span several items or none got an answer', () => {
    const one = new OutageDetector(3);
    for (let i = 0; i < 10; i++) one.failed('item', 'folder:1');
    expect(one.down).toBe(false); // one broken folder: its own attempts count
    const storm = new OutageDetector(3);
    storm.failed('item', 'folder:1');
    storm.failed('item', 'folder:2');
    expect(storm.failed('item', 'file:3')).toBe(true);
    expect(storm.succeeded()).toBe(true);
    expect(storm.down).toBe(false);
    const network = new OutageDetector(3);
    for (let i = 0; i < 3; i++) network.failed('outage', 'folder:1');
    expect(network.down).toBe(true);
  });

  it('backs every slot off in shared rounds, each twice the last, capped', () => {
    const d = new OutageDetector(3, 30_000);
    const first = d.nextDelayMs(1000);
    expect(d.nextDelayMs(1100)).toBe(first - 100); // same round for a second slot
    const second = d.nextDelayMs(1000 + first);
    expect(second).toBe(first * 2);
    let last = 0;
    for (let t = 0, i = 0; i < 20; i++) last = d.nextDelayMs((t += 60_000));
    expect(last).toBe(30_000);
  });
});
