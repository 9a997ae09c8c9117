/**
 * Numbered schema migrations (PRAGMA user_version), each tested the same way: the previous
 * version's schema with a row or two, migrate, and the rows are there in the new shape.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileState, FolderState } from '../../common/scan/states';
import { migrate, SCHEMA_VERSION, schemaVersion, UnknownSchemaError } from '../../main/core/scan/store/migrations';
import { up as lastRelease } from '../../main/core/scan/store/migrations/0001-initial';
import { ScanStore } from '../../main/core/scan/store/scan-store';
import { PICK_SQL } from '../../main/core/scan/store/statements';
import { countAll } from '../helpers/scan-store-seed';

let dir: string;
let path: string;
let db: Database.Database;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bcc-migrations-'));
  path = join(dir, 'scan.sqlite');
  db = new Database(path);
});
afterEach(() => {
  if (db.open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

function someRows(): void {
  db.exec(`
    INSERT INTO users(id, login, name, role, reachable, reason, self, root_done, seq) VALUES ('u1', 'a@x.com', 'A', 'admin', 1, NULL, 1, 0, 1), ('u2', 'b@x.com', 'B', 'coadmin', 0, 'co-admin', 0, 0, 2);
    INSERT INTO folders(id, name, path, parent_id, owner_id, as_user, state, seq) VALUES ('d1', 'D', '/D', '0', 'u1', NULL, ${FolderState.listed}, 3), ('d2', 'E', '/D/E', 'd1', 'u1', NULL, ${FolderState.pending}, 4);
    INSERT INTO files(id, name, ext, folder_id, owner_id, state, priority, seq, access_level) VALUES ('f1', 'a.txt', 'txt', 'd1', 'u1', ${FileState.done}, 1, 5, 'Private'), ('f2', 'b.txt', 'txt', 'd2', 'u1', ${FileState.queued}, 1, 6, NULL);
    INSERT INTO events(event_id, source, event_type, created_at) VALUES ('e1', 'backfill', 'EDIT', '2026-11-30T10:00:00Z');
    INSERT INTO meta(key, value) VALUES ('seq', '6');
  `);
}

describe("migration 1 (the last release's schema)", () => {
  it('brings a store of the last release (user_version 0) to the latest version with every row', () => {
    lastRelease(db);
    someRows();
    expect(schemaVersion(db)).toBe(0);
    db.close();
    const store = new ScanStore(path);
    try {
      expect(store.file('f1')).toMatchObject({ state: FileState.done, access_level: 'Private', attempts: 0 });
      expect(store.user('u2')).toMatchObject({ reachable: 0, reason: 'co-admin' });
      expect(store.counts()).toEqual(countAll(path));
      expect(store.counts()).toMatchObject({
        users: 2,
        reachable: 1,
        folders: 2,
        listed: 1,
        files: 2,
        done: 1,
        queued: 1,
        events: 1,
        backfillEvents: 1,
      });
    } finally {
      store.close();
    }
    const check = new Database(path, { readonly: true });
    expect(schemaVersion(check)).toBe(SCHEMA_VERSION);
    check.close();
  });

  it('adds the collaboration-refresh columns to a store made before them', () => {
    lastRelease(db);
    db.exec(
      'DROP INDEX folders_refresh; ALTER TABLE folders DROP COLUMN collab_refresh; ALTER TABLE folders DROP COLUMN collab_wait',
    );
    someRows();
    expect(migrate(db, 1)).toEqual([1]);
    expect(db.prepare("SELECT collab_refresh, collab_wait FROM folders WHERE id = 'd1'").get()).toEqual({
      collab_refresh: 0,
      collab_wait: 0,
    });
  });

  it('creates an empty store from nothing', () => {
    expect(migrate(db)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
  });
});

describe('migration 2 (bounded retries)', () => {
  it('adds attempts and last_error to users, folders and files, and the pick indexes', () => {
    migrate(db, 1);
    someRows();
    expect(migrate(db, 2)).toEqual([2]);
    for (const t of ['users', 'folders', 'files']) {
      expect(db.prepare(`SELECT DISTINCT attempts, last_error FROM ${t}`).all()).toEqual([
        { attempts: 0, last_error: null },
      ]);
    }
    const indexes = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all() as Array<{ name: string }>
    ).map((r) => r.name);
    expect(indexes).toEqual(
      expect.arrayContaining(['users_roots', 'users_given_up', 'folders_failed', 'files_failed']),
    );
    // The picker's next user now comes from the index, in order, with no sort of the users table.
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${PICK_SQL.nextUsers}`).all(1) as Array<{ detail: string }>).map(
      (r) => r.detail,
    );
    expect(plan).toEqual([expect.stringMatching(/^SCAN users USING INDEX users_roots/)]);
  });
});

describe('migration 3 (counters)', () => {
  it('fills the counters from the rows there, and triggers keep them right after', () => {
    migrate(db, 2);
    someRows();
    expect(migrate(db, 3)).toEqual([3]);
    const counters = () =>
      db
        .prepare(
          'SELECT users, reachable, folders, listed, files, queued, done, failed, not_scanned, inspection_pending, events, backfill_events FROM counters',
        )
        .get();
    expect(counters()).toEqual({
      users: 2,
      reachable: 1,
      folders: 2,
      listed: 1,
      files: 2,
      queued: 1,
      done: 1,
      failed: 0,
      not_scanned: 0,
      inspection_pending: 0,
      events: 1,
      backfill_events: 1,
    });
    db.exec(
      `UPDATE files SET state = ${FileState.failed} WHERE id = 'f2'; DELETE FROM events; UPDATE folders SET state = ${FolderState.listed}`,
    );
    expect(counters()).toMatchObject({ queued: 0, failed: 1, events: 0, backfill_events: 0, listed: 2 });
  });
});

describe('migration 4 (files per owner)', () => {
  it('fills the counts per owner from the files there, and triggers keep them right after', () => {
    migrate(db, 3);
    someRows();
    db.exec(
      `INSERT INTO files(id, name, ext, folder_id, owner_id, state, priority, seq) VALUES ('f3', 'c.txt', 'txt', 'd1', 'u2', ${FileState.notScanned}, 1, 7), ('f4', 'd.txt', 'txt', 'd1', NULL, ${FileState.queued}, 1, 8)`,
    );
    expect(migrate(db, 4)).toEqual([4]);
    const owners = () =>
      db
        .prepare('SELECT owner_id, files, scanned, failed, not_scanned, queued FROM owner_counts ORDER BY owner_id')
        .all();
    expect(owners()).toEqual([
      { owner_id: 'u1', files: 2, scanned: 1, failed: 0, not_scanned: 0, queued: 1 },
      { owner_id: 'u2', files: 1, scanned: 0, failed: 0, not_scanned: 1, queued: 0 },
    ]);
    db.exec(
      `UPDATE files SET state = ${FileState.failed} WHERE id = 'f2'; UPDATE files SET owner_id = 'u3' WHERE id = 'f3'; DELETE FROM files WHERE id = 'f1'`,
    );
    expect(owners()).toEqual([
      { owner_id: 'u1', files: 1, scanned: 0, failed: 1, not_scanned: 0, queued: 0 },
      { owner_id: 'u2', files: 0, scanned: 0, failed: 0, not_scanned: 0, queued: 0 },
      { owner_id: 'u3', files: 1, scanned: 0, failed: 0, not_scanned: 1, queued: 0 },
    ]);
  });
});

describe('migration 5 (files given up with their folder)', () => {
  it('marks the files a folder give-up left not scanned, and only those', () => {
    migrate(db, 4);
    someRows();
    db.exec(`INSERT INTO files(id, name, ext, folder_id, owner_id, state, priority, seq, reason) VALUES
      ('f3', 'c.txt', 'txt', 'd2', 'u1', ${FileState.notScanned}, 1, 7, 'folder /D/E could not be listed: HTTP 500'),
      ('f4', 'd.txt', 'txt', 'd2', 'u1', ${FileState.notScanned}, 1, 8, 'owned outside the enterprise: Box does not let an admin reach it')`);
    expect(migrate(db, 5)).toEqual([5]);
    expect(db.prepare('SELECT id, given_up FROM files ORDER BY id').all()).toEqual([
      { id: 'f1', given_up: 0 },
      { id: 'f2', given_up: 0 },
      { id: 'f3', given_up: 1 },
      { id: 'f4', given_up: 0 },
    ]);
  });
});

describe('migration 9 (group and folder-path changes re-match files)', () => {
  it("queues a scanned file when its owner's groups or its folder's path change, not a queued one", () => {
    migrate(db, 8);
    someRows(); // f1 (scanned, in /D) and f2 (queued, in /D/E), both owned by u1
    expect(migrate(db, 9)).toEqual([9]);
    const dirty = () => db.prepare('SELECT file_id FROM policy_dirty ORDER BY seq').pluck().all();
    db.exec("INSERT INTO user_groups(user_id, group_id, group_name) VALUES ('u1', 'g1', 'Finance')");
    expect(dirty()).toEqual(['f1']);
    db.exec('DELETE FROM policy_dirty');
    db.exec("UPDATE folders SET path = '/Renamed' WHERE id = 'd1'");
    expect(dirty()).toEqual(['f1']);
    db.exec(
      "DELETE FROM policy_dirty; UPDATE folders SET name = 'X' WHERE id = 'd1'; DELETE FROM user_groups WHERE user_id = 'u2'",
    );
    expect(dirty()).toEqual([]);
    db.exec("DELETE FROM user_groups WHERE user_id = 'u1'");
    expect(dirty()).toEqual(['f1']);
  });
});

describe('two processes opening an old store at once', () => {
  it('does not apply a migration the other connection applied meanwhile', () => {
    migrate(db, 1);
    someRows();
    // The other process migrates in the moment between this connection reading the version
    // (outside any transaction) and taking the write lock: two real connections on the file,
    // the interleaving forced by running the other's migration when this one reads user_version.
    const other = new Database(path);
    let interleaved = false;
    const racing = new Proxy(db, {
      get(target, key) {
        if (key !== 'pragma') return Reflect.get(target, key, target) as unknown;
        return (source: string, options?: { simple?: boolean }) => {
          const answer = target.pragma(source, options) as unknown;
          if (!interleaved && source === 'user_version' && !target.inTransaction) {
            interleaved = true;
            migrate(other);
          }
          return answer;
        };
      },
    });
    try {
      expect(() => migrate(racing)).not.toThrow();
      expect(interleaved).toBe(true);
      expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
      expect(db.prepare('SELECT id, attempts FROM files ORDER BY id').all()).toEqual([
        { id: 'f1', attempts: 0 },
        { id: 'f2', attempts: 0 },
      ]);
    } finally {
      other.close();
    }
  });
});

describe('schema versions', () => {
  it('refuses a store newer than the app, naming both versions', () => {
    db.pragma('user_version = 99');
    db.close();
    expect(() => new ScanStore(path)).toThrow(UnknownSchemaError);
    expect(() => new ScanStore(path)).toThrow(
      new RegExp(`schema version 99, newer than this app knows \\(${SCHEMA_VERSION}\\)`),
    );
  });

  it('applies nothing twice', () => {
    migrate(db);
    expect(migrate(db)).toEqual([]);
  });
});
