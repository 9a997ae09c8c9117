/**
 * The co-admin sandbox: the role check fails with the connector's co-admin caveat and both ways
 * forward, and the As-User check measures the gap: Box's 403 for the other admins, who they
 * are, and how many of their files the last 7 days touched (compared with the sandbox's truth).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check, scenario, type Scenario } from './helpers';

interface TruthEvent {
  source: { item_type?: string; item_id?: string; owned_by?: { id: string } };
}

describe('connection test: co-admin', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await scenario({ role: 'coadmin' });
  });
  afterAll(() => s.cleanup());

  it('fails, explains the co-admin gap with both ways forward, and counts the other admins and their files', async () => {
    const info = s.sandbox.info;
    const { result } = await s.run();
    expect(result.summary.verdict).toBe('fail');

    const role = check(result, 'role');
    expect(role.status).toBe('fail');
    expect(role.summary).toContain('fails for co-admins even with every privilege ticked');
    expect(role.summary).toContain('files owned by other admins');
    expect(role.fix).toContain('connect as the primary Box Admin');
    expect(role.fix).toContain('accept the gap');

    // What Box really holds: the admins this co-admin cannot act as, and their files with activity this week.
    const truth = (await (await fetch(`${info.controlUrl}/truth`)).json()) as {
      users: { id: string; role: string; external: boolean }[];
    };
    const outside = truth.users
      .filter((u) => !u.external && u.role !== 'user' && u.id !== info.signInUserId)
      .map((u) => u.id);
    expect(outside.length).toBeGreaterThanOrEqual(2);
    const after = new Date(Date.now() - 7 * 86_400_000).toISOString();
    const events = (
      (await (await fetch(`${info.controlUrl}/truth/events?after=${encodeURIComponent(after)}`)).json()) as {
        entries: TruthEvent[];
      }
    ).entries;
    const files = new Set(
      events
        .filter((e) => e.source.item_type === 'file' && outside.includes(e.source.owned_by?.id ?? ''))
        .map((e) => e.source.item_id),
    );

    const asUser = check(result, 'as_user');
    expect(asUser.status).toBe('fail');
    expect(asUser.summary).toContain('403 access_denied_insufficient_permissions');
    expect(asUser.summary).toContain(`${outside.length} users fall outside the scan`);
    expect(asUser.summary).toContain(
      `${files.size} of their files had activity in the last 7 days and will not be scanned`,
    );
    expect(asUser.summary).toContain('(primary admin)');
    expect(asUser.summary).toContain('Acting as regular users works (2 of 2 tried)');
    expect(asUser.fix).toMatch(
      /connect as the primary Box Admin.*accept that the files of these \d+ users will not be scanned/,
    );
    expect(asUser.evidence.filter((e) => e.status === 403).every((e) => e.requestId)).toBe(true);

    // Everything a co-admin can do still passes.
    for (const id of [
      'token',
      'enterprise',
      'app',
      'admin_logs',
      'users',
      'files',
      'headroom',
      'sign_in_lifetime',
    ] as const)
      expect(check(result, id).status, id).toBe('pass');
  });
});
