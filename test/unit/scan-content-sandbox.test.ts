/**
 * Content inspection end to end on the sandbox, through the official SDK: documents uploaded
 * the way a user would (the same text in two folders, a legacy .doc), then a scan. The same
 * content is downloaded once (counted on the wire by an SDK interceptor, not by the scan's own
 * figures), the .doc goes Box's text way with no download, and the scan's summary figures add up.
 */
import { Readable } from 'node:stream';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BoxClient } from 'box-node-sdk';
import { BoxDeveloperTokenAuth } from 'box-node-sdk/box';
import type { FetchOptions, FetchResponse } from 'box-node-sdk/networking';
import { startSandbox, type RunningSandbox } from '../../main/core/sandbox';
import { networkSessionFor } from '../../main/core/auth/box-endpoints';
import { scanClient } from '../../main/core/scan/box-api';
import { ScanEngine } from '../../main/core/scan/engine';
import { sdkAuth, sdkClient, sdkSession, signIn } from '../integration/sandbox/helpers';
import { TextTestExtractor } from '../helpers/text-extractor';

let sb: RunningSandbox;
let client: BoxClient;
let token: string;
let dir: string;

beforeAll(async () => {
  sb = await startSandbox({ seed: 7, users: 4, files: 60 });
  const auth = sdkAuth(sb.info);
  await auth.getTokensAuthorizationCodeGrant(await signIn(sb.info), sdkSession(sb.info));
  client = sdkClient(sb.info, auth);
  token = (await auth.tokenStorage.get())?.accessToken ?? '';
  dir = mkdtempSync(join(tmpdir(), 'bcc-content-sandbox-'));
});
afterAll(async () => {
  await sb.close();
  rmSync(dir, { recursive: true, force: true });
});

async function upload(parentId: string, name: string, bytes: Buffer): Promise<string> {
  const files = await client.uploads.uploadFile({
    attributes: { name, parent: { id: parentId } },
    file: Readable.from([bytes]),
  });
  return files.entries![0]!.id;
}

it('downloads the same content once, reads a .doc through Box, and sums it up', async () => {
  const a = await client.folders.createFolder({ name: 'Payroll A', parent: { id: '0' } });
  const b = await client.folders.createFolder({ name: 'Payroll B', parent: { id: '0' } });
  const same = Buffer.from('Employee card 4111 1111 1111 1111\nIBAN GB82 WEST 1234 5698 7654 32\n');
  const twinA = await upload(a.id, 'cards.txt', same);
  const twinB = await upload(b.id, 'cards copy.txt', same);
  const doc = await upload(a.id, 'legacy.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));

  const sent: string[] = [];
  const counter = {
    beforeRequest: (o: FetchOptions) => (sent.push(new URL(o.url).pathname), o),
    afterRequest: (r: FetchResponse) => r,
  };
  const engine = new ScanEngine({
    dbPath: join(dir, 'scan.sqlite'),
    client: scanClient(new BoxDeveloperTokenAuth({ token }), networkSessionFor(sb.info).withInterceptors([counter])),
    rateLimitPerSecond: 0,
    livePollMs: 100,
    extractor: new TextTestExtractor(),
    boxTextPoll: { firstDelayMs: 50, maxDelayMs: 200, maxTries: 40 },
  });
  try {
    await engine.start({ none: true }, true);
    const downloads = (id: string) => sent.filter((p) => p === `/2.0/files/${id}/content`).length;
    expect(downloads(twinA) + downloads(twinB)).toBe(1);
    const rows = [twinA, twinB].map((id) => engine.store.file(id)!);
    for (const r of rows) {
      expect(r.inspection).toBe('Completed');
      expect(JSON.parse(r.findings!)).toMatchObject({ card: 1, iban: 1 });
    }
    expect(rows.map((r) => r.inspection_reused).sort()).toEqual([0, 1]);
    // The .doc: Box's representation asked, never downloaded. The sandbox has no text for
    // an uploaded .doc (it runs no extractor), so Box's error_unsupported_format is the reason.
    expect(downloads(doc)).toBe(0);
    expect(sent.filter((p) => p === `/2.0/files/${doc}`).length).toBeGreaterThanOrEqual(1);
    expect(engine.store.file(doc)).toMatchObject({ inspection: 'Failed', inspection_reason: 'unsupported' });
    const p = engine.snapshot();
    expect(p.content.reused).toBeGreaterThanOrEqual(1);
    expect(p.content.inspected.files).toBeGreaterThanOrEqual(2);
    const stats = engine.contentStats();
    const wireDownloads = sent.filter((x) => /^\/2\.0\/files\/\d+\/content$/.test(x)).length;
    expect(stats.downloads).toBe(wireDownloads);
  } finally {
    await engine.stop();
    engine.close();
  }
}, 120_000);
