/**
 * Issue 17, acceptance 1 (first bullet) and 5 (alert latency) at CI size: with the four
 * templates and a metadata-only policy saved before the scan, a 3,000-file sandbox is
 * scanned with the live matcher running. Then each template's match count (the live table,
 * the CLI's one-pass count and the editor's preview) equals a count computed here from the
 * sandbox's ground truth by code of its own; and every alert of the metadata policy arrived
 * within 2 s of its file's result being written.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../../common/policy/templates';
import { POLICY_FORMAT, type PolicyAlert, type TemplateId } from '../../../common/policy/types';
import { countMatches } from '../../../main/core/policy/policy-queries';
import { PolicyService } from '../../../main/core/policy/policy-service';
import type { ScanEngine } from '../../../main/core/scan/engine';
import { expectedCounts, type TemplateTruthFile } from '../../helpers/template-truth';
import { scanRig, truthJson, type ScanRig } from '../scan/support';

let rig: ScanRig;
let engine: ScanEngine;
let policies: PolicyService;
let home: string;
const alerts: Array<{ alert: PolicyAlert; receivedAt: number }> = [];

/** Resolves once `done()` holds, checked every 20 ms (a condition, not a fixed sleep). */
async function until(done: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  rig = await scanRig({ files: 3000, users: 50, seed: 17 });
  engine = rig.engine();
  home = mkdtempSync(join(tmpdir(), 'bcc-policy-home-'));
  policies = new PolicyService({
    home,
    db: () => engine.store.writer(),
    reader: () => engine.store.reader(),
    emitMatches: () => undefined,
    emitAlerts: (payload) => payload.alerts.forEach((alert) => alerts.push({ alert, receivedAt: Date.now() })),
  });
  policies.start();
  for (const t of TEMPLATES) policies.fromTemplate(t.id);
  policies.save({
    format: POLICY_FORMAT,
    id: 'public-links',
    name: 'Public links',
    filter: { accessLevels: ['Public (Internet)', 'Public'] },
  });
  await engine.start({ days: 7 }, true);
  const dirty = engine.store.reader().prepare('SELECT COUNT(*) n FROM policy_dirty');
  await until(() => (dirty.get() as { n: number }).n === 0);
}, 120_000);

afterAll(async () => {
  policies?.stop();
  await rig?.cleanup();
  rmSync(home, { recursive: true, force: true });
});

describe('policies on a scanned 3,000-file sandbox', () => {
  it('each template matches exactly as many files as the ground truth says', async () => {
    const truth = await truthJson<{ entries: TemplateTruthFile[] }>(rig, '/truth/files?offset=0&limit=10000');
    const users = await truthJson<{ users: Array<{ id: string; external: boolean }> }>(rig, '');
    const expected = expectedCounts(truth.entries, new Set(users.users.filter((u) => u.external).map((u) => u.id)));
    const live = Object.fromEntries(TEMPLATES.map((t) => [t.id, policies.matcher.countsOf(t.id).matches]));
    const onePass = countMatches(engine.store.reader(), policies.store.list().policies);
    const cli = Object.fromEntries(TEMPLATES.map((t) => [t.id, onePass.get(t.id)]));
    const preview: Record<string, number> = {};
    for (const t of TEMPLATES) preview[t.id] = (await policies.preview(t.policy.filter, { offset: 0, limit: 1 })).total;
    expect(live).toEqual(expected);
    expect(cli).toEqual(expected);
    expect(preview).toEqual(expected);
    // Not vacuous: every template has something to find in this enterprise.
    for (const id of Object.keys(expected) as TemplateId[]) expect(expected[id], id).toBeGreaterThan(0);
  });

  it("reads every managed user's Box groups (a few requests, per group) as the truth has them", async () => {
    const truth = await truthJson<{ users: Array<{ id: string; external: boolean; groups: string[] }> }>(rig, '');
    const rows = engine.store.reader().prepare('SELECT user_id, group_name FROM user_groups').all() as Array<{
      user_id: string;
      group_name: string;
    }>;
    const stored = new Map<string, string[]>();
    for (const r of rows) stored.set(r.user_id, [...(stored.get(r.user_id) ?? []), r.group_name].sort());
    const expected = new Map(truth.users.filter((u) => u.groups.length > 0).map((u) => [u.id, [...u.groups].sort()]));
    expect(Object.fromEntries(stored)).toEqual(Object.fromEntries(expected));
    expect(expected.size).toBeGreaterThan(10);
    expect(truth.users.some((u) => !u.external && u.groups.length === 0)).toBe(true);
  });

  it('raises one alert per new match, each within 2 s of the file being scanned', () => {
    const scannedAt = engine.store.reader().prepare('SELECT scanned_at FROM files WHERE id = ?');
    const mine = alerts.filter((a) => a.alert.policyId === 'public-links');
    expect(mine.length).toBe(policies.matcher.countsOf('public-links').matches);
    expect(new Set(mine.map((a) => a.alert.fileId)).size).toBe(mine.length);
    const late = mine
      .map((a) => ({
        file: a.alert.fileId,
        ms: a.receivedAt - (scannedAt.get(a.alert.fileId) as { scanned_at: number }).scanned_at,
      }))
      .filter((x) => x.ms > 2000);
    expect(late).toEqual([]);
    expect(policies.alerts({ offset: 0, limit: 5 }).total).toBe(alerts.length);
  });
});
