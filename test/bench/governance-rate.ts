/**
 * Governance benchmark, issue 17 acceptance 4: "remove the shared link" on 5,000 files under
 * --rate-limit 20 (the sandbox's and the runner's), with 50 ms of latency: the share of the
 * limit kept, the 429s, and how long a pause takes to stop it.
 * Run: npx tsx test/bench/governance-rate.ts [changes]   (inside a keyring: with-keyring.mjs)
 */
import { measureGovernanceRate } from '../helpers/governance-rate';
import { runnerWorld } from '../helpers/governance-world';
import { figure } from './scan-support';

const changes = Number(process.argv[2] ?? 5000);
const RATE = 20;
// Open links are a few percent of the files: enough files for the changes wanted.
const world = await runnerWorld({ seed: 1720, files: Math.max(20_000, changes * 25), users: 60, mix: 'metadata' });
try {
  await world.post('/faults', { latency_ms: 50 });
  const f = await measureGovernanceRate(world, { changes, rate: RATE });
  const held = [
    figure(`governance: links removed (${f.requests} requests)`, f.applied, `= ${changes}`, f.applied === changes),
    figure('governance: share of the 20 req/s limit kept', Number(f.ofLimit.toFixed(3)), '≥ 0.90', f.ofLimit >= 0.9),
    figure('governance: 429 answers', f.rateLimited, 'no storm (≤ 2)', f.rateLimited <= 2),
    figure('governance: pause took effect (ms)', Math.round(f.pauseMs), '≤ 1000', f.pauseMs <= 1000),
    figure('governance: changes made after the pause', f.startedAfterPause, '= 0', f.startedAfterPause === 0),
  ];
  // What one change cost, in the sandbox's own log: its read (the file, its collaborations and
  // each folder's above it) and one PUT, whose answer is the state after (no second read).
  const routes = Object.entries(f.sandbox.perChange).map(([route, n]) => `${route} ${n}`);
  figure(
    'governance: requests per change (sandbox log)',
    Number(f.sandbox.requestsPerChange.toFixed(2)),
    routes.join(', '),
    null,
  );
  if (held.some((h) => !h.holds)) process.exitCode = 1;
} finally {
  await world.close();
}
