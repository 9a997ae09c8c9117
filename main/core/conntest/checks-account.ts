/**
 * Checks 1–4 and 10: the sign-in, the role, the enterprise, the app's permission and the
 * sign-in's lifetime. 2–4 are read from the one /users/me answer, so they arrive together.
 */
import type { CheckResult } from '../../../common/conntest';
import { signInExpiryReminder } from '../../../common/connection';
import { explainRefusal, explainResponse, NO_ENTERPRISE_TEXT } from './explain';
import { evidenceOf } from './probe';
import { fromExplanation, notRun, obj, result, str, type RunState } from './check-result';

export async function checkToken(run: RunState): Promise<CheckResult> {
  if (run.state.status === 'not_connected' || run.state.status === 'waiting_for_browser') {
    return result(
      'token',
      'fail',
      'Not connected to Box: there is no sign-in to test.',
      [],
      'Connect to Box (Sign in with Box), then run the test again.',
      ['reconnect'],
    );
  }
  const r = await run.prober.get('/users/me?fields=id,name,login,role,enterprise');
  run.meResponse = r;
  if (r.ok && r.body) {
    const enterprise = obj(r.body.enterprise);
    run.me = {
      id: str(r.body.id) ?? '',
      name: str(r.body.name) ?? '',
      login: str(r.body.login) ?? '',
      role: str(r.body.role),
      enterprise: enterprise ? { id: str(enterprise.id) ?? '', name: str(enterprise.name) ?? '' } : null,
    };
    return result('token', 'pass', `Box accepted the sign-in: signed in as ${run.me.name} <${run.me.login}>.`, [
      evidenceOf(r),
    ]);
  }
  run.tokenProblem = explainResponse(r, run.prober.refusal, run.explain, 'who you are (/users/me)');
  return fromExplanation('token', run.tokenProblem, [evidenceOf(r)]);
}

const NO_ME = 'the sign-in did not work (check 1)';

export function checkRole(run: RunState): CheckResult {
  const me = run.me;
  if (!me) return notRun('role', NO_ME);
  const evidence = run.meResponse ? [evidenceOf(run.meResponse)] : [];
  if (me.role === 'admin')
    return result(
      'role',
      'pass',
      `${me.login} is the Box Admin: the connector can act as every user and reach every file.`,
      evidence,
    );
  if (me.role === 'coadmin') {
    return result(
      'role',
      'fail',
      `${me.login} is a Co-Admin, not the Box Admin. The connector's own test (“Test API”) fails for co-admins even with every privilege ticked, and files owned by other admins (the primary admin and the other co-admins) will not be scanned.`,
      evidence,
      'Two ways forward: (1) connect as the primary Box Admin instead (Disconnect, then sign in with the admin account) for full coverage; or (2) keep this co-admin connection and accept the gap listed under “The account can act as users”: those admins’ files stay unscanned.',
      ['reconnect'],
    );
  }
  if (me.role === 'user') {
    const why = me.enterprise ? 'a regular Box user' : 'a Box user outside any enterprise';
    return result(
      'role',
      'fail',
      `${me.login} is ${why}, not an admin: the connector's test fails for it, and it could reach only this user's own files.`,
      evidence,
      'Connect as the primary Box Admin (Disconnect, then sign in with the admin account).',
      ['reconnect'],
    );
  }
  return result(
    'role',
    'warning',
    `Box did not say which role ${me.login} has.`,
    evidence,
    'Make sure this is the primary Box Admin account; if unsure, connect as the admin.',
    ['reconnect'],
  );
}

export function checkEnterprise(run: RunState): CheckResult {
  const me = run.me;
  if (!me) return notRun('enterprise', NO_ME);
  const evidence = run.meResponse ? [evidenceOf(run.meResponse)] : [];
  if (me.enterprise)
    return result(
      'enterprise',
      'pass',
      `The account belongs to the enterprise “${me.enterprise.name}” (${me.enterprise.id}).`,
      evidence,
    );
  return result(
    'enterprise',
    'fail',
    `The account belongs to no Box Enterprise; the connector will get “${NO_ENTERPRISE_TEXT}”.`,
    evidence,
    'Upgrade the Box plan to one with an enterprise (Business or Enterprise), then connect again as its admin.',
    ['reconnect'],
  );
}

export function checkApp(run: RunState): CheckResult {
  if (run.me && run.meResponse) {
    return result(
      'app',
      'pass',
      'Box accepted this app’s token, so the enterprise allows the app: it is not blocked by “Disable unpublished apps” and was not removed.',
      [evidenceOf(run.meResponse)],
    );
  }
  const problem = run.tokenProblem;
  const evidence = run.meResponse ? [evidenceOf(run.meResponse)] : [];
  if (problem?.appRefused) return fromExplanation('app', problem, evidence);
  if (problem?.signInOver)
    return notRun('app', 'the sign-in is over, so Box could not be asked about the app (check 1)', ['reconnect']);
  return notRun('app', NO_ME);
}

/** Check 10, after the others: a refresh during the run changes the expiry. */
export function checkLifetime(run: RunState, now: Date): CheckResult {
  const refusal = run.prober.refusal;
  if (refusal) return fromExplanation('sign_in_lifetime', explainRefusal(refusal, run.explain), []);
  const state = run.state;
  if (state.status !== 'connected') return notRun('sign_in_lifetime', 'there is no sign-in', ['reconnect']);
  const expires = state.refreshTokenExpiresAt;
  const days = Math.floor((new Date(expires).getTime() - now.getTime()) / 86_400_000);
  const evidence = [
    {
      request: 'keychain: refresh token expiry',
      status: null,
      code: null,
      message: `expires ${expires}`,
      requestId: null,
      ms: null,
    },
  ];
  const reminder = signInExpiryReminder(expires, now);
  if (days <= 0)
    return result(
      'sign_in_lifetime',
      'fail',
      `The Box sign-in expires ${expires.slice(0, 10)}: Box refresh tokens live 60 days.`,
      evidence,
      'Connect again now to keep scanning.',
      ['reconnect'],
    );
  if (reminder)
    return result(
      'sign_in_lifetime',
      'warning',
      reminder,
      evidence,
      'Connect again before then, or let the app use the connection (each use renews it for 60 days).',
      ['reconnect'],
    );
  return result(
    'sign_in_lifetime',
    'pass',
    `The sign-in is renewed every time the app uses it; left unused, it expires on ${expires.slice(0, 10)} (in ${days} days).`,
    evidence,
  );
}
