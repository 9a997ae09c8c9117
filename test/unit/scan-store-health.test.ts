/**
 * `doctor` while a scan runs: the store's health is read from one snapshot, so rows a scan
 * commits meanwhile never show as counter drift. A real second writer (a worker thread with its
 * own connection, committing small transactions as fast as it can, the way a scan does) runs
 * while the health is checked; every check must find the store healthy.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { checkStore } from '../../main/core/scan/store/health';
import { seedScale } from '../helpers/scan-store-seed';
import { openTempScanStore, type TempScanStore } from '../helpers/temp-scan-store';

let temp: TempScanStore;

beforeEach(() => {
  temp = openTempScanStore('bcc-health-');
  seedScale(temp.path, { users: 200, files: 60_000 });
});
afterEach(() => temp.remove());

/** Inserts a file per transaction until told to stop; posts 'writing' after its first commits. */
const WRITER = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.sqlite);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 5000');
const insert = db.prepare("INSERT INTO files(id, name, ext, folder_id, owner_id, state, priority, seq) VALUES (?, 'w.txt', 'txt', 'd0', 'u1', 0, 1, ?)");
const stop = new Int32Array(workerData.stop);
let i = 0;
while (Atomics.load(stop, 0) === 0) {
  db.transaction(() => insert.run('w' + i, 1000000 + i))();
  if (++i === 50) parentPort.postMessage('writing');
}
db.close();
parentPort.postMessage('done');
`;

it('finds no counter drift while another connection keeps committing', async () => {
  const stop = new SharedArrayBuffer(4);
  const sqlite = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WRITER, { eval: true, workerData: { path: temp.path, sqlite, stop } });
  const finished = new Promise<void>((resolve, reject) => {
    worker.on('message', (m) => m === 'done' && resolve());
    worker.on('error', reject);
  });
  await new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
  });
  try {
    const problems = Array.from({ length: 8 }, () => checkStore(temp.path).problems).flat();
    expect(problems).toEqual([]);
  } finally {
    Atomics.store(new Int32Array(stop), 0, 1);
    await finished;
  }
  expect(checkStore(temp.path)).toMatchObject({
    healthy: true,
    counts: expect.objectContaining({ files: expect.any(Number) }),
  });
}, 60_000);
