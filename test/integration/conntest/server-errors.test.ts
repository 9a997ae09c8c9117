/** Every /2.0 request answers 500/502/503: the test still ends in seconds with Box's status and request id. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check, scenario, type Scenario } from './helpers';

describe('connection test: 5xx storm', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await scenario();
  });
  afterAll(() => s.cleanup());

  it('fails with "Box’s service had an error", check Box’s status and retry later, within seconds', async () => {
    await s.control('/faults', { error_rate: 1 });
    const { result } = await s.run();
    expect(result.durationMs).toBeLessThan(10_000);
    expect(result.summary.verdict).toBe('fail');
    const token = check(result, 'token');
    expect(token.status).toBe('fail');
    expect(token.summary).toMatch(
      /Box's service had an error answering who you are \(\/users\/me\) \(HTTP 50[023] (internal_server_error|bad_gateway|unavailable)\) \(request id [0-9a-f]+\)/,
    );
    expect(token.fix).toBe('Check Box’s status (status.box.com) and retry later.');
    expect(token.actions).toEqual(['retry']);
    const headroom = check(result, 'headroom');
    expect(headroom.status).toBe('fail');
    expect(headroom.summary).toContain('Most requests failed with server errors');
  });
});
