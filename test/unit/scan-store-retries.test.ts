/**
 * Bounded retries, storage side: failures are counted per user, folder and file (and forgotten
 * on success), and giving up on a folder or user leaves the store where discovery is complete,
 * with every file beneath a failed folder "not scanned" with the reason, so the scan reaches idle.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileState, FolderState } from '../../common/scan/states';
import { notScannedPage } from '../../main/core/scan/store/queries';
import type { ScanStore } from '../../main/core/scan/store/scan-store';
import {
  listedTextFile,
  openTempScanStore,
  PRIVATE_NOTHING_FOUND,
  type TempScanStore,
} from '../helpers/temp-scan-store';

let temp: TempScanStore;
let store: ScanStore;

const folder = (id: string, parent = '0', path = `/${id}`) =>
  store.insertFolder({
    id,
    name: id,
    path,
    parent_id: parent,
    owner_id: 'u1',
    as_user: 'u1',
    has_collabs: 0,
    collab_ext: null,
    collab_int: 0,
    collab_known: 0,
  });

beforeEach(() => {
  temp = openTempScanStore('bcc-retries-');
  store = temp.store;
  store.tx(() => {
    store.upsertUser({ id: 'u1', login: 'a@x.com', name: 'A', role: 'admin', reachable: 1, reason: null, self: 1 });
    store.upsertUser({ id: 'u2', login: 'b@x.com', name: 'B', role: 'user', reachable: 1, reason: null, self: 0 });
    folder('P', '0', '/Projects');
    folder('C', 'P', '/Projects/Child');
    folder('G', 'C', '/Projects/Child/Grand');
    folder('O', '0', '/Other');
    for (const [id, at] of [
      ['p1', 'P'],
      ['p2', 'P'],
      ['c1', 'C'],
      ['g1', 'G'],
      ['o1', 'O'],
    ] as const)
      store.insertListedFile(listedTextFile(id, at));
    store.finish('p2', 0, PRIVATE_NOTHING_FOUND);
    store.folderPage('P', 'next-page', 3); // P listed in part: its first page gave p1, p2 and C
  });
});
afterEach(() => temp.remove());

describe('recordFailure', () => {
  it('counts failures in a row per item and forgets them when the item succeeds', () => {
    expect([1, 2, 3].map(() => store.recordFailure('folder', 'O', 'HTTP 500'))).toEqual([1, 2, 3]);
    expect(store.folder('O')).toMatchObject({ attempts: 3, last_error: 'HTTP 500' });
    store.folderPage('O', null, 1);
    expect(store.folder('O')).toMatchObject({ attempts: 0, last_error: null });

    expect(store.recordFailure('user', 'u2', 'HTTP 502')).toBe(1);
    store.markRootDone('u2');
    expect(store.user('u2')).toMatchObject({ attempts: 0, last_error: null, root_done: 1 });

    expect(store.recordFailure('file', 'o1', 'network down')).toBe(1);
    expect(store.recordFailure('file', 'o1', 'network down')).toBe(2);
    store.finish('o1', 0, PRIVATE_NOTHING_FOUND);
    expect(store.file('o1')).toMatchObject({ attempts: 0, last_error: null, state: FileState.done });
  });

  it('keeps no link from a reason (a signed download URL)', () => {
    store.recordFailure('file', 'o1', 'download error: GET https://dl.box.test/d/1/abc?token=SECRET failed');
    expect(store.file('o1')!.last_error).not.toContain('SECRET');
    store.fail('o1', 0, FileState.failed, 'download error at https://dl.box.test/d/1/abc?sig=SECRET');
    expect(store.file('o1')!.error).not.toContain('SECRET');
  });
});

describe('giveUpFolder', () => {
  it('fails the folder and what is unlisted beneath it; its unfinished files are not scanned, with the reason', () => {
    store.tx(() => store.giveUpFolder('P', 'HTTP 500 after 5 tries'));
    expect(store.folder('P')).toMatchObject({
      state: FolderState.failed,
      last_error: 'HTTP 500 after 5 tries',
      marker: null,
    });
    expect(store.folder('C')!.state).toBe(FolderState.failed);
    expect(store.folder('G')!.state).toBe(FolderState.failed);
    expect(store.folder('O')!.state).toBe(FolderState.pending);
    const reason = 'folder /Projects could not be listed: HTTP 500 after 5 tries';
    for (const id of ['p1', 'c1', 'g1']) expect(store.file(id)).toMatchObject({ state: FileState.notScanned, reason });
    expect(store.file('p2')!.state).toBe(FileState.done); // scanned before: keeps its result
    expect(store.file('o1')!.state).toBe(FileState.queued);
    expect(notScannedPage(store.reader(), 0, 10).byReason).toContainEqual({ reason, count: 3 });
  });

  it('lets discovery complete, and lists the folder in failedItems', () => {
    store.tx(() => {
      store.markRootDone('u1');
      store.markRootDone('u2');
      store.folderPage('O', null, 1);
    });
    expect(store.discoveryDone()).toBe(false);
    store.tx(() => store.giveUpFolder('P', 'HTTP 500'));
    expect(store.discoveryDone()).toBe(true);
    expect(store.failedItems(10)).toEqual([
      { kind: 'folder', id: 'P', name: '/Projects', reason: 'HTTP 500' },
      expect.objectContaining({ kind: 'folder', id: 'C' }),
      expect.objectContaining({ kind: 'folder', id: 'G' }),
    ]);
  });
});

describe('a folder given up, then listing again', () => {
  const reason = 'folder /Projects could not be listed: HTTP 500';

  it('queues its files again when the folder lists (they no longer say it could not be listed)', () => {
    store.tx(() => store.giveUpFolder('P', 'HTTP 500'));
    expect(store.file('p1')).toMatchObject({ state: FileState.notScanned, reason });
    store.tx(() => store.folderPage('P', null, 2)); // a later listing of /Projects succeeds
    expect(store.file('p1')!.state).toBe(FileState.queued);
    expect(store.file('p1')!.reason).not.toContain('could not be listed');
    expect(store.file('c1')!.state).toBe(FileState.notScanned); // until /Projects/Child lists too
    store.tx(() => store.folderPage('C', null, 1));
    expect(store.file('c1')!.state).toBe(FileState.queued);
    expect(store.counts()).toMatchObject({ queued: 3, done: 1, notScanned: 1 }); // g1 waits for /Projects/Child/Grand
  });

  it('a rescan of everything queues them again', async () => {
    store.tx(() => store.giveUpFolder('P', 'HTTP 500'));
    await store.rescanAll('periodic');
    for (const id of ['p1', 'c1', 'g1'])
      expect(store.file(id)).toMatchObject({ state: FileState.queued, reason: 'periodic' });
    expect(notScannedPage(store.reader(), 0, 10).byReason).toEqual([]);
  });

  it('leaves the files of a subfolder that listed fine queued', () => {
    store.tx(() => store.folderPage('C', null, 1)); // /Projects/Child listed completely
    store.tx(() => store.giveUpFolder('P', 'HTTP 500')); // then the second page of /Projects fails for good
    expect(store.file('p1')).toMatchObject({ state: FileState.notScanned, reason });
    expect(store.file('c1')).toMatchObject({ state: FileState.queued, reason: 'discovered' });
    expect(store.folder('C')!.state).toBe(FolderState.listed);
  });
});

describe('giveUpUser', () => {
  it('does not call a user Box refused given up because of failures before the refusal', async () => {
    store.tx(() => store.recordFailure('user', 'u2', 'HTTP 502'));
    store.tx(() =>
      store.upsertUser({
        id: 'u2',
        login: 'b@x.com',
        name: 'B',
        role: 'user',
        reachable: 0,
        reason: 'Box refused to act as this user: 403',
        self: 0,
      }),
    );
    expect(store.failedItems(10).filter((i) => i.kind === 'user')).toEqual([]);
    await store.rescanAll('periodic');
    expect(store.user('u2')).toMatchObject({ reachable: 0, reason: 'Box refused to act as this user: 403' }); // a refusal stays out
  });

  it('keeps a given-up user given up when the users step writes it again', () => {
    store.tx(() => store.giveUpUser('u2', 'HTTP 500'));
    const u = store.user('u2')!;
    store.tx(() =>
      store.upsertUser({
        id: 'u2',
        login: u.login,
        name: u.name,
        role: u.role,
        reachable: 0,
        reason: u.reason,
        self: 0,
      }),
    );
    expect(store.failedItems(10)).toContainEqual({
      kind: 'user',
      id: 'u2',
      name: 'b@x.com',
      reason: 'root folder could not be listed: HTTP 500',
    });
  });

  it('shows the user as not reachable with the reason, ends their root listing, and a rescan tries again', async () => {
    store.tx(() => store.giveUpUser('u2', 'HTTP 500'));
    expect(store.user('u2')).toMatchObject({
      reachable: 0,
      root_done: 1,
      reason: 'root folder could not be listed: HTTP 500',
    });
    expect(store.nextUserToList()!.id).toBe('u1');
    expect(store.failedItems(10)).toContainEqual({
      kind: 'user',
      id: 'u2',
      name: 'b@x.com',
      reason: 'root folder could not be listed: HTTP 500',
    });
    expect(notScannedPage(store.reader(), 0, 10).entries).toContainEqual(
      expect.objectContaining({ kind: 'user', id: 'u2', reason: 'root folder could not be listed: HTTP 500' }),
    );
    await store.rescanAll('periodic');
    expect(store.user('u2')).toMatchObject({ reachable: 1, root_done: 0, reason: null });
  });

  it('nextUserToList skips users whose root is being listed', () => {
    expect(store.nextUserToList(new Set(['u1']))!.id).toBe('u2');
    expect(store.nextUserToList(new Set(['u1', 'u2']))).toBeUndefined();
  });
});

describe('failedItems', () => {
  it('lists files given up with their last reason', () => {
    store.fail('o1', 0, FileState.failed, 'HTTP 500 after 5 tries');
    expect(store.failedItems(10)).toEqual([
      { kind: 'file', id: 'o1', name: 'o1.txt', reason: 'HTTP 500 after 5 tries' },
    ]);
  });
});
