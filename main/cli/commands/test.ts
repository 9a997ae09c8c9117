/**
 * `box-companion test`: the connection test, each check printed as it finishes (with --json one
 * object per check, then a summary object). Its exit codes are the issue's own: 0 all pass,
 * 1 warnings only, 2 a failure (2 is also a bad command line, as for every command).
 */
import {
  CHECK_IDS,
  testExitCode,
  type CheckResult,
  type ConnTestResult,
  type Evidence,
} from '../../../common/conntest';
import { encodeSupportCode, formatSupportCode, supportStateOf } from '../../../common/support';
import { runConnectionTest } from '../../core/conntest/runner';
import { createNodeSettingsStore } from '../../core/settings/node-settings';
import type { CliCommand } from '../command';
import { runOnConnection } from './connection-common';

const MARK = { pass: 'PASS', warning: 'WARN', fail: 'FAIL' } as const;

function evidenceLine(e: Evidence): string {
  // A local fact (the keychain's expiry date) has no HTTP answer: its message is the evidence.
  if (e.status === null && e.code === null) return `      ${e.request}: ${e.message ?? '—'}`;
  const answer = e.status !== null ? `HTTP ${e.status}` : (e.code ?? 'no answer');
  const details = [
    e.code && e.status !== null ? e.code : null,
    e.requestId ? `request id ${e.requestId}` : null,
    e.ms !== null ? `${e.ms} ms` : null,
  ]
    .filter(Boolean)
    .join(', ');
  return `      ${e.request} → ${answer}${details ? ` (${details})` : ''}${e.message && e.status === null ? `: ${e.message}` : ''}`;
}

/**
 * A check as the admin reads it; numbered as in the app, whatever order the checks finish in:
 * the network path is check 0 (it comes before the ten checks of the Box side).
 */
export function describeCheck(check: CheckResult): string {
  const lines = [`${MARK[check.status]}  ${CHECK_IDS.indexOf(check.id)}. ${check.title}`, `      ${check.summary}`];
  if (check.evidence.length) lines.push('    evidence:', ...check.evidence.map(evidenceLine));
  if (check.fix) lines.push(`    fix: ${check.fix}`);
  return lines.join('\n');
}

function describeSummary(result: ConnTestResult): string {
  const { pass, warning, fail, verdict } = result.summary;
  const headline =
    verdict === 'pass'
      ? 'The connection gives full coverage.'
      : verdict === 'warning'
        ? 'The connection works, with warnings.'
        : 'The connection will not give full coverage.';
  return `\n${headline} ${pass} passed, ${warning} warning${warning === 1 ? '' : 's'}, ${fail} failed, in ${(result.durationMs / 1000).toFixed(1)} s.`;
}

const test: CliCommand = {
  name: 'test',
  summary: 'Test the Box connection: the network path, then ten checks in seconds, each with its evidence and the fix.',
  usage: `Usage: box-companion test [--json]

Runs the connection test on the current connection (see box-companion connect) and prints each
check as it finishes: what was checked, Box's evidence (status, code, request id, time) and the
fix. The result is kept, with its time, for the app and for box-companion diagnostics.

  --json   One JSON object per check {id, status, title, summary, evidence, fix, actions}, then
           one summary object {summary: {pass, warning, fail, verdict}, runId, startedAt,
           durationMs, account, supportCode}.

Exit codes: 0 every check passed; 1 warnings only; 2 at least one check failed (or a bad
command line); 3 no keychain.`,
  run: runOnConnection('test', async (ctx, manager) => {
    const settings = createNodeSettingsStore(ctx.home);
    const result = await runConnectionTest(
      { home: ctx.home, connection: manager, settings: () => settings.get() },
      (progress) => {
        if (progress.type !== 'check') return;
        const { id, status, title, summary, evidence, fix, actions } = progress.check;
        ctx.out.result({ id, status, title, summary, evidence, fix, actions }, describeCheck(progress.check));
      },
    );
    const { runId, startedAt, durationMs, account, summary } = result;
    const { walkthrough } = settings.get();
    const supportCode = formatSupportCode(
      encodeSupportCode(
        supportStateOf({
          dataCenter: walkthrough.dataCenter,
          consoleGeneration: walkthrough.consoleGeneration,
          connected: (await manager.state()).status === 'connected',
          lastTest: result,
        }),
      ),
    );
    ctx.out.result(
      { summary, runId, startedAt, durationMs, account, supportCode },
      `${describeSummary(result)}\nSupport code for the help desk: ${supportCode}`,
    );
    return testExitCode(summary.verdict);
  }),
};

export default test;
