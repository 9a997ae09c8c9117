/**
 * `box-companion policy run ID [--action NAME] [--apply [--confirm COUNT]] [--json]`: the dry
 * run of a policy's action (the plan: every matching file and its exact change), and with
 * --apply the change itself. The `policy` command dispatches its `run` sub-command here.
 */
import { parseArgs } from 'node:util';
import { actionSpecSchema } from '../../../common/policy/schema';
import { ACTION_NAMES, type ActionRun, type ActionSpec } from '../../../common/policy/types';
import type { AuditStore } from '../../core/governance/audit-store';
import { CONFIRM_ABOVE, type GovernanceRunner } from '../../core/governance/runner';
import { EXIT_CODES, parseOrReportUsage, type CliContext } from '../command';
import { NO_KEYCHAIN_EXIT } from './connection-common';
import { describeRun, entryLine, entryRecord, openGovernance } from './governance-common';

export const policyRunUsage = `Usage: box-companion policy run ID [--action NAME] [--access company|collaborators]
         [--login LOGIN] [--apply [--confirm COUNT]] [--rate-limit N] [--concurrency N] [--json]

A dry run unless --apply is given: prints every file the policy matches now (from the scan
store) with the exact change, and the count. Nothing changes in Box.
  --action NAME     ${ACTION_NAMES.join(', ')}
                    (default: the policy's own action); restrict-shared-link takes --access,
                    remove-collaborator takes --login
  --apply           prints the plan, then applies it: each file is read again from Box first,
                    and skipped (the reason logged) if it no longer matches or the change no
                    longer applies
  --confirm COUNT   above ${CONFIRM_ABOVE} files, --apply needs the planned count typed back
  --rate-limit N    Box requests per second to stay under (default: Box's 1,000 a minute)
  --concurrency N   files changed at once (default 4)
  --json            one object per file with its fileId, then {"summary": {"runId", ...}}
Every change is in the audit log (box-companion actions) and can be undone where Box allows
(box-companion undo). An apply stopped by Ctrl+C or a kill resumes when run again with --apply:
each change is made exactly once. Exit codes: 0 done, 1 a file failed or the apply was refused
(no --confirm, not connected), 2 bad command line.`;

interface RunArgs {
  policyId: string;
  action: ActionSpec | undefined;
  apply: boolean;
  confirm: number | undefined;
  rate: number | undefined;
  concurrency: number | undefined;
}

function positiveNumber(value: string | undefined, name: string, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > max) throw new Error(`${name} must be a number above 0 and at most ${max}`);
  return n;
}

function parseActionSpec(
  name: string | undefined,
  access: string | undefined,
  login: string | undefined,
): ActionSpec | undefined {
  if (name === undefined) return undefined;
  const raw = { name, ...(access !== undefined ? { access } : {}), ...(login !== undefined ? { login } : {}) };
  const parsed = actionSpecSchema.safeParse(raw);
  if (!parsed.success)
    throw new Error(
      `--action ${name}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'name'} ${i.message}`).join('; ')}`,
    );
  return parsed.data;
}

export function parseRunArgs(argv: string[]): RunArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: {
      action: { type: 'string' },
      access: { type: 'string' },
      login: { type: 'string' },
      apply: { type: 'boolean' },
      confirm: { type: 'string' },
      'rate-limit': { type: 'string' },
      concurrency: { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new Error('policy run takes one policy id');
  if (values.confirm !== undefined && !values.apply) throw new Error('--confirm goes with --apply');
  const confirm = values.confirm === undefined ? undefined : Number(values.confirm);
  if (confirm !== undefined && (!Number.isInteger(confirm) || confirm < 0))
    throw new Error('--confirm must be the planned count');
  return {
    policyId: positionals[0]!,
    action: parseActionSpec(values.action, values.access, values.login),
    apply: values.apply === true,
    confirm,
    rate: positiveNumber(values['rate-limit'], '--rate-limit', 10_000),
    concurrency: positiveNumber(values.concurrency, '--concurrency', 64),
  };
}

function printPlan(ctx: CliContext, audit: AuditStore, run: ActionRun): void {
  for (let offset = 0; offset < run.counts.planned; offset += 1000)
    for (const c of audit.changes(run.runId, offset, 1000).entries)
      ctx.out.result(
        { fileId: c.fileId, name: c.name, path: c.path, ownerLogin: c.ownerLogin, change: c.change, state: 'planned' },
        `${c.fileId}  ${c.path}/${c.name} (${c.ownerLogin}): ${c.change}`,
      );
}

/** The plan, or the paused / interrupted run of this policy and action that --apply resumes. */
function planOrResume(ctx: CliContext, runner: GovernanceRunner, a: RunArgs): { run: ActionRun; resumed: boolean } {
  const left = a.apply ? runner.resumable(a.policyId, a.action) : undefined;
  if (left) {
    ctx.out.info(
      `Resuming run ${left.runId} (${left.state}) of ${left.counts.planned} files, ${left.counts.applied} applied so far: each change left is made once (see \`actions --run ${left.runId}\`).`,
    );
    return { run: left, resumed: true };
  }
  const run = runner.plan(a.policyId, a.action);
  printPlan(ctx, runner.audit, run);
  ctx.out.info(`${run.counts.planned} files would change (run ${run.runId}).`);
  return { run, resumed: false };
}

