/** Small builders for check results and the state the checks of one run share. */
import {
  CHECK_TITLES,
  type CheckId,
  type CheckResult,
  type CheckStatus,
  type Evidence,
  type FixAction,
} from '../../../common/conntest';
import type { ConnectionState } from '../../../common/connection';
import type { BoxEndpoints } from '../auth/box-endpoints';
import { explainResponse, type Explanation, type ExplainContext } from './explain';
import type { Prober, ProbeResponse } from './probe';

export interface Me {
  id: string;
  name: string;
  login: string;
  role: string | null;
  enterprise: { id: string; name: string } | null;
}

export interface EnterpriseUser {
  id: string;
  name: string;
  login: string;
  role: string | null;
  spaceUsed: number;
}

/** A file event of the last 7 days: which file, owned by whom. */
export interface FileActivity {
  fileId: string;
  ownerId: string;
}

export interface RunState {
  prober: Prober;
  /** Where the connection talks to; null with no connection. */
  endpoints: BoxEndpoints | null;
  explain: ExplainContext;
  state: ConnectionState;
  me: Me | null;
  meResponse: ProbeResponse | null;
  /** Why the first request failed, when it did. */
  tokenProblem: Explanation | null;
  users: EnterpriseUser[] | null;
  /** True when the user list stopped early (very large enterprise). */
  usersTruncated: boolean;
  fileActivity: FileActivity[] | null;
  /** True when the week's activity was not read to the end (time or page limit): counts are "at least". */
  activityTruncated: boolean;
  /** Users As-User worked for (the files check reads as one of them). */
  asUserWorked: EnterpriseUser[] | null;
  /** A co-admin's measured gap. */
  gap: { users: number; files: number; bytes: number } | null;
  /** When the run must be over (ms since epoch): checks that page stop early. */
  deadline: number;
}

export function result(
  id: CheckId,
  status: CheckStatus,
  summary: string,
  evidence: Evidence[],
  fix: string | null = null,
  actions: FixAction[] = [],
): CheckResult {
  return { id, title: CHECK_TITLES[id], status, summary, evidence, fix, actions, notRun: false };
}

/** A failed check because Box refused or failed a request made to read `what`, explained for this run. */
export function fromFailedRequest(
  run: RunState,
  id: CheckId,
  response: ProbeResponse,
  what: string,
  evidence: Evidence[],
): CheckResult {
  return fromExplanation(id, explainResponse(response, run.prober.refusal, run.explain, what), evidence);
}

export function fromExplanation(id: CheckId, e: Explanation, evidence: Evidence[]): CheckResult {
  return result(id, 'fail', e.cause, evidence, e.fix, e.actions);
}

/** A check that could not run because an earlier one failed: it cannot vouch for coverage, so it fails. */
export function notRun(id: CheckId, because: string, actions: FixAction[] = ['retry']): CheckResult {
  return {
    ...result(
      id,
      'fail',
      `Not checked: ${because}.`,
      [],
      'Fix the failed check above, then run the test again.',
      actions,
    ),
    notRun: true,
  };
}

export function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

export function obj(v: unknown): Record<string, unknown> | null {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

export function entriesOf(body: Record<string, unknown> | null): Record<string, unknown>[] {
  const list = body?.entries;
  return Array.isArray(list) ? list.map(obj).filter((e): e is Record<string, unknown> => e !== null) : [];
}
