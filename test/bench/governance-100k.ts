/**
 * Issue 17, acceptance 1 at full size: the CLI scans a 100,000-file sandbox of real documents
 * (seed 1400, 200 users: the #14 bench's enterprise). Then each template's match count (the
 * live table the matcher keeps, the CLI's `policy list --json`, the editor's preview) is held
 * against a count computed from the sandbox's ground truth (test/helpers/template-truth.ts);
 * "remove the shared link" is applied to the public files with card numbers; the whole truth
 * before and after shows exactly those files changed; the audit log has one row per file and
 * admin_logs one UNSHARE per file; undoing the run puts every link's access level back.
 * The same checks as the CI tests at 3,000 files (templates-truth, governance/runner).
 * Run: node test/helpers/with-keyring.mjs npx tsx test/bench/governance-100k.ts [files]
 *      (or BCC_BENCH_FILES=5000); exits 1 when a figure misses its target.
 */
import { TEMPLATES } from '../../common/policy/templates';
import type { TemplateId } from '../../common/policy/types';
import type { GovernanceRunner } from '../../main/core/governance/runner';
import { PolicyService } from '../../main/core/policy/policy-service';
import { scanDbPath } from '../../main/core/scan/engine';
import { ScanStore } from '../../main/core/scan/store/scan-store';
import { cli, runnerWorld, type RunnerWorld } from '../helpers/governance-world';
import { changedFiles, eventsBetween, type AdminEvent, type TruthEntry } from '../helpers/sandbox-truth';
import { expectedMatches, type TemplateTruthFile } from '../helpers/template-truth';
import { figure } from './scan-support';

const files = Number(process.argv[2] ?? process.env.BCC_BENCH_FILES ?? 100_000);
const held: boolean[] = [];
const check = (name: string, value: number | string, target: string, holds: boolean | null) =>
  held.push(figure(name, value, target, holds).holds !== false);
const seconds = (t0: number) => Number(((performance.now() - t0) / 1000).toFixed(1));

/** Resolves once `done()` holds, checked every 100 ms (a condition, not a fixed sleep). */
async function until(done: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The templates' ids per the truth: the files the scan can reach, read the way the templates mean. */
async function truthMatches(world: RunnerWorld, truth: Map<string, TruthEntry>): Promise<Record<TemplateId, string[]>> {
  const users = await world.ctl<{ users: Array<{ id: string; external: boolean }> }>('/truth');
  const external = new Set(users.users.filter((u) => u.external).map((u) => u.id));
  return expectedMatches(truth.values() as Iterable<unknown> as Iterable<TemplateTruthFile>, external);
}

/**
 * The live table as the app's core keeps it: a matcher on the scan store takes every file the
 * CLI's scan queued (policy_dirty), as it would have during the scan; plus its preview counts.
 */
async function liveCounts(world: RunnerWorld): Promise<{ live: Map<string, number>; preview: Map<string, number> }> {
  const store = new ScanStore(scanDbPath(world.connected.home));
  const service = new PolicyService({
    home: world.connected.home,
    db: () => store.writer(),
    reader: () => store.reader(),
    emitMatches: () => undefined,
    emitAlerts: () => undefined,
  });
  try {
    const t0 = performance.now();
    service.start();
    const dirty = store.reader().prepare('SELECT COUNT(*) n FROM policy_dirty');
    await until(() => (dirty.get() as { n: number }).n === 0, 1_800_000);
    console.log(`live matcher took the scan's ${files.toLocaleString('en-US')} files in ${seconds(t0)} s`);
    const live = new Map(TEMPLATES.map((t) => [t.id, service.matcher.countsOf(t.id).matches]));
    const preview = new Map<string, number>();
    for (const t of TEMPLATES)
      preview.set(t.id, (await service.preview(t.policy.filter, { offset: 0, limit: 1 })).total);
    return { live, preview };
  } finally {
    service.stop();
    store.close();
  }
}

/** The CLI's `policy list --json`: one object per policy with its matches now. */
async function cliCounts(world: RunnerWorld): Promise<Map<string, number | null>> {
  const r = await cli(world.connected.home, ['policy', 'list', '--json']);
  if (r.code !== 0) throw new Error(`policy list failed (${r.code}): ${r.stderr}`);
  const rows = r.stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { id: string; matches: number | null });
  return new Map(rows.map((x) => [x.id, x.matches]));
}

