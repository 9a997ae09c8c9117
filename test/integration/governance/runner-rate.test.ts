/**
 * Issue 17 acceptance 4 at CI size (300 changes; `npm run bench` runs 5,000 in
 * test/bench/governance-rate.ts): under a 20 requests/s limit the apply keeps at least 90% of
 * it with no 429 storm, and a pause stops it within 1 s with no change started after it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureGovernanceRate } from '../../helpers/governance-rate';
import { runnerWorld, type RunnerWorld } from '../../helpers/governance-world';

let world: RunnerWorld;
beforeAll(async () => {
  world = await runnerWorld({ seed: 1719, files: 8000, users: 20, mix: 'metadata' });
}, 600_000);
afterAll(async () => world?.close());

describe('applying under a rate limit (acceptance 4)', () => {
  it('keeps ≥90% of 20 requests/s, no 429 storm, and pauses within 1 s', async () => {
    const f = await measureGovernanceRate(world, { changes: 300, rate: 20 });
    console.log(`governance rate (CI): ${JSON.stringify(f)}`);
    expect(f.applied).toBe(300);
    expect(f.ofLimit).toBeGreaterThanOrEqual(0.9);
    expect(f.rateLimited).toBeLessThanOrEqual(2);
    expect(f.pauseMs).toBeLessThanOrEqual(1000);
    expect(f.startedAfterPause).toBe(0);
  }, 600_000);
});
