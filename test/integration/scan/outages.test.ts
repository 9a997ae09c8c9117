/**
 * Issue 13, acceptance 3. Before the fix an outage took the same path as a refusal (files
 * Failed once the scheduler's retries ran out), and an item that fails forever was retried
 * forever, so `--until-idle` never returned.
 * - The sandbox drops every request for 60 s mid-scan: the scan backs off, resumes by itself and
 *   finishes with no file Failed.
 * - One folder answers 500 forever: after its retries it is given up with the reason, every file
 *   known beneath it is "not scanned" with that reason, and the scan reaches idle.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ScanProgress } from '../../../common/scan/types';
import { scanRig, truthJson, waitForProgress, type ScanRig } from './support';

let rig: ScanRig | null = null;

afterEach(async () => {
  await rig?.cleanup();
  rig = null;
});

async function control(r: ScanRig, path: string, body: unknown): Promise<void> {
  const res = await fetch(`${r.sandbox.info.controlUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
}

describe('outages and items that fail forever', () => {
  it('a 60-second outage mid-scan: the scan resumes by itself and fails no file', async () => {
    rig = await scanRig({ files: 4000, users: 12, seed: 23 });
    await control(rig, '/faults', { latency_ms: 5 });
    const engine = rig.engine({ concurrency: 8 });
    const run = engine.start({ days: 7 }, true);
    await waitForProgress(engine, (p) => p.files.scanned >= 800);
    await control(rig, '/outage', { seconds: 60 });
    const outageStarted = performance.now();
    // While Box cannot be reached the scan says so, and counts no file as Failed.
    const during = await waitForProgress(engine, (p) => /cannot be reached/.test(p.message ?? ''));
    expect(during.files.failed).toBe(0);
    await run;
    expect(performance.now() - outageStarted).toBeGreaterThanOrEqual(55_000);
    const last: ScanProgress = engine.snapshot();
    const truth = await truthJson<{ counts: { files: number } }>(rig, '/truth');
    expect(last.files.discovered).toBe(truth.counts.files);
    expect(last.files.failed).toBe(0);
    expect(last.files.scanned + last.files.notScanned).toBe(truth.counts.files);
    expect(engine.store.failedItems()).toEqual([]);
  }, 240_000);

  it('a folder answering 500 forever: given up with its reason, its known files not scanned, and the scan reaches idle', async () => {
    rig = await scanRig({ files: 2000, users: 8, seed: 24 });
    const files = (
      await truthJson<{ entries: Array<{ id: string; folder_id: string }> }>(rig, '/truth/files?limit=2000')
    ).entries;
    const byFolder = new Map<string, string[]>();
    for (const f of files) byFolder.set(f.folder_id, [...(byFolder.get(f.folder_id) ?? []), f.id]);
    const [folderId, beneath] = [...byFolder.entries()]
      .filter(([id]) => id !== '0')
      .sort((a, b) => b[1].length - a[1].length)[0]!;
    // A first scan knows every file; then the folder breaks and everything is scanned again.
    // (The scheduler's own retries cut to one, so the engine's attempts come quickly.)
    const engine = rig.engine({ maxRetries: 1 });
    await engine.start({ none: true }, true);
    expect(engine.snapshot().files.scanned + engine.snapshot().files.notScanned).toBe(files.length);
    await control(rig, '/faults', { fail_items: [{ type: 'folder', id: folderId }] });
    await engine.rescanAll();
    await engine.start({ none: true }, true);
    const failed = engine.store.failedItems();
    expect(failed.map((i) => [i.kind, i.id])).toContainEqual(['folder', folderId]);
    expect(failed.find((i) => i.id === folderId)?.reason).toMatch(/500|internal/i);
    for (const id of beneath) {
      const row = engine.store.file(id)!;
      expect(row.error ?? row.reason ?? '', id).toMatch(/could not be listed/);
    }
    const last = engine.snapshot();
    expect(last.files.scanned + last.files.notScanned + last.files.failed).toBe(files.length);
    expect(last.files.queued).toBe(0);
  }, 180_000);
});
