/**
 * `box-companion doctor` on real store files: healthy → exit 0 with the counts; a file with
 * garbage written over its middle, counters that drifted from the rows, a schema version this
 * app does not know, or no store at all → exit 1 saying what is wrong.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, rmSync, statSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileState } from '../../../common/scan/states';
import Database from 'better-sqlite3';
import { SCHEMA_VERSION } from '../../../main/core/scan/store/migrations';
import { up as lastRelease } from '../../../main/core/scan/store/migrations/0001-initial';
import { ScanStore } from '../../../main/core/scan/store/scan-store';
import { openRawScanDb } from '../../helpers/raw-scan-db';
import { seedScale } from '../../helpers/scan-store-seed';
import { listedTextFile, PRIVATE_NOTHING_FOUND } from '../../helpers/temp-scan-store';

let home: string;
const dbPath = () => join(home, 'scan.sqlite');

function doctor(...args: string[]) {
  const run = spawnSync(process.execPath, ['main/cli/bin.mjs', 'doctor', '--home', home, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function smallStore(): void {
  const store = new ScanStore(dbPath());
  store.tx(() => {
    store.upsertUser({ id: 'u1', login: 'a@x.com', name: 'A', role: 'admin', reachable: 1, reason: null, self: 1 });
    store.insertFolder({
      id: 'D',
      name: 'D',
      path: '/D',
      parent_id: '0',
      owner_id: 'u1',
      as_user: null,
      has_collabs: 0,
      collab_ext: null,
      collab_int: 0,
      collab_known: 0,
    });
    for (let i = 0; i < 4; i++) store.insertListedFile(listedTextFile(`f${i}`, 'D'));
    store.folderPage('D', null, 4);
    store.finish('f0', 0, PRIVATE_NOTHING_FOUND);
    store.finish('f1', 0, PRIVATE_NOTHING_FOUND, true);
    store.fail('f2', 0, FileState.failed, 'HTTP 403');
    store.insertEvent({
      event_id: 'e1',
      source: 'backfill',
      event_type: 'EDIT',
      created_at: '2026-11-30T10:00:00Z',
      item_type: 'file',
      item_id: 'f0',
      item_name: 'f0.txt',
      actor_login: null,
      json: '{}',
    });
  });
  store.close();
}

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'bcc-doctor-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

describe('box-companion doctor', () => {
  it('on a healthy store exits 0 and prints the counts', () => {
    smallStore();
    const human = doctor();
    expect(human.status).toBe(0);
    expect(human.stdout).toContain('Folders: 1 listed of 1');
    expect(human.stdout).toContain('Files: 4 found, 2 scanned, 1 queued, 1 failed, 0 not scanned');
    expect(human.stdout).toContain('Inspection pending: 1');
    expect(human.stdout).toContain('Healthy.');
    const json = doctor('--json');
    expect(json.status).toBe(0);
    const lines = json.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      healthy: true,
      problems: [],
      schemaVersion: SCHEMA_VERSION,
      counts: {
        users: 1,
        reachable: 1,
        folders: 1,
        listed: 1,
        files: 4,
        queued: 1,
        done: 2,
        failed: 1,
        notScanned: 0,
        inspectionPending: 1,
        events: 1,
        backfillEvents: 1,
      },
    });
  });

  it('on a store with garbage over its middle exits 1 with the integrity error', () => {
    seedScale(dbPath(), { users: 100, files: 20_000 });
    new ScanStore(dbPath()).close(); // checkpoint: every page in the main file
    const size = statSync(dbPath()).size;
    const fd = openSync(dbPath(), 'r+');
    writeSync(fd, Buffer.alloc(64 * 1024, 0xa5), 0, 64 * 1024, Math.floor(size / 2 / 4096) * 4096);
    closeSync(fd);
    const run = doctor('--json');
    expect(run.status).toBe(1);
    const result = JSON.parse(run.stdout.trim()) as { healthy: boolean; problems: string[] };
    expect(result.healthy).toBe(false);
    expect(result.problems.join('\n')).toMatch(/integrity check failed|malformed|not a database/i);
  });

  it('on counters that drifted from the rows exits 1 naming the counter', () => {
    smallStore();
    const raw = openRawScanDb(dbPath());
    raw.exec('UPDATE counters SET files = files + 5');
    raw.close();
    const run = doctor();
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('counter files says 9 but the store holds 4');
  });

  it('on per-user counts that drifted from the files exits 1 naming the user', () => {
    smallStore();
    const raw = openRawScanDb(dbPath());
    raw.exec("UPDATE owner_counts SET scanned = scanned + 1 WHERE owner_id = 'u1'");
    raw.close();
    const run = doctor();
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('the per-user file counts differ from the files for u1');
  });

  it('on a schema version it does not know exits 1', () => {
    smallStore();
    const raw = openRawScanDb(dbPath());
    raw.pragma('user_version = 42');
    raw.close();
    const run = doctor();
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`schema version 42 is newer than this app knows (${SCHEMA_VERSION})`);
  });

  it('on a store of the last release (no schema version) exits 0 with its counts, noting the coming migration', () => {
    const raw = new Database(dbPath());
    lastRelease(raw);
    raw.exec(
      "INSERT INTO files(id, name, ext, folder_id, owner_id, state, priority, seq) VALUES ('f1', 'a.txt', 'txt', '0', 'u1', 1, 1, 1)",
    );
    raw.close();
    const run = doctor('--json');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout.trim())).toMatchObject({
      healthy: true,
      schemaVersion: 0,
      counts: { files: 1, done: 1 },
      notes: [expect.stringContaining('the next scan migrates it')],
    });
  });

  it('with no store exits 1 saying so', () => {
    const run = doctor();
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('no scan store at');
  });
});
