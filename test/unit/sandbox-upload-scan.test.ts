/**
 * An upload during a running scan reaches the scan the way Box's own uploads do: through the
 * enterprise event stream, as UPLOAD, which puts the new file at the front of the queue (the
 * scan holds its regular work here, so only files moved by events are scanned).
 */
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BoxClient } from 'box-node-sdk';
import { BoxDeveloperTokenAuth } from 'box-node-sdk/box';
import type { ScanEngine } from '../../main/core/scan/engine';
import { scanRig, waitForProgress, type ScanRig } from '../integration/scan/support';

describe('an upload during a running scan', () => {
  let rig: ScanRig;
  let engine: ScanEngine;
  const scanned: Array<{ id: string; reason: string | null }> = [];

  beforeAll(async () => {
    rig = await scanRig({ files: 600, users: 10, seed: 9 });
    engine = rig.engine({ holdRegular: true, onFileScanned: (id, r) => scanned.push({ id, reason: r.reason }) });
    void engine.start({ none: true });
    const truth = (await (await fetch(`${rig.sandbox.info.controlUrl}/truth`)).json()) as { counts: { files: number } };
    await waitForProgress(
      engine,
      (p) =>
        p.phase === 'live' || (p.files.discovered === truth.counts.files && p.folders.listed === p.folders.discovered),
    );
  }, 60_000);
  afterAll(async () => rig?.cleanup());

  it('is queued first from its UPLOAD event and scanned, with the event as the reason', async () => {
    // The SDK's own network client: the app's (HostNetworkClient) sends no uploads.
    const client = new BoxClient({ auth: new BoxDeveloperTokenAuth({ token: rig.token }) }).withCustomBaseUrls({
      baseUrl: rig.sandbox.info.apiUrl,
      uploadUrl: rig.sandbox.info.uploadUrl,
      oauth2Url: rig.sandbox.info.oauth2Url,
    });
    const folder = await client.folders.createFolder({ name: 'Dropped in', parent: { id: '0' } });
    const up = await client.uploads.uploadFile({
      attributes: { name: 'late arrival.txt', parent: { id: folder.id } },
      file: Readable.from([Buffer.from('Card number: 4111 1111 1111 1111\n')]),
    });
    const id = up.entries![0]!.id;
    await waitForProgress(engine, () => scanned.some((s) => s.id === id));
    expect(scanned.find((s) => s.id === id)?.reason).toMatch(/^UPLOAD by .+ at /);
    expect(engine.store.file(id)).toMatchObject({ state: 1, name: 'late arrival.txt' });
  }, 60_000);
});
