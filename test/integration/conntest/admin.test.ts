/** The admin sandbox: every check passes, in seconds, streamed one by one, and the result is kept. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECK_IDS } from '../../../common/conntest';
import { loadLastResult } from '../../../main/core/conntest/store';
import { check, scenario, statuses, type Scenario } from './helpers';

describe('connection test: admin', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await scenario({ role: 'admin' });
  });
  afterAll(() => s.cleanup());

  it('passes all ten checks in under 10 s and streams each one before the summary', async () => {
    const { result, progress } = await s.run();
    expect(statuses(result)).toEqual(Object.fromEntries(CHECK_IDS.map((id) => [id, 'pass'])));
    expect(result.summary).toEqual({ pass: 11, warning: 0, fail: 0, verdict: 'pass' });
    expect(result.durationMs).toBeLessThan(10_000);
    expect(progress[0]?.type).toBe('started');
    expect(progress.filter((p) => p.type === 'check')).toHaveLength(11);
    expect(progress.at(-1)?.type).toBe('finished');
    // Evidence names what was asked and Box's request id.
    const token = check(result, 'token');
    expect(token.evidence[0]).toMatchObject({ request: 'GET /2.0/users/me', status: 200 });
    expect(token.evidence[0]?.requestId).toMatch(/^[0-9a-f]+$/);
    expect(check(result, 'role').summary).toContain('is the Box Admin');
    expect(check(result, 'as_user').summary).toMatch(/including another admin/);
    expect(check(result, 'files').summary).toMatch(/read “.+” \(\d+ bytes\)/);
    expect(check(result, 'sign_in_lifetime').summary).toMatch(/expires on \d{4}-\d{2}-\d{2} \(in 59 days\)/);
    for (const c of result.checks) expect(c.fix).toBeNull();
    expect(loadLastResult(s.home)?.runId).toBe(result.runId);
  });
});
