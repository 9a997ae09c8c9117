/**
 * The store's counts come from counters kept by triggers (one row read, whatever the size):
 * they must equal COUNT(*) after every kind of write the scan does, and reading them must not
 * cost more as the store grows (the old counts() ran 12 COUNT(*): ~500 ms at 1M files).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileState } from '../../common/scan/states';
import type { ScanStore } from '../../main/core/scan/store/scan-store';
import {
  listedTextFile,
  openTempScanStore,
  PRIVATE_NOTHING_FOUND,
  type TempScanStore,
} from '../helpers/temp-scan-store';
import { countAll, ownersFromFiles, seedScale } from '../helpers/scan-store-seed';
import { coverage } from '../../main/core/scan/store/queries';
import type { UserCoverage } from '../../common/scan/types';

let temp: TempScanStore;
let store: ScanStore;

beforeEach(() => {
  temp = openTempScanStore('bcc-counters-');
  store = temp.store;
});
afterEach(() => temp.remove());

const user = (id: string, reachable = 1) =>
  store.upsertUser({
    id,
    login: `${id}@x.com`,
    name: id,
    role: 'user',
    reachable,
    reason: reachable ? null : 'no',
    self: 0,
  });
const folder = (id: string, parent = '0') =>
  store.insertFolder({
    id,
    name: id,
    path: `/${id}`,
    parent_id: parent,
    owner_id: 'u1',
    as_user: 'u1',
    has_collabs: 0,
    collab_ext: null,
    collab_int: 0,
    collab_known: 0,
  });
const event = (id: string, source: 'backfill' | 'live') =>
  store.insertEvent({
    event_id: id,
    source,
    event_type: 'EDIT',
    created_at: '2026-11-23T10:00:00Z',
    item_type: 'file',
    item_id: 'f1',
    item_name: 'f1',
    actor_login: null,
    json: '{}',
  });

/** Coverage's numbers per user who owns files (the users table decides who is listed). */
function coverageByOwner(
  rows: UserCoverage[],
): Record<string, Omit<UserCoverage, 'userId' | 'login' | 'name' | 'role' | 'reachable' | 'reason'>> {
  return Object.fromEntries(
    rows
      .filter((r) => r.files > 0)
      .map((r) => [
        r.userId,
        { files: r.files, scanned: r.scanned, failed: r.failed, notScanned: r.notScanned, queued: r.queued },
      ]),
  );
}

describe('counts()', () => {
  it('equals COUNT(*) after every kind of write', async () => {
    const steps: Array<[string, () => void | Promise<void>]> = [
      [
        'users',
        () => {
          user('u1');
          user('u2');
          user('u3', 0);
        },
      ],
      ['user made unreachable', () => user('u2', 0)],
      [
        'folders',
        () => {
          folder('A');
          folder('B', 'A');
          folder('C', 'B');
          folder('D');
        },
      ],
      [
        'files',
        () => {
          for (let i = 0; i < 6; i++) store.insertListedFile(listedTextFile(`f${i}`, i < 3 ? 'B' : 'D'));
        },
      ],
      ['externally owned file', () => store.insertListedFile({ ...listedTextFile('ext', 'D'), externallyOwned: true })],
      [
        'same files listed again',
        () => {
          for (let i = 0; i < 6; i++) store.insertListedFile(listedTextFile(`f${i}`, i < 3 ? 'B' : 'D'));
        },
      ],
      [
        'folder pages',
        () => {
          store.folderPage('A', 'm1', 10);
          store.folderPage('A', null, 5);
          store.folderPage('D', null, 3);
        },
      ],
      ['finish', () => store.finish('f0', 0, PRIVATE_NOTHING_FOUND)],
      ['finish, inspection later', () => store.finish('f1', 0, PRIVATE_NOTHING_FOUND, true)],
      ['inspected', () => store.inspected('f1', 0, PRIVATE_NOTHING_FOUND)],
      ['fail', () => store.fail('f2', 0, FileState.failed, 'HTTP 403')],
      ['gone', () => store.fail('f3', 0, FileState.gone, 'deleted')],
      [
        'prioritise a known file',
        () =>
          store.prioritise({
            id: 'f0',
            name: 'f0.txt',
            ext: 'txt',
            folderId: 'B',
            ownerId: 'u1',
            ownerLogin: null,
            asUser: 'u1',
            reason: 'edited',
            eventId: 'e1',
          }),
      ],
      [
        'prioritise a new file',
        () =>
          store.prioritise({
            id: 'new',
            name: 'n.txt',
            ext: 'txt',
            folderId: 'D',
            ownerId: 'u1',
            ownerLogin: null,
            asUser: 'u1',
            reason: 'uploaded',
            eventId: 'e2',
          }),
      ],
      [
        'prioritiseFolder',
        () =>
          store.prioritiseFolder({
            folderId: 'A',
            reason: 'shared',
            eventId: 'e3',
            eventType: 'SHARE',
            at: '2026-11-23T10:00:00Z',
          }),
      ],
      [
        'events',
        () => {
          event('e1', 'backfill');
          event('e2', 'live');
          event('e2', 'live');
        },
      ],
      [
        'finish several',
        () => {
          for (const id of ['f4', 'f5']) store.finish(id, store.file(id)!.gen, PRIVATE_NOTHING_FOUND);
        },
      ],
      ['rescanAll', () => store.rescanAll('periodic')],
      ['giveUpFolder', () => store.giveUpFolder('A', 'HTTP 500')],
      ['giveUpUser', () => store.giveUpUser('u1', 'HTTP 500')],
      ['pruneEvents', () => store.pruneEvents(Date.parse('2027-12-01T00:00:00Z'))],
      ['reset', () => store.reset()],
      [
        'writes after a reset',
        () => {
          user('u9');
          folder('Z');
          store.insertListedFile(listedTextFile('z1', 'Z'));
          event('e9', 'backfill');
        },
      ],
    ];
    for (const [name, write] of steps) {
      if (name === 'rescanAll')
        await write(); // in chunks, each its own transaction
      else store.tx(write);
      expect({ after: name, counts: store.counts() }).toEqual({ after: name, counts: countAll(temp.path) });
      expect({ after: name, owners: coverageByOwner(coverage(store.reader())) }).toEqual({
        after: name,
        owners: ownersFromFiles(temp.path),
      });
    }
  });

  it('costs the same at 200,000 files as on an empty store', () => {
    const median = () => {
      const times: number[] = [];
      for (let i = 0; i < 21; i++) {
        const t = performance.now();
        store.counts();
        times.push(performance.now() - t);
      }
      return times.sort((a, b) => a - b)[10]!;
    };
    seedScale(temp.path, { users: 2_000, files: 200_000 });
    expect(store.counts()).toEqual(countAll(temp.path));
    // One row read is microseconds; the 12 COUNT(*) of before took ~100 ms here.
    expect(median()).toBeLessThan(5);
  });
});
