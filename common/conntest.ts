/**
 * The connection test's results, the same in the UI, the CLI (--json) and the diagnostics
 * bundle. Runs everywhere (no Node, no DOM).
 */
export const CHECK_IDS = [
  'network',
  'token',
  'role',
  'enterprise',
  'app',
  'admin_logs',
  'users',
  'as_user',
  'files',
  'headroom',
  'sign_in_lifetime',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

export type CheckStatus = 'pass' | 'warning' | 'fail';

/** What was checked, in the order the admin reads them. */
export const CHECK_TITLES: Record<CheckId, string> = {
  network: 'Box can be reached from this computer',
  token: 'The sign-in works',
  role: 'The account is a Box Admin',
  enterprise: 'The account belongs to a Box Enterprise',
  app: 'The app is allowed in the enterprise',
  admin_logs: 'The enterprise activity log can be read',
  users: 'Enterprise users can be listed',
  as_user: 'The account can act as users (As-User)',
  files: 'Files can be listed and read',
  headroom: 'API headroom',
  sign_in_lifetime: 'Sign-in lifetime',
};

/** One request made by a check, as Box answered it: the help desk's evidence. */
export interface Evidence {
  /** e.g. "GET /2.0/users/me (As-User 123)". */
  request: string;
  /** HTTP status, or null when no answer came (timeout, dropped connection). */
  status: number | null;
  /** Box's error code (or OAuth error), "timeout", "network" or "malformed"; null on success. */
  code: string | null;
  message: string | null;
  /** Box's request id (box-request-id header or the error body's request_id). */
  requestId: string | null;
  ms: number | null;
}

/** What the UI offers next to a fix. */
export type FixAction = 'reconnect' | 'open_allowlist' | 'retry' | 'copy_diagnostics';

export interface CheckResult {
  id: CheckId;
  title: string;
  status: CheckStatus;
  /** What was found, in plain words. */
  summary: string;
  evidence: Evidence[];
  /** What to do; null when there is nothing to do. */
  fix: string | null;
  actions: FixAction[];
  /** True when the check could not run because an earlier one failed (then status is fail). */
  notRun: boolean;
}

export interface ConnTestSummary {
  pass: number;
  warning: number;
  fail: number;
  verdict: CheckStatus;
}

export interface ConnTestResult {
  runId: string;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  /** Who was tested, when known. */
  account: { login: string; role: string | null; enterprise: string | null } | null;
  checks: CheckResult[];
  summary: ConnTestSummary;
}

export type ConnTestProgress =
  | { runId: string; type: 'started'; startedAt: string; total: number }
  | { runId: string; type: 'check'; check: CheckResult }
  | { runId: string; type: 'finished'; result: ConnTestResult };

export function summarize(checks: readonly CheckResult[]): ConnTestSummary {
  const count = (status: CheckStatus) => checks.filter((check) => check.status === status).length;
  const pass = count('pass');
  const warning = count('warning');
  const fail = count('fail');
  return { pass, warning, fail, verdict: fail > 0 ? 'fail' : warning > 0 ? 'warning' : 'pass' };
}

/** `box-companion test`'s own exit codes: 0 all pass, 1 warnings only, 2 a failure. */
export function testExitCode(verdict: CheckStatus): 0 | 1 | 2 {
  return verdict === 'pass' ? 0 : verdict === 'warning' ? 1 : 2;
}