async function templateCounts(world: RunnerWorld, expected: Record<TemplateId, string[]>): Promise<void> {
  const { live, preview } = await liveCounts(world);
  const onePass = await cliCounts(world);
  console.log(`\nIssue 17 acceptance 1: each template's matches on ${files.toLocaleString('en-US')} files`);
  for (const t of TEMPLATES) {
    const want = expected[t.id].length;
    const got = [live.get(t.id), onePass.get(t.id), preview.get(t.id)];
    check(
      `${t.id}: live table / policy list --json / preview (truth ${want})`,
      got.join(' / '),
      `each = ${want}, > 0`,
      want > 0 && got.every((n) => n === want),
    );
  }
}

/** Every planned change of a run, read 10,000 at a time. */
function plannedFiles(runner: GovernanceRunner, runId: string): string[] {
  const out: string[] = [];
  for (let offset = 0; ; offset += 10_000) {
    const page = runner.audit.changes(runId, offset, 10_000);
    out.push(...page.entries.map((c) => c.fileId));
    if (offset + 10_000 >= page.total) return out;
  }
}

/** How many of `events` fall on each file. */
function perFile(events: AdminEvent[], type: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of events) if (e.event_type === type) out.set(e.source.item_id, (out.get(e.source.item_id) ?? 0) + 1);
  return out;
}

/** Planned files with exactly one event of the kind, and events on files not planned. */
function eventFigures(label: string, events: AdminEvent[], type: string, planned: Set<string>): void {
  const counts = perFile(events, type);
  const once = [...planned].filter((id) => counts.get(id) === 1).length;
  const stray = events.filter((e) => e.source.item_type !== 'file' || !planned.has(e.source.item_id)).length;
  check(`${label}: planned files with exactly one ${type} event`, once, `= ${planned.size}`, once === planned.size);
  check(`${label}: admin_logs events on anything but the planned files`, stray, '= 0', stray === 0);
  console.log(`   (${events.length} events in admin_logs over the ${label}, by type: ${typeSummary(events)})`);
}

function typeSummary(events: AdminEvent[]): string {
  const by = new Map<string, number>();
  for (const e of events) by.set(e.event_type, (by.get(e.event_type) ?? 0) + 1);
  return [...by].map(([t, n]) => `${t} ${n}`).join(', ') || 'none';
}

/** The audit log of the run: one row per file, each applied (or, after the undo, undone). */
function auditFigures(runner: GovernanceRunner, runId: string, planned: Set<string>, state: string): void {
  const log = runner.audit.auditPage({ runId, offset: 0, limit: planned.size + 10 });
  const distinct = new Set(log.entries.map((e) => e.fileId));
  const inState = log.entries.filter((e) => e.state === state).length;
  check(
    `audit rows of the run (${state})`,
    `${log.total} rows, ${distinct.size} files, ${inState} ${state}`,
    `= ${planned.size} each`,
    log.total === planned.size && distinct.size === planned.size && inState === planned.size,
  );
}

/** Files whose link's access level (as set, and in effect) differs between two truths. */
function linksDiffering(before: Map<string, TruthEntry>, after: Map<string, TruthEntry>): number {
  let n = 0;
  for (const [id, b] of before) {
    const a = after.get(id);
    if (a?.shared !== b.shared || a?.shared_effective !== b.shared_effective) n++;
  }
  return n;
}

interface Planned {
  runId: string;
  ids: Set<string>;
  before: Map<string, TruthEntry>;
}

/** The dry run: exactly the truth's files, and nothing changed in Box. */
async function planFigures(world: RunnerWorld, runner: GovernanceRunner, truthIds: string[]): Promise<Planned> {
  const before = await world.truth();
  const t0 = performance.now();
  const plan = runner.plan('public-card-numbers');
  const ids = new Set(plannedFiles(runner, plan.runId));
  const planSeconds = seconds(t0);
  const missing = truthIds.filter((id) => !ids.has(id)).length;
  const extra = ids.size - (truthIds.length - missing);
  console.log(`\nIssue 17 acceptance 1: remove the shared link from the public files with card numbers`);
  check(
    'plan: files planned (truth count)',
    `${ids.size} (${truthIds.length})`,
    'equal, > 0',
    ids.size === truthIds.length && ids.size > 0,
  );
  check(
    'plan: truth files not planned / planned files not in the truth',
    `${missing} / ${extra}`,
    '0 / 0',
    missing === 0 && extra === 0,
  );
  const byDryRun = changedFiles(before, await world.truth()).length;
  check('dry run: files changed in the truth', byDryRun, '= 0', byDryRun === 0);
  check('time: dry run (s)', planSeconds, 'printed', null);
  return { runId: plan.runId, ids, before };
}

