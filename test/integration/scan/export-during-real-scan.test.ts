/**
 * Acceptance 1 at the store's level of the stack: the real engine scans the sandbox (with
 * latency) while the findings are exported to files, CSV and JSON five times each. The scan
 * finishes with every file accounted for, none failed, and no error message; every export
 * is whole. (On the old store, each export held the engine's connection busy and its writes threw.)
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { exportFindingsFile } from '../../../main/core/scan/export';
import type { ScanEngine } from '../../../main/core/scan/engine';
import { scanRig, truthJson, waitForProgress, type ScanRig } from './support';

let rig: ScanRig;
let engine: ScanEngine;
beforeAll(async () => {
  rig = await scanRig({ files: 3000, users: 20, seed: 11, latencyMs: 20 });
  engine = rig.engine({ concurrency: 8 });
}, 60_000);
afterAll(async () => rig?.cleanup());

it('finishes the scan with every file accounted for while exports run, and every export is whole', async () => {
  const scan = engine.start({ none: true }, true);
  let finished = false;
  const done = scan.finally(() => (finished = true));
  await waitForProgress(engine, (p) => p.files.discovered > 200);
  const exports: Array<{ path: string; format: 'csv' | 'json'; files: number }> = [];
  for (let i = 0; i < 10; i++) exports.push(await exportFindingsFile(engine.store, rig.dir, i % 2 ? 'json' : 'csv', new Date(Date.UTC(2026, 0, 1, 0, 0, i))));
  expect(finished).toBe(false); // the exports ran during the scan, not after it
  await done;
  const p = engine.snapshot();
  const truth = await truthJson<{ counts: { files: number } }>(rig, '/truth');
  expect(p.files.discovered).toBe(truth.counts.files);
  expect(p.files.scanned + p.files.notScanned + p.files.failed).toBe(p.files.discovered);
  expect(p.files.failed).toBe(0);
  expect(p.message).toBeNull();
  for (const e of exports) {
    const text = readFileSync(e.path, 'utf8');
    const rows = e.format === 'csv' ? text.trim().split('\r\n').length - 1 : (JSON.parse(text) as unknown[]).length;
    expect({ path: e.path, rows }).toEqual({ path: e.path, rows: e.files });
  }
}, 180_000);
