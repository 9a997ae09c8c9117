/**
 * Issue 17 acceptance 4 at CI size (300 changes; `npm run bench` runs 5,000 in
 * test/bench/governance-rate.ts): under a 20 requests/s limit the apply keeps at least 90% of
 * it with no 429 storm, and a pause stops it within 1 s with no change started after it; a link
 * removed costs its read and one PUT (no second read). And with a scan running in the same
 * process, scan and apply share the connection's one scheduler: together they keep to the
 * limit (the sandbox's own log and 429s say so), and pausing the apply leaves the scan going.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionRun } from '../../../common/policy/types';
import { ScanService } from '../../../main/core/scan/scan-service';
import { measureGovernanceRate, OPEN_LINKS } from '../../helpers/governance-rate';
import { runnerWorld, type RunnerWorld } from '../../helpers/governance-world';
import { requestLog, requestsBetween, type RequestLog } from '../../helpers/sandbox-truth';

const RATE = 20;

let world: RunnerWorld;
beforeAll(async () => {
  world = await runnerWorld({ seed: 1719, files: 10_000, users: 20, mix: 'metadata' });
}, 600_000);
afterAll(async () => world?.close());

/** Resolves when `listen`'s events satisfy `pred` (each listener registered once, removed after). */
function eventWhere<T>(on: (l: (v: T) => void) => () => void, pred: (v: T) => boolean): Promise<T> {
  return new Promise((resolve) => {
    const off = on((v) => {
      if (!pred(v)) return;
      off();
      resolve(v);
    });
  });
}

/** `p`, or a failure saying `what` did not happen within `ms`. */
async function within<T>(ms: number, what: string, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(what)), ms)));
  try {
    return await Promise.race([p, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** The busiest second of the log between two reads (whole seconds inside the window only). */
function busiestSecond(a: RequestLog, b: RequestLog): number {
  const first = Math.max(...a.per_second.map((s) => s.second), 0) + 1;
  const last = Math.max(...b.per_second.map((s) => s.second)) - 1;
  const inside = b.per_second.filter((s) => s.second >= first && s.second <= last);
  return Math.max(0, ...inside.map((s) => s.requests));
}

describe('applying under a rate limit (acceptance 4)', () => {
  it('keeps ≥90% of 20 requests/s, no 429 storm, pauses within 1 s; a link removed costs its read + one PUT', async () => {
    const f = await measureGovernanceRate(world, { changes: 300, rate: RATE });
    console.log(`governance rate (CI): ${JSON.stringify(f)}`);
    expect(f.applied).toBe(300);
    expect(f.ofLimit).toBeGreaterThanOrEqual(0.9);
    expect(f.rateLimited).toBeLessThanOrEqual(2);
    expect(f.pauseMs).toBeLessThanOrEqual(1000);
    expect(f.startedAfterPause).toBe(0);
    // The file is read once (before the change) and written once: the PUT's answer is the state after.
    expect(f.sandbox.perChange['PUT /2.0/files/:id']).toBe(1);
    // (a few read again: those caught mid-read by the pause are read again on resume)
    expect(f.sandbox.perChange['GET /2.0/files/:id']).toBeLessThanOrEqual(1.02);
  }, 600_000);

  it('a scan and an apply at once keep to the one limit, and pausing the apply leaves the scan going', async () => {
    const scan = new ScanService(
      world.connected.home,
      world.connected.manager,
      { rateLimitPerSecond: RATE, concurrency: 4 },
      'box-companion scan',
    );
    const runs = new Set<(r: ActionRun) => void>();
    const onRun = (l: (r: ActionRun) => void) => (runs.add(l), () => void runs.delete(l));
    try {
      const service = world.service({
        scheduler: () => scan.scheduler(),
        rateLimitPerSecond: RATE, // its own scheduler's, were it to make one
        concurrency: 4,
        onProgress: (r) => runs.forEach((l) => l(r)),
      });
      world.policies.save(OPEN_LINKS);
      const runner = await service.runner();
      // Files whose link is still open in Box (the scan store still lists those changed above).
      const truth = await world.truth();
      const all = runner.plan(OPEN_LINKS.id);
      const fileIds = runner.audit
        .changes(all.runId, 0, all.counts.planned)
        .entries.map((c) => c.fileId)
        .filter((id) => truth.get(id)?.shared === 'open')
        .slice(0, 40);
      runner.cancel(all.runId);
      expect(fileIds.length).toBe(40);
      const run = runner.plan(OPEN_LINKS.id, undefined, { fileIds });

      await world.post('/limits', { rate_limit_per_second: RATE });
      await scan.rescanAll(); // every file again: the scan keeps sending for the whole test
      const { done: scanDone } = await scan.start({ none: true });
      // The scan's own requests (the scheduler, shared, counts the actions' too, by their kinds).
      const scheduler = scan.engine!.scheduler;
      const scanRequests = () =>
        Object.entries(scheduler.stats.byKind).reduce((n, [kind, k]) => (kind.startsWith('governance') ? n : n + k), 0);
      await expect.poll(scanRequests, { timeout: 60_000 }).toBeGreaterThan(0);
      const before = await requestLog(world.ctl);
      const first = runner.apply(run.runId);
      await within(
        60_000,
        'the apply made no progress',
        eventWhere(onRun, (r) => r.runId === run.runId && r.counts.applied >= 15),
      );
      runner.pause(run.runId);
      await first.done;

      // Paused: the scan goes on sending (one second's worth at least), and no change is made meanwhile.
      const sentAtPause = scanRequests();
      const appliedAtPause = runner.run(run.runId).counts.applied;
      // (a pause used to end the waits of everyone on the scheduler: a shared one stopped the scan)
      await expect.poll(scanRequests, { timeout: 30_000 }).toBeGreaterThanOrEqual(sentAtPause + RATE);
      expect(scan.status()).toMatchObject({ running: true, message: null });
      expect(runner.run(run.runId).counts.applied).toBe(appliedAtPause);

      const final = await runner.resume(run.runId).done;
      const after = await requestLog(world.ctl);
      expect(final.counts.applied).toBe(40);
      const answered = requestsBetween(before, after);
      const seconds = Math.max(...after.per_second.map((s) => s.second)) - before.per_second.at(-1)!.second || 1;
      console.log(
        `scan + apply: ${answered.total} requests in ~${seconds} s, busiest second ${busiestSecond(before, after)}, 429s ${answered.rateLimited}`,
      );
      // One scheduler for both: Box's limit is never hit (the sandbox refused nothing) and no
      // second sends more than the limit allows; two schedulers would each send up to it.
      expect(answered.rateLimited).toBeLessThanOrEqual(2);
      expect(answered.total / seconds).toBeLessThanOrEqual(RATE);
      expect(busiestSecond(before, after)).toBeLessThanOrEqual(RATE + 2);
      expect(answered.byRoute['PUT /2.0/files/:id']).toBe(40);
      await scan.stop();
      await scanDone;
    } finally {
      await world.post('/limits', { rate_limit_per_second: 0 });
      await scan.dispose();
    }
  }, 600_000);
});
