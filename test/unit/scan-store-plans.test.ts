/**
 * The task picker's and progress's reads go through indexes, never a full read of users,
 * folders or files (20,000 users made every pick read and sort the whole users table). Checked
 * on SQLite's own query plans, on a store with enough rows for the planner to choose honestly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GIVE_UP_SQL, PICK_SQL, RETRY_SQL, SUBTREE_SQL } from '../../main/core/scan/store/statements';
import { openTempScanStore, type TempScanStore } from '../helpers/temp-scan-store';
import { seedScale } from '../helpers/scan-store-seed';
import { openRawScanDb } from '../helpers/raw-scan-db';

let temp: TempScanStore;

beforeAll(() => {
  temp = openTempScanStore('bcc-plans-');
  seedScale(temp.path, { users: 2_000, files: 20_000 });
  const raw = openRawScanDb(temp.path);
  raw.exec('ANALYZE');
  raw.close();
});
afterAll(() => temp.remove());

function plan(sql: string): string[] {
  const named = [...sql.matchAll(/@(\w+)/g)].map((m) => m[1]!);
  const params = named.length ? [Object.fromEntries(named.map((n) => [n, 1]))] : (sql.match(/\?/g) ?? []).map(() => 1);
  return (
    temp.store
      .reader()
      .prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .all(...params) as Array<{ detail: string }>
  ).map((r) => r.detail);
}

/** A full pass over a table: "SCAN users" without an index (a covering index scan is named too). */
function fullScans(details: string[]): string[] {
  return details.filter((d) => /^SCAN (users|folders|files|events)\b/.test(d) && !/USING (COVERING )?INDEX/.test(d));
}

describe('query plans', () => {
  for (const [name, sql] of Object.entries(PICK_SQL)) {
    it(`${name} reads through an index`, () => {
      expect({ name, scans: fullScans(plan(sql)), sorts: plan(sql).filter((d) => d.includes('TEMP B-TREE')) }).toEqual({
        name,
        scans: [],
        sorts: [],
      });
    });
  }

  it('the next user to list comes from users_roots, in order', () => {
    expect(plan(PICK_SQL.nextUsers).join('\n')).toMatch(/users USING INDEX users_roots/);
  });

  it('the queue head comes from files_queue', () => {
    expect(plan(PICK_SQL.head).join('\n')).toMatch(/files USING INDEX files_queue/);
  });

  for (const [name, sql] of Object.entries({
    ...GIVE_UP_SQL,
    failedItems: RETRY_SQL.failedItems,
    subtreeCounts: SUBTREE_SQL.subtreeCounts,
  })) {
    it(`${name} walks only what it changes, through indexes`, () => {
      expect({ name, scans: fullScans(plan(sql)) }).toEqual({ name, scans: [] });
    });
  }
});
