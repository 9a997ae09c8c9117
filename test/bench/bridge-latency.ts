/**
 * The bridge's round trip while idle: a harness on a fresh home (its core in its own process,
 * as in the desktop app), then getAppInfo 200 times through its WebSocket.
 *   npm run build && node test/helpers/with-keyring.mjs npx tsx test/bench/bridge-latency.ts [calls]
 * The scan benchmarks call measureBridgeLatency(harness.url, …) the same way during a scan.
 */
import { measureBridgeLatency } from '../helpers/bridge-latency';
import { startHarness, stopHarness } from '../helpers/harness-process';
import { makeTempHome } from '../helpers/temp-home';

const calls = Number(process.argv[2] ?? 200);
const temp = makeTempHome('bcc-bench-bridge-');
const harness = await startHarness(temp.home);
try {
  const figures = await measureBridgeLatency(harness.url, { calls });
  console.log(
    `bridge round trip, idle (getAppInfo ×${figures.calls}, harness → core process pid ${harness.corePid}): p50 ${figures.p50Ms.toFixed(2)} ms, p99 ${figures.p99Ms.toFixed(2)} ms, max ${figures.maxMs.toFixed(2)} ms`,
  );
} finally {
  await stopHarness(harness);
  temp.cleanup();
}
