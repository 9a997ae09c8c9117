/**
 * A 5xx storm during the steps before the work slots (issue 13, review finding 10). The users
 * step and the backfill each ran under one key that never made an outage, so after five
 * attempts the whole scan stopped with phase "error". Now the users step waits the storm out,
 * and a backfill that keeps failing is left for the next run while the scan goes on (and says so).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS } from '../../../main/core/scan/failures';
import { scanRig, waitForProgress, type ScanRig } from './support';

let rig: ScanRig | null = null;
afterEach(async () => {
  await rig?.cleanup();
  rig = null;
});

async function faults(r: ScanRig, body: unknown): Promise<void> {
  const res = await fetch(`${r.sandbox.info.controlUrl}/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`faults: ${res.status} ${await res.text()}`);
}

describe('a 5xx storm before the work slots start', () => {
  it('during the users step: the scan waits it out and finishes', async () => {
    rig = await scanRig({ files: 300, users: 5, seed: 10 });
    await faults(rig, { error_rate: 1 });
    const engine = rig.engine({ concurrency: 4, maxRetries: 0 });
    const run = engine.start({ none: true }, true);
    run.catch(() => undefined);
    // More failed attempts at the users than an item gets.
    await expect
      .poll(() => engine.scheduler.stats.byKind.users ?? 0, { timeout: 30_000, interval: 100 })
      .toBeGreaterThan(MAX_ATTEMPTS);
    expect(engine.snapshot().phase).toBe('users');
    await faults(rig, { error_rate: 0 });
    await run;
    const p = engine.snapshot();
    expect(p.files.discovered).toBeGreaterThan(0);
    expect(p.files.queued).toBe(0);
  }, 60_000);

  it('during the backfill: the scan goes on without it, says so, and finishes', async () => {
    rig = await scanRig({ files: 300, users: 5, seed: 11 });
    await faults(rig, { latency_ms: 100 });
    const engine = rig.engine({ concurrency: 4, maxRetries: 0 });
    const run = engine.start({ days: 7 }, true);
    run.catch(() => undefined);
    await waitForProgress(engine, (p) => p.phase === 'backfill');
    await faults(rig, { error_rate: 1, latency_ms: 0 });
    const without = await waitForProgress(engine, (p) => /backfill could not be read/.test(p.message ?? ''));
    expect(without.message).toMatch(/HTTP 50\d/);
    await faults(rig, { error_rate: 0 });
    await run;
    const p = engine.snapshot();
    expect(p.phase).toBe('stopped');
    expect(p.files.queued).toBe(0);
    expect(p.files.scanned + p.files.failed + p.files.notScanned).toBe(p.files.discovered);
  }, 90_000);
});
