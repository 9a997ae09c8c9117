/**
 * Only the process holding scan.lock writes to the home's scan.sqlite (review of issue 13):
 * Rescan all and Rescan file from a process that does not scan (the app while
 * `box-companion scan` runs in a terminal) are refused with ScanLockedError naming the scanner,
 * the store untouched; opening the store to read changes nothing a scan has in flight; with no
 * scanner they take the lock for the moment and leave none behind.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CollabRefresh, FileState } from '../../../common/scan/states';
import { ScanLockedError, SCAN_LOCK_FILE } from '../../../main/core/scan/scan-lock';
import { ScanService } from '../../../main/core/scan/scan-service';
import { ScanStore } from '../../../main/core/scan/store/scan-store';
import { connectToSandbox, type Connected } from '../../helpers/connected';
import { listedTextFile, PRIVATE_NOTHING_FOUND } from '../../helpers/temp-scan-store';

let connected: Connected;
const children: ChildProcess[] = [];

beforeAll(async () => {
  connected = await connectToSandbox({ files: 20, users: 4, seed: 7 });
  const store = new ScanStore(join(connected.home, 'scan.sqlite'));
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
    store.insertListedFile(listedTextFile('f1', 'S'));
    store.finish('f1', 0, PRIVATE_NOTHING_FOUND);
    store.prioritiseFolder({
      folderId: 'S',
      reason: 'shared',
      eventId: 'e1',
      eventType: 'SHARE',
      at: '2026-12-01T10:00:00Z',
    });
    store.finish('f1', store.file('f1')!.gen, PRIVATE_NOTHING_FOUND);
    store.collabRefreshStarted('S'); // the scanning process is reading its collaborations now
  });
  store.close();
}, 120_000);
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await connected?.cleanup();
});

/** Another OS process holding the home's scan lock, as `box-companion scan` does. */
async function otherScanner(home: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/integration/locks/fixtures/scan-lock-holder.ts', home, 'box-companion scan'],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  children.push(child);
  const first = await createInterface({ input: child.stdout! })[Symbol.asyncIterator]().next();
  expect(JSON.parse(first.value as string)).toHaveProperty('locked');
  return child;
}

it('refuses Rescan all and Rescan file while another process scans, and touches nothing', async () => {
  const scanner = await otherScanner(connected.home);
  const service = new ScanService(connected.home, connected.manager);
  try {
    service.status(); // the app opening the store (it reads findings while the CLI scans)
    await expect((async () => service.rescanAll())()).rejects.toThrow(ScanLockedError);
    await expect((async () => service.rescanFile('f1'))()).rejects.toThrow(
      /a scan is already running on this home: box-companion scan, pid \d+/,
    );
  } finally {
    await service.dispose();
    const exited = new Promise((resolve) => scanner.once('exit', resolve));
    scanner.kill('SIGKILL'); // a killed scanner: its lock is taken over by the next test
    await exited;
  }
  const store = new ScanStore(join(connected.home, 'scan.sqlite'));
  try {
    expect(store.file('f1')).toMatchObject({ state: FileState.done });
    expect(store.folder('S')!.collab_refresh).toBe(CollabRefresh.reading); // the scanner's reading stays its own
    expect(store.jumps()).toHaveLength(1); // the share's only
  } finally {
    store.close();
  }
}, 60_000);

it('with no scanner, takes the lock for the rescan and leaves none behind', async () => {
  const service = new ScanService(connected.home, connected.manager);
  try {
    await service.rescanAll();
    expect(service.store.file('f1')).toMatchObject({
      state: FileState.queued,
      reason: 'rescan of everything requested',
    });
    await service.rescanFile('f1');
    expect(service.status().head[0]).toMatchObject({ fileId: 'f1', priority: 'activity' });
  } finally {
    await service.dispose();
  }
  expect(existsSync(join(connected.home, SCAN_LOCK_FILE))).toBe(false);
}, 60_000);
