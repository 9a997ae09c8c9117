/**
 * A governance change is an admin event like any other: a scan following the enterprise live
 * sees the link removed and the external collaborators gone, and rescans the file to its new
 * access level, with nobody telling it but admin_logs.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BoxDeveloperTokenAuth } from 'box-node-sdk/box';
import { networkSessionFor } from '../../../main/core/auth/box-endpoints';
import { scanClient } from '../../../main/core/scan/box-api';
import { RequestScheduler } from '../../../main/core/scan/scheduler';
import type { ScanEngine } from '../../../main/core/scan/engine';
import { BoxGovernance } from '../../../main/core/governance/box-governance';
import { ACTIONS } from '../../../main/core/governance/actions';
import { scanRig, truthJson, waitForProgress, type ScanRig } from '../scan/support';

let rig: ScanRig;
let engine: ScanEngine;
let box: BoxGovernance;

beforeAll(async () => {
  rig = await scanRig({ files: 1500, users: 12, seed: 21 });
  const truth = await truthJson<{ users: { id: string; login: string }[] }>(rig, '/truth');
  const admin = truth.users.find((u) => u.id === rig.sandbox.info.signInUserId);
  if (!admin) throw new Error('no admin');
  engine = rig.engine();
  void engine.start({ none: true });
  await waitForProgress(engine, (p) => p.phase === 'live' && p.files.queued === 0);
  const client = scanClient(new BoxDeveloperTokenAuth({ token: rig.token }), networkSessionFor(rig.sandbox.info));
  box = new BoxGovernance(client, new RequestScheduler({ ratePerSecond: 0, concurrency: 2 }), {
    home: rig.dir,
    admin: { id: admin.id, login: admin.login },
  });
}, 120_000);
afterAll(async () => rig?.cleanup());

const rescanned = (id: string, count: number) => () => (engine.store.file(id)?.scan_count ?? 0) > count;

it('sees a removed shared link and removed external collaborators through admin_logs', async () => {
  const rows = engine.store.reader().prepare('SELECT * FROM files WHERE state = 1').all() as Array<{
    id: string;
    owner_id: string;
    access_level: string;
    ext_collaborators: string | null;
    scan_count: number;
  }>;
  const open = rows.find((r) => r.access_level === 'Public (Internet)');
  if (!open) throw new Error('no public file');
  const before = await box.readFile(open.id, open.owner_id);
  await ACTIONS['remove-shared-link'].apply(box, { name: 'remove-shared-link' }, before);
  await waitForProgress(engine, rescanned(open.id, open.scan_count));
  expect(engine.store.file(open.id)).toMatchObject({ link_effective: null });
  expect(engine.store.file(open.id)?.access_level).not.toMatch(/^Public/);

  for (const r of rows.filter((x) => x.access_level === 'External' && x.ext_collaborators)) {
    const s = await box.readFile(r.id, r.owner_id);
    if (!ACTIONS['remove-external-collaborators'].applies({ name: 'remove-external-collaborators' }, s).ok) continue;
    if (s.collaborations.some((c) => c.external && c.inheritedFromFolderId !== null)) continue;
    await ACTIONS['remove-external-collaborators'].apply(box, { name: 'remove-external-collaborators' }, s);
    await waitForProgress(engine, rescanned(r.id, r.scan_count));
    expect(JSON.parse(engine.store.file(r.id)?.ext_collaborators ?? '[]')).toEqual([]);
    expect(engine.store.file(r.id)?.access_level).not.toBe('External');
    return;
  }
  throw new Error('no file with its own external collaborators');
}, 60_000);

it('follows a file into the admin quarantine: read again as the admin, in its new folder', async () => {
  const row = engine.store
    .reader()
    .prepare("SELECT * FROM files WHERE state = 1 AND folder_id != '0' LIMIT 1")
    .get() as { id: string; owner_id: string; scan_count: number } | undefined;
  if (!row) throw new Error('no scanned file');
  const before = await box.readFile(row.id, row.owner_id);
  const after = await ACTIONS.quarantine.apply(box, { name: 'quarantine' }, before);
  await waitForProgress(engine, rescanned(row.id, row.scan_count));
  expect(engine.store.file(row.id)).toMatchObject({
    state: 1,
    folder_id: after.parentId,
    owner_id: rig.sandbox.info.signInUserId,
  });
}, 60_000);
