/**
 * The harness runs the core as the desktop app does: in a process of its own, with the
 * harness only relaying the bridge. Needs the built renderer (`npm run build`).
 */
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { measureBridgeLatency, openBridge } from '../../helpers/bridge-latency';
import { startHarness, stopHarness, type Harness } from '../../helpers/harness-process';
import { makeTempHome } from '../../helpers/temp-home';

const built = existsSync('out/renderer/index.html');
if (!built) console.log('harness-split.test.ts: skipped, out/renderer is missing: run `npm run build` first');

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

let temp: ReturnType<typeof makeTempHome>;
let harness: Harness | null = null;

afterEach(async () => {
  if (harness) await stopHarness(harness);
  if (harness && isAlive(harness.corePid)) process.kill(harness.corePid, 'SIGKILL');
  harness = null;
  temp.cleanup();
});

describe.skipIf(!built)('the harness and its core process', () => {
  it('serves the bridge from a separate core process, and stops it on SIGTERM', async () => {
    temp = makeTempHome('bcc-harness-split-');
    harness = await startHarness(temp.home);
    expect(harness.corePid).not.toBe(harness.process.pid);
    expect(isAlive(harness.corePid)).toBe(true);

    const figures = await measureBridgeLatency(harness.url, { calls: 200 });
    console.log(
      `bridge round trip (getAppInfo, idle, harness → core process), 200 calls: p50 ${figures.p50Ms.toFixed(2)} ms, p99 ${figures.p99Ms.toFixed(2)} ms, max ${figures.maxMs.toFixed(2)} ms`,
    );
    expect(figures.calls).toBe(200);

    expect(await stopHarness(harness)).toBe(0);
    await expect.poll(() => isAlive(harness!.corePid), { timeout: 5_000 }).toBe(false);
  });

  it('logs a crashed core process and answers every later call with core_unavailable', async () => {
    temp = makeTempHome('bcc-harness-split-');
    harness = await startHarness(temp.home);
    const bridge = await openBridge(harness.url);
    expect(await bridge.call('getSettings')).toMatchObject({ ok: true });
    process.kill(harness.corePid, 'SIGKILL');
    await expect.poll(() => harness!.stderr(), { timeout: 5_000 }).toMatch(/core process died \(SIGKILL\)/);
    expect(await bridge.call('getAppInfo')).toMatchObject({ ok: false, error: { code: 'core_unavailable' } });
    bridge.close();
  });
});
