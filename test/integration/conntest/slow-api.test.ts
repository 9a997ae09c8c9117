/**
 * A slow Box. When it answers after 6 s, each request gives up after 4 s, so the test ends in
 * seconds with "retry later". When it answers every request in 2.5 s (slow, but within the
 * per-request timeout), the run's budget still ends the test in under 10 s: the checks still
 * waiting then fail with "did not answer in time" instead of stretching the test.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { check, scenario, type Scenario } from './helpers';

describe('connection test: slow API', () => {
  let s: Scenario;
  beforeEach(async () => {
    s = await scenario();
  });
  afterEach(() => s.cleanup());

  it('fails on the timeout with "Box did not answer in time" and "retry later", in under 10 s', async () => {
    await s.control('/faults', { latency_ms: 6000 });
    const { result } = await s.run();
    expect(result.durationMs).toBeLessThan(10_000);
    expect(result.summary.verdict).toBe('fail');
    const token = check(result, 'token');
    expect(token.status).toBe('fail');
    expect(token.summary).toBe('Box did not answer who you are (/users/me) in time.');
    expect(token.evidence[0]).toMatchObject({ status: null, code: 'timeout' });
    expect(token.fix).toMatch(/^Retry later/);
    expect(check(result, 'headroom').summary).toMatch(/^Box did not answer in time\. 1 request, .* 1 timeout\.$/);
  });

  it('stays under 10 s when every answer takes 2.5 s, failing what did not finish with "retry later"', async () => {
    await s.control('/faults', { latency_ms: 2500 });
    const { result } = await s.run();
    expect(result.durationMs).toBeLessThan(10_000);
    expect(result.summary.verdict).toBe('fail');
    expect(check(result, 'token').status).toBe('pass');
    const late = result.checks.filter((c) => c.evidence.some((e) => e.code === 'timeout'));
    expect(late.length).toBeGreaterThan(0);
    for (const c of late.filter((c) => c.id !== 'headroom')) {
      expect(c.status, c.id).toBe('fail');
      expect(c.summary, c.id).toMatch(/in time/);
      expect(c.fix, c.id).toMatch(/^Retry later/);
    }
    const headroom = check(result, 'headroom');
    expect(headroom.status).toBe('fail');
    expect(headroom.summary).toMatch(/^Box did not answer in time\. \d+ requests, median 2\d{3} ms/);
  });
});
