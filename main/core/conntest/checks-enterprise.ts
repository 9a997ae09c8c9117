/**
 * Checks 5–7: the activity log, the user list, and As-User. As-User is tried on a sample that
 * includes another admin, so a co-admin's gap is measured (Box's own 403s, the users it
 * covers, their storage and the files of theirs seen in the last 7 days), not guessed.
 */
import type { CheckResult, Evidence } from '../../../common/conntest';
import { evidenceOf, type ProbeResponse } from './probe';
import {
  entriesOf,
  fromFailedRequest,
  notRun,
  obj,
  result,
  str,
  type EnterpriseUser,
  type FileActivity,
  type RunState,
} from './check-result';

const DAY = 86_400_000;
const MAX_EVENT_PAGES = 40;
const MAX_USER_PAGES = 5;

export async function checkAdminLogs(run: RunState): Promise<CheckResult> {
  if (!run.me) return notRun('admin_logs', 'the sign-in did not work (check 1)');
  const after = new Date(Date.now() - 7 * DAY).toISOString().replace(/\.\d{3}Z$/, 'Z');
  // Only a co-admin's run needs the whole week (to count the other admins' files); otherwise one page proves access.
  const wantAll = run.me.role === 'coadmin';
  const activity: FileActivity[] = [];
  let first: ProbeResponse | null = null;
  let position = '';
  let events = 0;
  let truncated = false;
  for (let page = 0; page < (wantAll ? MAX_EVENT_PAGES : 1); page++) {
    // The first page always goes (the prober bounds it); more pages only while time is left.
    if (page > 0 && Date.now() >= run.deadline - 1500) {
      truncated = true;
      break;
    }
    const r = await run.prober.get(
      `/events?stream_type=admin_logs&limit=500&created_after=${encodeURIComponent(after)}${position ? `&stream_position=${position}` : ''}`,
      { label: page ? `page ${page + 1}` : '' },
    );
    first ??= r;
    if (!r.ok) {
      if (page === 0)
        return fromFailedRequest(run, 'admin_logs', r, 'the enterprise activity log (admin_logs)', [evidenceOf(r)]);
      break;
    }
    const entries = entriesOf(r.body);
    events += entries.length;
    for (const e of entries) {
      const source = obj(e.source);
      const owner = obj(source?.owned_by);
      const fileId = str(source?.item_id);
      if (source?.item_type === 'file' && fileId && owner) activity.push({ fileId, ownerId: str(owner.id) ?? '' });
    }
    const next = str(r.body?.next_stream_position) ?? '';
    if (!next || next === position || (entries.length === 0 && page > 0)) break;
    position = next;
    if (wantAll && page === MAX_EVENT_PAGES - 1) truncated = true;
  }
  run.fileActivity = activity;
  run.activityTruncated = truncated;
  const evidence = first ? [evidenceOf(first)] : [];
  return result(
    'admin_logs',
    'pass',
    `The activity log answers: ${events} event${events === 1 ? '' : 's'} read from the last 7 days.`,
    evidence,
  );
}

export async function checkUsers(run: RunState): Promise<CheckResult> {
  if (!run.me) return notRun('users', 'the sign-in did not work (check 1)');
  const users: EnterpriseUser[] = [];
  let marker = '';
  let first: ProbeResponse | null = null;
  for (let page = 0; page < MAX_USER_PAGES; page++) {
    const r = await run.prober.get(
      `/users?usemarker=true&limit=1000&user_type=managed&fields=id,name,login,role,space_used${marker ? `&marker=${encodeURIComponent(marker)}` : ''}`,
      { label: page ? `page ${page + 1}` : '' },
    );
    first ??= r;
    if (!r.ok) {
      if (page === 0) return fromFailedRequest(run, 'users', r, 'the list of enterprise users', [evidenceOf(r)]);
      break;
    }
    for (const u of entriesOf(r.body)) {
      users.push({
        id: str(u.id) ?? '',
        name: str(u.name) ?? '',
        login: str(u.login) ?? '',
        role: str(u.role),
        spaceUsed: typeof u.space_used === 'number' ? u.space_used : 0,
      });
    }
    marker = str(r.body?.next_marker) ?? '';
    if (!marker) break;
  }
  run.users = users;
  run.usersTruncated = marker !== '';
  const admins = users.filter((u) => u.role === 'admin' || u.role === 'coadmin').length;
  const count = `${run.usersTruncated ? 'at least ' : ''}${users.length}`;
  return result(
    'users',
    'pass',
    `Listed ${count} managed users, ${admins} of them admins or co-admins.`,
    first ? [evidenceOf(first)] : [],
  );
}

function gb(bytes: number): string {
  return `${(bytes / 1e9).toFixed(1)} GB`;
}