async function applyRun(
  ctx: CliContext,
  runner: GovernanceRunner,
  run: ActionRun,
  confirm: number | undefined,
): Promise<ActionRun> {
  const { done } = runner.apply(run.runId, confirm);
  void ctx.stopSignal.then((signal) => {
    ctx.out.info(`${signal}: pausing (no new change starts); run again with --apply to resume`);
    runner.pause(run.runId);
  });
  return done;
}

async function runWith(ctx: CliContext, runner: GovernanceRunner, a: RunArgs): Promise<number> {
  const { run } = planOrResume(ctx, runner, a);
  if (!a.apply) {
    ctx.out.result(
      { summary: { ...run, dryRun: true } },
      `Dry run: ${describeRun(run)}. Nothing changed in Box; add --apply to make the change.`,
    );
    return EXIT_CODES.ok;
  }
  // A resumed run is confirmed again with its own count: a run paused in the app (say, because
  // its filter was wrong) never goes on from a command line that did not name it.
  if (run.counts.planned > CONFIRM_ABOVE && a.confirm !== run.counts.planned) {
    ctx.out.error(
      `This changes ${run.counts.planned} files: run again with --apply --confirm ${run.counts.planned} to confirm the count.`,
      'invalid_argument',
    );
    return EXIT_CODES.failed;
  }
  const final = await applyRun(ctx, runner, run, a.confirm);
  ctx.out.result({ summary: final }, describeRun(final));
  return final.counts.failed > 0 || final.state !== 'done' ? EXIT_CODES.failed : EXIT_CODES.ok;
}

/** `policy run …` (ctx.argv: what follows `run`). */
export async function runPolicyRun(ctx: CliContext): Promise<number> {
  const a = parseOrReportUsage(ctx, policyRunUsage, parseRunArgs);
  if (!a) return EXIT_CODES.usage;
  let last = 0;
  const gov = await openGovernance(ctx, {
    rateLimitPerSecond: a.rate,
    concurrency: a.concurrency,
    // Each file's outcome as it is logged: a kill loses no line of what was done.
    onEntry: (e) => ctx.out.result(entryRecord(e), entryLine(e)),
    onProgress: (r) => {
      if (Date.now() - last < 2000) return;
      last = Date.now();
      ctx.out.info(`${describeRun(r)}; ${r.perSecond.toFixed(1)} files/s`);
    },
  });
  if (!gov) return NO_KEYCHAIN_EXIT;
  try {
    return await runWith(ctx, await gov.service.runner(), a);
  } catch (error) {
    ctx.out.failure(error);
    return EXIT_CODES.failed;
  } finally {
    gov.close();
  }
}