/** The apply: exactly the planned files changed in the whole truth, one audit row and one UNSHARE each. */
async function applyFigures(world: RunnerWorld, runner: GovernanceRunner, p: Planned): Promise<string> {
  const since = new Date().toISOString();
  const t0 = performance.now();
  const applied = await runner.apply(p.runId, p.ids.size).done;
  check('time: apply (s)', seconds(t0), 'printed', null);
  const appliedAt = new Date().toISOString();
  const { counts } = applied;
  check(
    'apply: run state, applied / skipped / failed',
    `${applied.state}, ${counts.applied} / ${counts.skipped} / ${counts.failed}`,
    `done, ${p.ids.size} / 0 / 0`,
    applied.state === 'done' && counts.applied === p.ids.size && counts.skipped + counts.failed === 0,
  );
  const after = await world.truth();
  const changed = changedFiles(p.before, after);
  const unplanned = changed.filter((id) => !p.ids.has(id)).length;
  const stillOpen = [...p.ids].filter((id) => after.get(id)?.shared_effective !== null).length;
  check('truth: files changed (planned)', `${changed.length} (${p.ids.size})`, 'equal', changed.length === p.ids.size);
  check('truth: files changed that were not planned (whole truth before vs after)', unplanned, '= 0', unplanned === 0);
  check('truth: planned files still with a link', stillOpen, '= 0', stillOpen === 0);
  auditFigures(runner, p.runId, p.ids, 'applied');
  eventFigures('apply', await eventsBetween(world.ctl, since, appliedAt), 'UNSHARE', p.ids);
  return appliedAt;
}

/** The undo: every link's access level as before, nothing else touched, one SHARE each. */
async function undoFigures(world: RunnerWorld, runner: GovernanceRunner, p: Planned, appliedAt: string): Promise<void> {
  const t0 = performance.now();
  const undo = await runner.undoRun(p.runId).done;
  check('time: undo (s)', seconds(t0), 'printed', null);
  check(
    'undo: links re-created / failed',
    `${undo.counts.applied} / ${undo.counts.failed}`,
    `${p.ids.size} / 0`,
    undo.counts.applied === p.ids.size && undo.counts.failed === 0,
  );
  const restored = await world.truth();
  const differing = linksDiffering(p.before, restored);
  check('undo: links whose access level differs from before (all files)', differing, '= 0', differing === 0);
  const otherwise = changedFiles(p.before, restored).filter((id) => !p.ids.has(id)).length;
  check('undo: files not planned whose truth changed', otherwise, '= 0', otherwise === 0);
  auditFigures(runner, p.runId, p.ids, 'undone');
  eventFigures('undo', await eventsBetween(world.ctl, appliedAt), 'SHARE', p.ids);
}

const t0 = performance.now();
const world = await runnerWorld({ seed: 1400, files, users: 200 });
try {
  console.log(`sandbox of ${files.toLocaleString('en-US')} files signed in and scanned by the CLI in ${seconds(t0)} s`);
  check('time: scan (s)', Number(world.scanSeconds.toFixed(1)), 'printed', null);
  for (const t of TEMPLATES) if (!world.policies.get(t.id)) world.policies.save(t.policy);
  const expected = await truthMatches(world, await world.truth());
  await templateCounts(world, expected);
  const runner = await world.service().runner();
  const planned = await planFigures(world, runner, expected['public-card-numbers']);
  await undoFigures(world, runner, planned, await applyFigures(world, runner, planned));
} finally {
  await world.close();
}
if (held.some((h) => !h)) process.exitCode = 1;
console.log(held.every(Boolean) ? '\nall figures hold' : '\nsome figures miss their target');
