/** A Box admin removes the app after sign-in: the sign-in is revoked; allowlist (re-enable), then reconnect. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check, scenario, type Scenario } from './helpers';

describe('connection test: app removed after sign-in', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await scenario();
  });
  afterAll(() => s.cleanup());

  it('fails the sign-in and the app checks with "removed", the allowlist step and reconnect', async () => {
    await s.control('/app', { removed: true });
    const { result } = await s.run();
    expect(result.summary.verdict).toBe('fail');
    const token = check(result, 'token');
    expect(token.status).toBe('fail');
    expect(token.evidence[0]).toMatchObject({ status: 401, code: 'invalid_grant' });
    const app = check(result, 'app');
    expect(app.status).toBe('fail');
    expect(app.summary).toContain('Invalid refresh token');
    expect(app.summary).toContain('a Box admin removed the app');
    expect(app.fix).toMatch(
      /^If a Box admin removed the app, enable it again first\. Open the allowlist walkthrough\./,
    );
    expect(app.fix).toMatch(/Then connect again\.$/);
    expect(app.actions).toEqual(['open_allowlist', 'reconnect']);
    // The rest could not run, and say so instead of guessing.
    expect(check(result, 'users')).toMatchObject({ status: 'fail', notRun: true });
    expect((await s.manager.state()).status).toBe('reconnect_required');
  });
});
