/**
 * Stop during an outage is prompt (issue 13, review finding 8): the scheduler's retry
 * back-offs (up to 8 retries, ~31–62 s per request) used to ignore the stop, and Stop, Ctrl+C
 * and quitting waited for every slot's retries to run out.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { scanRig, waitForProgress, type ScanRig } from './support';

let rig: ScanRig | null = null;
afterEach(async () => {
  await rig?.cleanup();
  rig = null;
});

describe('stopping while Box cannot be reached', () => {
  it('ends the scan within 2 s, and the stopped run is not an error', async () => {
    rig = await scanRig({ files: 2000, users: 8, seed: 8 });
    const engine = rig.engine({ concurrency: 8 });
    const run = engine.start({ none: true }, true);
    await waitForProgress(engine, (p) => p.files.discovered > 0);
    const res = await fetch(`${rig.sandbox.info.controlUrl}/outage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ seconds: 120 }),
    });
    expect(res.ok).toBe(true);
    // The scheduler is deep in its back-off: several retries of dropped requests.
    await expect.poll(() => engine.scheduler.stats.retries, { timeout: 20_000 }).toBeGreaterThanOrEqual(8 * 3);
    const asked = performance.now();
    await engine.stop();
    expect(performance.now() - asked).toBeLessThan(2_000);
    await expect(run).resolves.toBeUndefined();
    expect(engine.snapshot().phase).toBe('stopped');
  }, 60_000);
});
