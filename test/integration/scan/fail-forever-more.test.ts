/**
 * More items that fail forever (issue 13, review finding 4): `--until-idle` must return.
 * - Collaborations that never read: a sharing event on a folder whose collaborations answer
 *   500 forever kept its files waiting (collab_wait) and retried every 500 ms without end.
 *   Now the reading is given up after its attempts and the files are scanned with what was known.
 * - Two folders failing forever with no live poller (an account that cannot read activity):
 *   three failures across two items made an "outage" that only a success ended, and nothing
 *   succeeded any more, so their attempts never counted. Now a probe ends the outage.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BoxDeveloperTokenAuth } from 'box-node-sdk/box';
import { afterEach, describe, expect, it } from 'vitest';
import { FileState } from '../../../common/scan/states';
import { networkSessionFor } from '../../../main/core/auth/box-endpoints';
import { startSandbox, type RunningSandbox } from '../../../main/core/sandbox';
import { scanClient } from '../../../main/core/scan/box-api';
import { ScanEngine } from '../../../main/core/scan/engine';
import type { FileRow, FolderRow } from '../../../main/core/scan/store/scan-store';
import { getTokens } from '../sandbox/helpers';
import { scanRig, waitForProgress, type ScanRig } from './support';

async function post(controlUrl: string, path: string, body: unknown): Promise<unknown> {
  const res = await fetch(`${controlUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

let rig: ScanRig | null = null;
let cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  await rig?.cleanup();
  rig = null;
  for (const c of cleanups) await c();
  cleanups = [];
});

describe('items that fail forever (more of them)', () => {
  it('a folder whose collaborations never read after a sharing event: its files are scanned anyway', async () => {
    rig = await scanRig({ files: 600, users: 6, seed: 44 });
    const engine = rig.engine({ concurrency: 4, maxRetries: 0 });
    void engine.start({ none: true });
    await waitForProgress(engine, (p) => p.phase === 'live' && p.files.queued === 0);
    const top = engine.store
      .reader()
      .prepare(
        `SELECT t.* FROM folders t WHERE t.parent_id = '0' AND EXISTS (SELECT 1 FROM files f WHERE f.folder_id = t.id) ORDER BY t.id LIMIT 1`,
      )
      .get() as FolderRow;
    const files = engine.store.reader().prepare('SELECT * FROM files WHERE folder_id = ?').all(top.id) as FileRow[];
    expect(files.length).toBeGreaterThan(0);
    await post(rig.sandbox.info.controlUrl, '/faults', { fail_items: [{ type: 'folder', id: top.id }] });
    const { event } = (await post(rig.sandbox.info.controlUrl, '/activity', {
      folder_id: top.id,
      event_type: 'COLLABORATION_INVITE',
    })) as { event: { event_id: string } };
    const scannedAgain = () =>
      files.every((f) => {
        const now = engine.store.file(f.id)!;
        return now.reason_event === event.event_id && now.state === FileState.done;
      });
    await expect.poll(scannedAgain, { timeout: 30_000, interval: 200 }).toBe(true);
    expect(engine.store.folder(top.id)!.collab_wait).toBe(0);
    expect(engine.snapshot().files.failed).toBe(0);
  }, 90_000);

  it('two folders failing forever with no live poller: both are given up and the scan reaches idle', async () => {
    const sandbox: RunningSandbox = await startSandbox({ files: 80, users: 4, seed: 45, role: 'coadmin' });
    const dir = mkdtempSync(join(tmpdir(), 'bcc-twofail-'));
    cleanups.push(
      () => sandbox.close(),
      () => rmSync(dir, { recursive: true, force: true }),
    );
    const token = (await getTokens(sandbox.info, { scope: 'root_readwrite manage_managed_users manage_groups' }))
      .access_token;
    const truth = (await (await fetch(`${sandbox.info.controlUrl}/truth/files?offset=0&limit=10000`)).json()) as {
      entries: Array<{ folder_id: string }>;
    };
    const folders = [...new Set(truth.entries.map((f) => f.folder_id).filter((id) => id !== '0'))].slice(-2);
    await post(sandbox.info.controlUrl, '/faults', { fail_items: folders.map((id) => ({ type: 'folder', id })) });
    const engine = new ScanEngine({
      dbPath: join(dir, 'scan.sqlite'),
      client: scanClient(new BoxDeveloperTokenAuth({ token }), networkSessionFor(sandbox.info)),
      rateLimitPerSecond: 0,
      livePollMs: 100,
      concurrency: 2,
      maxRetries: 0,
    });
    cleanups.unshift(async () => {
      await engine.stop();
      engine.close();
    });
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'timed out'>((r) => (timer = setTimeout(() => r('timed out'), 60_000)));
    const outcome = await Promise.race([engine.start({ none: true }, true).then(() => 'idle' as const), deadline]);
    clearTimeout(timer);
    expect(outcome).toBe('idle');
    const given = engine.store
      .failedItems(100)
      .filter((i) => i.kind === 'folder')
      .map((i) => i.id);
    for (const id of folders) expect(given).toContain(id);
  }, 120_000);
});
