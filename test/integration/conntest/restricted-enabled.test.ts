/** "Disable unpublished apps" on, and this app enabled ("Except for"): everything passes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_CLIENT_ID } from '../../../main/core/sandbox';
import { check, scenario, type Scenario } from './helpers';

describe('connection test: unpublished apps restricted, this app enabled', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await scenario({ restrictUnpublished: true, allowedClientIds: [SANDBOX_CLIENT_ID] });
  });
  afterAll(() => s.cleanup());

  it('passes every check', async () => {
    // The sandbox really restricts unpublished apps and lets this one through.
    const truth = (await (await fetch(`${s.sandbox.info.controlUrl}/truth`)).json()) as {
      settings: { restrict_unpublished: boolean };
      app: { allowed: boolean };
    };
    expect(truth.settings.restrict_unpublished).toBe(true);
    expect(truth.app.allowed).toBe(true);
    const { result } = await s.run();
    expect(result.summary).toEqual({ pass: 11, warning: 0, fail: 0, verdict: 'pass' });
    expect(check(result, 'app').summary).toContain('not blocked by “Disable unpublished apps”');
    expect(check(result, 'app').fix).toBeNull();
  });
});
