/** An account outside any Box Enterprise: "User cannot access this feature without having an enterprise" → upgrade. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check, scenario, type Scenario } from './helpers';

describe('connection test: no enterprise', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await scenario({ enterprise: false });
  });
  afterAll(() => s.cleanup());

  it('fails the enterprise check with Box’s words and the upgrade advice', async () => {
    const { result } = await s.run();
    expect(result.summary.verdict).toBe('fail');
    const enterprise = check(result, 'enterprise');
    expect(enterprise.status).toBe('fail');
    expect(enterprise.summary).toContain('User cannot access this feature without having an enterprise');
    expect(enterprise.fix).toBe(
      'Upgrade the Box plan to one with an enterprise (Business or Enterprise), then connect again as its admin.',
    );
    expect(check(result, 'role').summary).toContain('a Box user outside any enterprise');
    // The enterprise features answer with the same message, mapped to the same fix.
    const logs = check(result, 'admin_logs');
    expect(logs.status).toBe('fail');
    expect(logs.summary).toContain('“User cannot access this feature without having an enterprise”');
    expect(logs.fix).toContain('Upgrade the Box plan');
  });
});
