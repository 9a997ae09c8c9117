/**
 * Issue 17 acceptance 4, measured: an action over `changes` files with the sandbox limiting to
 * `rate` requests a second and the runner's scheduler set to the same limit. The apply is paused
 * part-way (how long until nothing more is sent), then resumed to the end. Figures: requests a
 * second over the time applying / the limit, 429s, and the pause's delay.
 */
import type { ActionRun, Policy } from '../../common/policy/types';
import { POLICY_FORMAT } from '../../common/policy/types';
import type { RunnerWorld } from './governance-world';
import { requestLog, requestsBetween } from './sandbox-truth';

/** The policy the rate is measured with: open links, removed. */
export const OPEN_LINKS: Policy = {
  format: POLICY_FORMAT,
  id: 'rate-open-links',
  name: 'Open links (rate)',
  filter: { accessLevels: ['Public (Internet)'] },
  action: { name: 'remove-shared-link' },
};

export interface RateFigures {
  changes: number;
  applied: number;
  requests: number;
  requestsPerSecond: number;
  /** requestsPerSecond / rate. */
  ofLimit: number;
  rateLimited: number;
  pauseMs: number;
  /** Changes made after the pause was asked for, to files not yet started then (target 0). */
  startedAfterPause: number;
  /** What the sandbox answered while applying (its own log): requests per change, per route per change. */
  sandbox: { requestsPerChange: number; perChange: Record<string, number>; rateLimited: number };
}

/** Resolves with the first progress of `runId` that satisfies `pred`. */
function progressWhere(
  listeners: Set<(r: ActionRun) => void>,
  runId: string,
  pred: (r: ActionRun) => boolean,
): Promise<ActionRun> {
  return new Promise((resolve) => {
    const l = (r: ActionRun) => {
      if (r.runId !== runId || !pred(r)) return;
      listeners.delete(l);
      resolve(r);
    };
    listeners.add(l);
  });
}

export async function measureGovernanceRate(
  world: RunnerWorld,
  o: { changes: number; rate: number },
): Promise<RateFigures> {
  world.policies.save(OPEN_LINKS);
  const listeners = new Set<(r: ActionRun) => void>();
  const service = world.service({
    rateLimitPerSecond: o.rate,
    concurrency: 4,
    onProgress: (r) => listeners.forEach((l) => l(r)),
  });
  const runner = await service.runner();
  const all = runner.plan('rate-open-links');
  const fileIds = runner.audit.changes(all.runId, 0, o.changes).entries.map((c) => c.fileId);
  if (fileIds.length < o.changes) throw new Error(`only ${fileIds.length} open links to change (${o.changes} wanted)`);
  runner.cancel(all.runId);
  const run = runner.plan('rate-open-links', undefined, { fileIds });
  await world.post('/limits', { rate_limit_per_second: o.rate });
  const scheduler = service.scheduler!;
  const base = { ...scheduler.stats };
  const logBefore = await requestLog(world.ctl);

  const t0 = performance.now();
  const first = runner.apply(run.runId, run.counts.planned);
  await progressWhere(listeners, run.runId, (r) => r.counts.applied >= Math.floor(o.changes / 3));
  const asked = performance.now();
  runner.pause(run.runId);
  // Not yet started when the pause was asked for: none of these may be changed before the resume.
  const waiting = new Set(runner.audit.entriesIn(run.runId, ['planned']).map((e) => e.actionId));
  await first.done;
  const pauseMs = performance.now() - asked;
  const startedAfterPause = runner.audit
    .entriesIn(run.runId, ['applied'])
    .filter((e) => waiting.has(e.actionId)).length;

  const resumedAt = performance.now();
  const final = await runner.resume(run.runId).done;
  const seconds = (asked - t0 + (performance.now() - resumedAt)) / 1000;
  const requests = scheduler.stats.total - base.total;
  const requestsPerSecond = requests / seconds;
  const answered = requestsBetween(logBefore, await requestLog(world.ctl));
  await world.post('/limits', { rate_limit_per_second: 0 });
  return {
    changes: o.changes,
    applied: final.counts.applied,
    requests,
    requestsPerSecond,
    ofLimit: requestsPerSecond / o.rate,
    rateLimited: scheduler.stats.rateLimited - base.rateLimited,
    pauseMs,
    startedAfterPause,
    sandbox: {
      requestsPerChange: answered.total / final.counts.applied,
      perChange: Object.fromEntries(
        Object.entries(answered.byRoute).map(([route, n]) => [route, Number((n / final.counts.applied).toFixed(2))]),
      ),
      rateLimited: answered.rateLimited,
    },
  };
}
