/**
 * Issue 13, acceptance 1: findings exported again and again while a scan runs (the sandbox at
 * 50 ms a request) never break the scan. Before the fix the export held an open SQLite iterator
 * on the engine's own connection, so every write meanwhile threw "connection is busy": listing
 * pages, results and live events were dropped and slots died. Driven through the harness (the
 * core in its own process), as the dashboard's Export buttons drive it.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanProgress } from '../../../common/scan/types';
import { connectToSandbox, type Connected } from '../../helpers/connected';
import { startHarnessClient, type HarnessClient } from '../../helpers/harness-client';

const FILES = 20_000;
let connected: Connected;
let harness: HarnessClient;

const finished = (p: ScanProgress) =>
  p.phase === 'live' && p.backfill.done && p.files.queued === 0 && p.files.inspectionPending === 0;

beforeAll(async () => {
  connected = await connectToSandbox({ files: FILES, users: 20, seed: 13, mix: 'metadata' });
  await fetch(`${connected.sandbox.info.controlUrl}/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ latency_ms: 50 }),
  });
  harness = await startHarnessClient(connected.home);
}, 60_000);

afterAll(async () => {
  await harness?.close();
  await connected?.cleanup();
});

describe('exports during a scan', () => {
  it('ten exports while the scan runs: the scan completes, every file is accounted for, no error is logged', async () => {
    await harness.call<ScanProgress>('startScan', { days: 7 });
    const exports: Array<{ path: string; format: string; files: number }> = [];
    // Spread over the scan: the i-th export starts once about i/12 of the files are scanned, so
    // the later ones stream thousands of rows while the engine writes.
    for (let i = 0; i < 10; i++) {
      let status = await harness.call<ScanProgress>('getScanStatus');
      while (status.files.scanned < (i * FILES) / 12 && !finished(status)) {
        await new Promise((resolve) => setTimeout(resolve, 100)); // polling a status, not waiting for it
        status = await harness.call<ScanProgress>('getScanStatus');
      }
      expect(finished(status), 'the scan must still be running during the exports (make it slower)').toBe(false);
      exports.push(await harness.call('exportFindings', { format: i % 2 === 0 ? 'csv' : 'json' }));
    }
    const deadline = Date.now() + 180_000;
    let last = await harness.call<ScanProgress>('getScanStatus');
    while (!finished(last) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250)); // polling a status, not waiting for it
      last = await harness.call<ScanProgress>('getScanStatus');
    }
    expect(finished(last), JSON.stringify(last.files)).toBe(true);
    expect(last.files.discovered).toBe(FILES);
    expect(last.files.scanned + last.files.notScanned + last.files.failed).toBe(FILES);
    expect(last.message).toBeNull();
    // Every export is whole and readable.
    for (const e of exports) {
      const text = readFileSync(e.path, 'utf8');
      if (e.format === 'json') expect((JSON.parse(text) as unknown[]).length).toBe(e.files);
      else expect(text.trimEnd().split('\r\n').length).toBe(e.files + 1);
    }
    expect(
      harness
        .stderr()
        .split('\n')
        .filter((line) => /error|busy|fail/i.test(line)),
    ).toEqual([]);
  }, 240_000);
});