export async function checkAsUser(run: RunState): Promise<CheckResult> {
  const me = run.me;
  if (!me) return notRun('as_user', 'the sign-in did not work (check 1)');
  if (!run.users)
    return notRun('as_user', 'the enterprise users could not be listed (check 6), so there is no one to try');
  const others = run.users.filter((u) => u.id !== me.id);
  const regular = others.filter((u) => u.role === 'user').slice(0, 2);
  // The primary admin first: the one a co-admin most often loses.
  const admins = others
    .filter((u) => u.role === 'admin' || u.role === 'coadmin')
    .sort((a, b) => (a.role === 'admin' ? -1 : b.role === 'admin' ? 1 : 0));
  const sample = [...regular, ...admins.slice(0, 3)];
  if (sample.length === 0)
    return result('as_user', 'warning', 'There is no other user in the enterprise to act as.', [], null);
  const tries = await Promise.all(
    sample.map(async (user) => ({ user, r: await run.prober.get('/users/me?fields=id,login', { asUser: user.id }) })),
  );
  const evidence: Evidence[] = tries.map((t) => evidenceOf(t.r));
  const refused = tries.filter((t) => !t.r.ok);
  const worked = tries.filter((t) => t.r.ok);
  run.asUserWorked = worked.map((t) => t.user);
  if (refused.length === 0) {
    const adminNote = admins.length ? `, including another admin (${admins[0]!.login})` : '';
    return result(
      'as_user',
      'pass',
      `Acted as ${worked.length} sample user${worked.length === 1 ? '' : 's'}${adminNote}: every file in the enterprise is in reach.`,
      evidence,
    );
  }
  const firstRefusal = refused[0]!.r;
  const deniedOnlyAdmins = me.role === 'coadmin' && refused.every((t) => t.user.role !== 'user' && t.r.status === 403);
  if (deniedOnlyAdmins) return coAdminGap(run, admins, worked.length, regular.length, evidence, firstRefusal);
  if (firstRefusal.status === 403 && /perform actions as (other )?users/i.test(firstRefusal.message ?? '')) {
    return result(
      'as_user',
      'fail',
      `Box refused As-User: “${firstRefusal.message}” (HTTP 403 ${firstRefusal.code ?? ''}). Without it the connector reaches only this account's own files.`,
      evidence,
      'In the Box Developer Console, turn on “Perform Actions as Users” for the app (Configuration > Advanced Features), have it re-authorized in the Admin Console, then connect again.',
      ['reconnect'],
    );
  }
  if (me.role === 'user' && firstRefusal.status === 403) {
    return result(
      'as_user',
      'fail',
      `Box refused As-User for this regular account (HTTP 403 ${firstRefusal.code ?? ''}): only an admin can act as users, so only this user's own files are in reach.`,
      evidence,
      'Connect as the primary Box Admin.',
      ['reconnect'],
    );
  }
  return fromFailedRequest(run, 'as_user', firstRefusal, `acting as ${refused[0]!.user.login}`, evidence);
}

/** A co-admin: Box refused the admins it tried. Count who falls outside and what they hold. */
function coAdminGap(
  run: RunState,
  admins: EnterpriseUser[],
  worked: number,
  triedRegular: number,
  evidence: Evidence[],
  refusal: ProbeResponse,
): CheckResult {
  const outside = new Set(admins.map((u) => u.id));
  const files = new Set((run.fileActivity ?? []).filter((a) => outside.has(a.ownerId)).map((a) => a.fileId));
  const storage = admins.reduce((sum, u) => sum + u.spaceUsed, 0);
  const names = admins
    .map((u) => `${u.name} <${u.login}> (${u.role === 'admin' ? 'primary admin' : 'co-admin'})`)
    .join(', ');
  const n = admins.length;
  run.gap = { users: n, files: files.size, bytes: storage };
  return result(
    'as_user',
    'fail',
    `As a Co-Admin this account cannot act as the primary admin or other co-admins: Box answered HTTP ${refusal.status} ${refusal.code ?? ''} (${refusal.message ?? 'access denied'}). ` +
      `${n} user${n === 1 ? '' : 's'} fall${n === 1 ? 's' : ''} outside the scan: ${names}. They hold ${gb(storage)} in Box; ${run.activityTruncated ? 'at least ' : ''}${files.size} of their files had activity in the last 7 days and will not be scanned. ` +
      `Acting as regular users works (${worked} of ${triedRegular} tried).`,
    evidence,
    `Two ways forward: (1) connect as the primary Box Admin for full coverage; or (2) keep this co-admin connection and accept that the files of these ${n} user${n === 1 ? '' : 's'} will not be scanned.`,
    ['reconnect'],
  );
}
