/**
 * The scan store at enterprise scale (default 20,000 users, 1,000,000 files, seeded with SQL):
 * what a task pick and a progress snapshot cost now (counters, indexed picks) next to what the
 * same reads cost before (12 COUNT(*), the whole users table read and sorted), and the cost of
 * the counters' triggers on inserts. Prints figures; asserts nothing (see the unit tests).
 * Run: npx tsx test/bench/scan-store-scale.ts [files] [users]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { coverage, notScannedPage } from '../../main/core/scan/store/queries';
import { ScanStore } from '../../main/core/scan/store/scan-store';
import { listedTextFile } from '../helpers/temp-scan-store';
import { seedScale } from '../helpers/scan-store-seed';

const FILES = Number(process.argv[2] ?? 1_000_000);
const USERS = Number(process.argv[3] ?? 20_000);

function median(fn: () => unknown, runs = 51): number {
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    fn();
    t.push(performance.now() - s);
  }
  return t.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

const ms = (v: number) => `${v < 1 ? v.toFixed(3) : v.toFixed(1)} ms`;
const dir = mkdtempSync(join(tmpdir(), 'bcc-store-scale-'));
const path = join(dir, 'scan.sqlite');
try {
  let t = performance.now();
  seedScale(path, { users: USERS, files: FILES });
  console.log(
    `seeded ${USERS.toLocaleString('en')} users, ${FILES.toLocaleString('en')} files in ${ms(performance.now() - t)}`,
  );
  const store = new ScanStore(path);
  const raw = new Database(path, { readonly: true });
  const inFlight = new Set(['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8']);
  console.log(`counts(): ${ms(median(() => store.counts()))}`);
  const oldCounts = [
    'SELECT COUNT(*) n FROM users',
    'SELECT COUNT(*) n FROM users WHERE reachable = 1',
    'SELECT COUNT(*) n FROM folders',
    'SELECT COUNT(*) n FROM folders WHERE state = 1',
    'SELECT COUNT(*) n FROM files',
    'SELECT COUNT(*) n FROM files WHERE state = 0',
    'SELECT COUNT(*) n FROM files WHERE state = 1',
    'SELECT COUNT(*) n FROM files WHERE state = 2',
    'SELECT COUNT(*) n FROM files WHERE state IN (3, 4)',
    'SELECT COUNT(*) n FROM files WHERE inspect = 1',
    'SELECT COUNT(*) n FROM events',
    "SELECT COUNT(*) n FROM events WHERE source = 'backfill'",
  ].map((s) => raw.prepare(s));
  console.log(`  before (12 COUNT(*)): ${ms(median(() => oldCounts.map((s) => s.get()), 5))}`);
  console.log(`nextUserToList(8 in flight): ${ms(median(() => store.nextUserToList(inFlight)))}`);
  const allUsers = raw.prepare('SELECT * FROM users ORDER BY seq');
  console.log(
    `  before (users() then find): ${ms(median(() => (allUsers.all() as Array<{ id: string; reachable: number; root_done: number }>).find((u) => u.reachable && !u.root_done && !inFlight.has(u.id)), 11))}`,
  );
  console.log(`discoveryDone(): ${ms(median(() => store.discoveryDone()))}`);
  console.log(`isMember(): ${ms(median(() => store.isMember('u19999')))}`);
  console.log(`head(500): ${ms(median(() => store.head(500), 21))}`);
  console.log(`failedItems(100): ${ms(median(() => store.failedItems(100), 21))}`);
  console.log(`dashboard coverage (one row per user): ${ms(median(() => coverage(store.reader()), 11))}`);
  const oldCoverage = raw.prepare(
    'SELECT owner_id, COUNT(*) files, SUM(state = 1) scanned, SUM(state = 2) failed, SUM(state IN (3, 4)) not_scanned, SUM(state = 0) queued FROM files GROUP BY owner_id',
  );
  console.log(`  before (GROUP BY over the files): ${ms(median(() => oldCoverage.all(), 5))}`);
  console.log(
    `dashboard not scanned page (${store.counts().notScanned.toLocaleString('en')} not scanned): ${ms(median(() => notScannedPage(store.reader(), 0, 20), 5))}`,
  );
  t = performance.now();
  for (let p = 0; p < 100; p++)
    store.tx(() => {
      for (let i = 0; i < 1000; i++) store.insertListedFile(listedTextFile(`n${p}-${i}`, 'd1'));
    });
  console.log(`insert 100,000 listed files (pages of 1,000, triggers on): ${ms(performance.now() - t)}`);
  t = performance.now();
  store.pruneEvents();
  console.log(`pruneEvents(): ${ms(performance.now() - t)}`);
  t = performance.now();
  await store.rescanAll('periodic rescan');
  console.log(`rescanAll() (every file queued again, counters by trigger): ${ms(performance.now() - t)}`);
  t = performance.now();
  store.reset();
  console.log(`reset() (every row deleted): ${ms(performance.now() - t)}`);
  raw.close();
  store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
