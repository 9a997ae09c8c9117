/** A regular (non-admin) user: the role, the enterprise features and As-User fail; connect as the admin. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check, scenario, type Scenario } from './helpers';

describe('connection test: regular user', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await scenario({ role: 'user' });
  });
  afterAll(() => s.cleanup());

  it('fails the role with "connect as the primary Box Admin", and says why the enterprise checks fail', async () => {
    const { result } = await s.run();
    expect(result.summary.verdict).toBe('fail');
    expect(check(result, 'token').status).toBe('pass');
    const role = check(result, 'role');
    expect(role.status).toBe('fail');
    expect(role.summary).toContain('is a regular Box user, not an admin');
    expect(role.fix).toBe('Connect as the primary Box Admin (Disconnect, then sign in with the admin account).');
    for (const id of ['admin_logs', 'users'] as const) {
      const c = check(result, id);
      expect(c.status, id).toBe('fail');
      expect(c.summary, id).toContain('HTTP 403 access_denied_insufficient_permissions');
      expect(c.fix, id).toContain('Connect as the primary Box Admin');
      expect(c.evidence[0]?.requestId, id).toBeTruthy();
    }
    // Without the user list there is no one to act as; the user's own files are still readable.
    expect(check(result, 'as_user').summary).toContain('Not checked: the enterprise users could not be listed');
    expect(check(result, 'files').status).toBe('pass');
    expect(check(result, 'files').summary).toContain('(this account)');
  });
});
