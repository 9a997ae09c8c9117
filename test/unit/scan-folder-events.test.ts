/**
 * A sharing event on a folder, in the store (real SQLite): every file beneath it at any depth
 * goes to the front once, nothing outside it moves, the jumps list is not flooded, the
 * subtree's collaborations wait for a new reading, and the queries use the parent/folder
 * indexes (no scan of the files table per event, whatever the store's size).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventMovesItems } from '../../common/scan/priority';
import { applyFolderEventToQueue, folderEventReason, type BoxEvent } from '../../main/core/scan/phases/events';
import { FileState } from '../../common/scan/states';
import { SUBTREE_SQL, type ScanStore } from '../../main/core/scan/store/scan-store';
import {
  listedTextFile,
  openTempScanStore,
  PRIVATE_NOTHING_FOUND,
  type TempScanStore,
} from '../helpers/temp-scan-store';

let temp: TempScanStore;
let store: ScanStore;

function folder(id: string, parent: string, name = id): void {
  store.insertFolder({
    id,
    name,
    path: `/${name}`,
    parent_id: parent,
    owner_id: 'u1',
    as_user: 'u1',
    has_collabs: 0,
    collab_ext: null,
    collab_int: 0,
    collab_known: 0,
  });
}

function file(id: string, folderId: string): void {
  store.insertListedFile(listedTextFile(id, folderId));
}

const invite = (id: string, folderId = 'T'): BoxEvent => ({
  event_id: id,
  event_type: 'COLLABORATION_INVITE',
  created_at: '2026-11-23T10:00:00Z',
  created_by: { login: 'owner@x.com' },
  source: { item_type: 'folder', item_id: folderId, item_name: 'Team' },
  additional_details: { invitee: 'ext@other.com' },
});

beforeEach(() => {
  temp = openTempScanStore('bcc-folder-events-');
  store = temp.store;
  store.tx(() => {
    folder('T', '0', 'Team');
    folder('C', 'T');
    folder('G', 'C');
    folder('O', '0');
    for (let i = 0; i < 3; i++) file(`t${i}`, 'T');
    for (let i = 0; i < 2; i++) file(`c${i}`, 'C');
    for (let i = 0; i < 15; i++) file(`g${i}`, 'G');
    for (let i = 0; i < 2; i++) file(`o${i}`, 'O');
    for (const id of ['t0', 't1', 'c0', 'g0', 'o0']) store.finish(id, 0, PRIVATE_NOTHING_FOUND);
    store.fail('g1', 0, FileState.failed, 'boom');
    store.fail('g2', 0, FileState.notScanned, 'owned outside');
  });
});
afterEach(() => temp.remove());

describe('a sharing event on a folder', () => {
  it('moves every reachable file beneath it, at any depth, and nothing else', () => {
    const r = store.tx(() => applyFolderEventToQueue(store, invite('e1')));
    expect(r).toEqual({ moved: 19, wasDone: 4, wasFailed: 1, newlyQueued: 5 });
    const rows = store
      .reader()
      .prepare('SELECT id, state, priority, reason, reason_event FROM files ORDER BY id')
      .all() as Array<{ id: string; state: number; priority: number; reason: string; reason_event: string | null }>;
    const moved = rows.filter((x) => x.priority === 0).map((x) => x.id);
    expect(moved).toHaveLength(19);
    expect(moved.some((id) => id.startsWith('o')) || moved.includes('g2')).toBe(false);
    expect(rows.find((x) => x.id === 'g0')).toMatchObject({
      state: 0,
      reason: "Folder 'Team' shared with ext@other.com by owner@x.com at 2026-11-23T10:00:00Z (COLLABORATION_INVITE)",
      reason_event: 'e1',
    });
    expect(rows.find((x) => x.id === 'o0')).toMatchObject({ state: 1, priority: 1 });
    expect(store.counts()).toMatchObject({ queued: 19 + 1, done: 1 });
  });

  it('is de-duplicated per file: a second event keeps each file once and in its place', () => {
    store.tx(() => applyFolderEventToQueue(store, invite('e1')));
    const seqs = store.reader().prepare('SELECT id, seq FROM files WHERE priority = 0 ORDER BY id').all();
    const second = store.tx(() =>
      applyFolderEventToQueue(store, {
        ...invite('e2', 'C'),
        event_type: 'COLLABORATION_ROLE_CHANGE',
        source: { item_type: 'folder', item_id: 'C', item_name: 'C' },
      }),
    );
    expect(second).toMatchObject({ moved: 16, newlyQueued: 0 });
    expect(store.reader().prepare('SELECT id, seq FROM files WHERE priority = 0 ORDER BY id').all()).toEqual(seqs);
    expect(store.file('c1')?.reason).toMatch(/^Folder 'C' collaborator ext@other\.com changed role by /);
    expect(store.file('t0')?.reason_event).toBe('e1');
  });

  it('records at most ten jumps per event, and asks for the subtree collaborations again', () => {
    store.tx(() => applyFolderEventToQueue(store, invite('e1')));
    expect(
      (store.reader().prepare("SELECT COUNT(*) n FROM jumps WHERE event_id = 'e1'").get() as { n: number }).n,
    ).toBe(10);
    expect(store.nextCollabRefresh()?.id).toBe('T');
    const waiting = () =>
      (
        store.reader().prepare('SELECT id FROM folders WHERE collab_wait = 1 ORDER BY id').all() as Array<{
          id: string;
        }>
      ).map((x) => x.id);
    expect(waiting()).toEqual(['C', 'G', 'T']);
    store.tx(() => store.collabRefreshStarted('T'));
    expect(store.nextCollabRefresh()).toBeUndefined();
    store.tx(() => store.collabRefreshDone('T', { externals: ['ext@other.com'], internal: 1 }));
    expect(waiting()).toEqual([]);
    expect(store.folder('G')).toMatchObject({
      has_collabs: 1,
      collab_known: 1,
      collab_ext: '["ext@other.com"]',
      collab_int: 1,
      collab_refresh: 0,
    });
    expect(store.folder('O')).toMatchObject({ has_collabs: 0, collab_known: 0 });
  });

  it('a new event during the reading keeps the files waiting for another reading', () => {
    store.tx(() => applyFolderEventToQueue(store, invite('e1')));
    store.tx(() => store.collabRefreshStarted('T'));
    store.tx(() => applyFolderEventToQueue(store, { ...invite('e2'), event_type: 'COLLABORATION_REMOVE' }));
    store.tx(() => store.collabRefreshDone('T', { externals: ['ext@other.com'], internal: 0 }));
    expect(store.folder('G')?.collab_wait).toBe(1);
    expect(store.nextCollabRefresh()?.id).toBe('T');
  });

  it('moves nothing for a read-only folder event, an unknown folder, or a file-only event type', () => {
    expect(store.tx(() => applyFolderEventToQueue(store, { ...invite('p'), event_type: 'PREVIEW' }))).toBeNull();
    expect(store.tx(() => applyFolderEventToQueue(store, invite('u', 'nope')))).toBeNull();
    expect(
      store.tx(() => applyFolderEventToQueue(store, { ...invite('s'), event_type: 'SHARED_LINK_SEND' })),
    ).toBeNull();
    expect(store.reader().prepare('SELECT COUNT(*) n FROM files WHERE priority = 0').get()).toEqual({ n: 0 });
    expect(eventMovesItems('folder', 'PREVIEW')).toBe(false);
    expect(eventMovesItems('folder', 'UNSHARE')).toBe(true);
    expect(eventMovesItems('file', 'EDIT')).toBe(true);
    expect(eventMovesItems('folder', 'EDIT')).toBe(false);
  });

  it('names the folder and the change for link events too', () => {
    const e = { ...invite('x'), event_type: 'SHARE', additional_details: { shared_link_access: 'open' } };
    expect(folderEventReason(e)).toBe(
      "Folder 'Team' shared by link (open) by owner@x.com at 2026-11-23T10:00:00Z (SHARE)",
    );
    expect(folderEventReason({ ...e, event_type: 'UNSHARE', additional_details: null })).toMatch(
      /^Folder 'Team' shared link removed by /,
    );
  });
});

describe('cost', () => {
  it('walks the subtree and its files through indexes, never scanning the files or folders table', () => {
    for (const [name, sql] of Object.entries(SUBTREE_SQL)) {
      const plan = (
        store
          .reader()
          .prepare(`EXPLAIN QUERY PLAN ${sql}`)
          .all(
            ...(sql.includes('@')
              ? [{ folderId: 'T', reason: '', eventId: '', seq: 1, ext: '', int: 0, has: 0, limit: 1 }]
              : sql.includes('?')
                ? ['T', 1].slice(0, (sql.match(/\?/g) ?? []).length)
                : []),
          ) as Array<{ detail: string }>
      ).map((r) => r.detail);
      // The only scans allowed are of the recursive CTE's own rows.
      expect({ name, scans: plan.filter((d) => /^SCAN (files|folders)\b/.test(d) && !/USING/.test(d)) }).toEqual({
        name,
        scans: [],
      });
    }
  });
});
