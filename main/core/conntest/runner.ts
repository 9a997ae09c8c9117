/**
 * Runs the checks, streaming each result as soon as it is known: first the network path (how
 * requests leave this computer, and whether Box answers that way); 1–4 from /users/me;
 * then the activity log and the user list in parallel; As-User once both are in (a
 * co-admin's gap needs the list and the week's activity) and the files check once the list
 * is; then headroom and the sign-in's lifetime. The whole run has a deadline of a few
 * seconds; checks that page stop early when it nears.
 */
import { randomUUID } from 'node:crypto';
import {
  CHECK_IDS,
  summarize,
  type CheckId,
  type CheckResult,
  type ConnTestProgress,
  type ConnTestResult,
} from '../../../common/conntest';
import type { Settings } from '../../../common/settings';
import type { ConnectionManager } from '../connection/connection-manager';
import { checkApp, checkEnterprise, checkLifetime, checkRole, checkToken } from './checks-account';
import { checkFiles, checkHeadroom } from './checks-content';
import { checkNetwork } from './checks-network';
import { checkAdminLogs, checkAsUser, checkUsers } from './checks-enterprise';
import { result as checkResult, type RunState } from './check-result';
import { Prober } from './probe';
import { saveResult } from './store';

export interface ConnTestDeps {
  home: string;
  connection: ConnectionManager;
  settings: () => Settings;
  /** Per-request timeout (default 4 s). */
  timeoutMs?: number;
  /** The whole run's budget (default 8 s). */
  budgetMs?: number;
}

/** The whole run's budget: under the 10 s the admin is promised, with room for the last local checks. */
export const DEFAULT_BUDGET_MS = 8000;

function unexpected(id: CheckId, error: unknown): CheckResult {
  const message = error instanceof Error ? error.message : String(error);
  return checkResult(
    id,
    'fail',
    `The check stopped on an unexpected error: ${message}`,
    [],
    'Copy the diagnostics and send them to your help desk.',
    ['copy_diagnostics', 'retry'],
  );
}

export async function runConnectionTest(
  deps: ConnTestDeps,
  onProgress: (progress: ConnTestProgress) => void = () => undefined,
): Promise<ConnTestResult> {
  const runId = randomUUID();
  const started = Date.now();
  const startedAt = new Date(started).toISOString();
  onProgress({ runId, type: 'started', startedAt, total: CHECK_IDS.length });
  const profile = deps.connection.profile();
  const state = await deps.connection.state();
  const deadline = started + (deps.budgetMs ?? DEFAULT_BUDGET_MS);
  const run: RunState = {
    prober: new Prober({
      endpoints: profile?.endpoints ?? null,
      session: profile ? deps.connection.session() : null,
      timeoutMs: deps.timeoutMs,
      deadline,
    }),
    endpoints: profile?.endpoints ?? null,
    explain: { dataCenter: deps.settings().walkthrough.dataCenter, clientId: profile?.clientId ?? null },
    // No profile means no sign-in: check 1 says so without touching the network.
    state: profile ? state : { status: 'not_connected' },
    me: null,
    meResponse: null,
    tokenProblem: null,
    users: null,
    usersTruncated: false,
    fileActivity: null,
    activityTruncated: false,
    asUserWorked: null,
    gap: null,
    deadline,
  };
  const done = new Map<string, CheckResult>();
  const report = (check: CheckResult): CheckResult => {
    done.set(check.id, check);
    onProgress({ runId, type: 'check', check });
    return check;
  };

  // A check that throws (a bug, an answer shaped like nothing Box sends) fails on its own
  // with what went wrong, and the other checks still run.
  const guarded = async (id: CheckId, check: () => CheckResult | Promise<CheckResult>): Promise<CheckResult> => {
    try {
      return report(await check());
    } catch (error) {
      return report(unexpected(id, error));
    }
  };

  // The network path's one request runs beside the sign-in's, so it adds nothing to the run's time.
  await Promise.all([guarded('network', () => checkNetwork(run)), guarded('token', () => checkToken(run))]);
  await guarded('role', () => checkRole(run));
  await guarded('enterprise', () => checkEnterprise(run));
  await guarded('app', () => checkApp(run));

  const logs = guarded('admin_logs', () => checkAdminLogs(run));
  const users = guarded('users', () => checkUsers(run));
  const asUser = Promise.all([logs, users]).then(() => guarded('as_user', () => checkAsUser(run)));
  const files = users.then(() => guarded('files', () => checkFiles(run)));
  await Promise.all([asUser, files]);

  await guarded('headroom', () => checkHeadroom(run));
  await guarded('sign_in_lifetime', async () => {
    // Read again: a refresh during the run moved the expiry (or Box ended the sign-in).
    run.state = await deps.connection.state();
    return checkLifetime(run, new Date());
  });

  const checks = CHECK_IDS.map((id) => done.get(id)!);
  const finished = Date.now();
  const me = run.me;
  const result: ConnTestResult = {
    runId,
    startedAt,
    finishedAt: new Date(finished).toISOString(),
    durationMs: finished - started,
    account: me ? { login: me.login, role: me.role, enterprise: me.enterprise?.name ?? null } : null,
    checks,
    summary: summarize(checks),
  };
  saveResult(deps.home, result);
  onProgress({ runId, type: 'finished', result });
  return result;
}
