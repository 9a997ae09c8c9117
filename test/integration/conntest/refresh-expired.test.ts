/** 61 days pass on the sandbox's clock: the refresh token has expired; connect again. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check, scenario, type Scenario } from './helpers';

describe('connection test: refresh token expired', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await scenario();
  });
  afterAll(() => s.cleanup());

  it('fails the sign-in and its lifetime with "expired" and "connect again"', async () => {
    await s.control('/clock', { advance_seconds: 61 * 86_400 });
    const { result } = await s.run();
    expect(result.summary.verdict).toBe('fail');
    const token = check(result, 'token');
    expect(token.status).toBe('fail');
    expect(token.summary).toContain('The Box sign-in expired');
    expect(token.summary).toContain('Refresh token has expired');
    expect(token.fix).toBe('Connect again (Connect to Box > Sign in with Box).');
    const lifetime = check(result, 'sign_in_lifetime');
    expect(lifetime.status).toBe('fail');
    expect(lifetime.summary).toContain('Box refresh tokens live 60 days and work once');
    expect(lifetime.actions).toEqual(['reconnect']);
    // An expired sign-in says nothing about the app's permission: not checked, not blamed on the allowlist.
    expect(check(result, 'app')).toMatchObject({ status: 'fail', notRun: true });
  });
});
