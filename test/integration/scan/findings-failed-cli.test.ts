/**
 * `box-companion findings` lists what the scan gave up on (a folder that answered 500 forever)
 * with the reason, and the files beneath it come out "not scanned" with that reason. It only
 * reads: a scan running in another process keeps its in-flight state.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ScanStore } from '../../../main/core/scan/store/scan-store';
import { listedTextFile } from '../../helpers/temp-scan-store';

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'bcc-findings-failed-'));
  const store = new ScanStore(join(home, 'scan.sqlite'));
  store.tx(() => {
    store.insertFolder({
      id: 'P',
      name: 'Projects',
      path: '/Projects',
      parent_id: '0',
      owner_id: 'u1',
      as_user: null,
      has_collabs: 0,
      collab_ext: null,
      collab_int: 0,
      collab_known: 0,
    });
    store.insertListedFile(listedTextFile('f1', 'P'));
    store.giveUpFolder('P', 'HTTP 500 after 5 tries');
  });
  store.close();
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

it('lists the folder given up, and its files as not scanned with the reason', () => {
  const out = join(home, 'f.json');
  const run = spawnSync(
    process.execPath,
    ['main/cli/bin.mjs', 'findings', '--home', home, '--format', 'json', '--output', out, '--json'],
    { encoding: 'utf8', timeout: 60_000 },
  );
  expect(run.status).toBe(0);
  expect(JSON.parse(run.stdout.trim())).toMatchObject({
    files: 1,
    failed: [{ kind: 'folder', id: 'P', name: '/Projects', reason: 'HTTP 500 after 5 tries' }],
  });
  expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual([
    expect.objectContaining({
      fileId: 'f1',
      status: 'not scanned',
      reason: 'folder /Projects could not be listed: HTTP 500 after 5 tries',
    }),
  ]);
  const stdout = spawnSync(process.execPath, ['main/cli/bin.mjs', 'findings', '--home', home, '--format', 'csv'], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(stdout.stderr).toContain('folder /Projects: HTTP 500 after 5 tries');
});

it('writes nothing to the store a scan may be using (a collaborations reading in flight stays in flight)', () => {
  const store = new ScanStore(join(home, 'scan.sqlite'));
  store.tx(() => {
    store.insertFolder({
      id: 'S',
      name: 'Shared',
      path: '/Shared',
      parent_id: '0',
      owner_id: 'u1',
      as_user: null,
      has_collabs: 1,
      collab_ext: null,
      collab_int: 0,
      collab_known: 0,
    });
    store.prioritiseFolder({
      folderId: 'S',
      reason: 'shared',
      eventId: 'e1',
      eventType: 'SHARE',
      at: '2026-12-01T10:00:00Z',
    });
    store.collabRefreshStarted('S'); // the scanning process is reading its collaborations now
  });
  const run = spawnSync(process.execPath, ['main/cli/bin.mjs', 'findings', '--home', home, '--format', 'csv'], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(run.status).toBe(0);
  expect(store.folder('S')!.collab_refresh).toBe(2);
  store.close();
});
