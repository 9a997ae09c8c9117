/**
 * The scan through the bridge, as the dashboard drives it: start on a signed-in sandbox, follow
 * `scanProgress` (never more than 10 a second) until the queue is empty, then read findings,
 * activity, what was not scanned, coverage per user and the queue; export both formats.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanProgress } from '../../../common/scan/types';
import { dispatch } from '../../../main/core/bridge/dispatch';
import { createCore, type Core } from '../../../main/core/bridge/handlers';
import { InAppSandbox } from '../../../main/core/connection/in-app-sandbox';
import { KeytarSecretStore } from '../../../main/core/keychain/keytar-store';
import { createNodeSettingsStore } from '../../../main/core/settings/node-settings';
import { connectToSandbox, type Connected } from '../../helpers/connected';

let connected: Connected;
let core: Core;
const snapshots: Array<{ at: number; p: ScanProgress }> = [];

async function call<T>(name: string, args: unknown): Promise<T> {
  const reply = await dispatch(core.handlers, name, args);
  if (!reply.ok) throw new Error(`${name}: ${reply.error.message}`);
  return reply.value as T;
}

beforeAll(async () => {
  connected = await connectToSandbox({ files: 600, users: 12, seed: 11 });
  core = createCore({
    home: connected.home,
    runtime: 'cli',
    secrets: new KeytarSecretStore(),
    settings: createNodeSettingsStore(connected.home),
    connection: connected.manager,
    sandbox: new InAppSandbox(),
    openBrowser: () => undefined,
  });
  const finished = new Promise<void>((resolve) => {
    core.events.on('scanProgress', (p) => {
      snapshots.push({ at: performance.now(), p });
      if (p.phase === 'live' && p.backfill.done && p.files.queued === 0) resolve();
    });
  });
  const first = await call<ScanProgress>('startScan', { days: 7 });
  expect(first.running).toBe(true);
  await finished;
}, 120_000);

afterAll(async () => {
  core?.dispose();
  await connected?.cleanup();
});

describe('the scan over the bridge', () => {
  it('reports its phases in order and never more than 10 progress updates a second', () => {
    const phases = [...new Set(snapshots.map((s) => s.p.phase))];
    expect(phases.indexOf('live')).toBe(phases.length - 1);
    // Every phase has its start time, in order, even one too short to be current in any snapshot.
    const started = snapshots.at(-1)!.p.phaseStarted;
    const order = ['users', 'backfill', 'discovery', 'live'] as const;
    for (const p of order) expect(started[p], p).toBeTruthy();
    expect(order.map((p) => started[p]!)).toEqual(order.map((p) => started[p]!).sort());
    for (let i = 10; i < snapshots.length; i++)
      expect(snapshots[i]!.at - snapshots[i - 10]!.at).toBeGreaterThanOrEqual(990);
    const last = snapshots.at(-1)!.p;
    expect(last.files.discovered).toBe(600);
    expect(last.files.scanned + last.files.failed + last.files.notScanned).toBe(600);
    expect(last.requests.total).toBeGreaterThan(0);
  });

  it('pages, filters, searches and sorts the findings with the filtered total', async () => {
    const all = await call<{
      total: number;
      entries: Array<{
        name: string;
        accessLevel: string;
        ownerLogin: string;
        findings: Record<string, number> | null;
      }>;
    }>('listFindings', { limit: 1000 });
    expect(all.total).toBe(600);
    const names = all.entries.map((e) => e.name.toLowerCase());
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }) || 0));
    const levels = new Set(all.entries.map((e) => e.accessLevel));
    expect(levels.size).toBeGreaterThanOrEqual(3);
    const publicOnes = await call<{ total: number; entries: Array<{ accessLevel: string }> }>('listFindings', {
      accessLevels: ['Public (Internet)'],
      limit: 5,
      offset: 0,
    });
    expect(publicOnes.total).toBe(all.entries.filter((e) => e.accessLevel === 'Public (Internet)').length);
    expect(publicOnes.entries.length).toBe(Math.min(5, publicOnes.total));
    expect(publicOnes.entries.every((e) => e.accessLevel === 'Public (Internet)')).toBe(true);
    const owner = all.entries[0]!.ownerLogin;
    const byOwner = await call<{ total: number; entries: Array<{ ownerLogin: string; name: string }> }>(
      'listFindings',
      { search: owner, limit: 1000 },
    );
    expect(byOwner.total).toBe(
      all.entries.filter((e) => e.ownerLogin.includes(owner) || e.name.includes(owner)).length,
    );
    const sensitive = await call<{ total: number; entries: Array<{ findings: Record<string, number> | null }> }>(
      'listFindings',
      { sensitiveOnly: true, sort: 'findings', order: 'desc', limit: 1000 },
    );
    const sums = sensitive.entries.map((e) => Object.values(e.findings ?? {}).reduce((a, b) => a + b, 0));
    expect(sums.length).toBeGreaterThan(0);
    expect(sums.every((n) => n > 0)).toBe(true);
    expect(sums).toEqual([...sums].sort((a, b) => b - a));
    const pending = await call<{ total: number }>('listFindings', { inspection: ['Pending'] });
    expect(pending.total).toBe(0);
  });

  it('lists the stored activity, each event marked read-only or not, filterable by type, user and file', async () => {
    const all = await call<{
      total: number;
      entries: Array<{
        type: string;
        readOnly: boolean;
        movesFile: boolean;
        actorLogin: string;
        itemId: string | null;
        itemType: string | null;
        createdAt: string;
      }>;
    }>('listActivity', { limit: 1000 });
    expect(all.total).toBeGreaterThan(10);
    const created = all.entries.map((e) => e.createdAt);
    expect(created).toEqual([...created].sort().reverse());
    const previews = all.entries.filter((e) => e.type === 'PREVIEW');
    expect(previews.length).toBeGreaterThan(0);
    expect(previews.every((e) => e.readOnly && !e.movesFile)).toBe(true);
    expect(
      all.entries.filter((e) => e.type === 'EDIT' && e.itemType === 'file').every((e) => !e.readOnly && e.movesFile),
    ).toBe(true);
    const readOnly = await call<{ total: number }>('listActivity', { readOnly: true });
    expect(readOnly.total).toBe(all.entries.filter((e) => e.readOnly).length);
    const actor = all.entries[0]!.actorLogin;
    const mine = await call<{ total: number }>('listActivity', { user: actor.toUpperCase() });
    expect(mine.total).toBe(all.entries.filter((e) => e.actorLogin === actor).length);
    const edits = await call<{ total: number }>('listActivity', { types: ['EDIT'] });
    expect(edits.total).toBe(all.entries.filter((e) => e.type === 'EDIT').length);
    const fileEvent = all.entries.find((e) => e.itemType === 'file')!;
    const ofFile = await call<{ entries: Array<{ itemId: string }> }>('listActivity', { fileId: fileEvent.itemId });
    expect(ofFile.entries.length).toBeGreaterThan(0);
    expect(ofFile.entries.every((e) => e.itemId === fileEvent.itemId)).toBe(true);
  });

  it('gives coverage per user, the not-scanned list with reasons, and the queue', async () => {
    const { users } = await call<{
      users: Array<{
        reachable: boolean;
        files: number;
        scanned: number;
        failed: number;
        notScanned: number;
        queued: number;
      }>;
    }>('getScanCoverage', {});
    const truth = (await (await fetch(`${connected.sandbox.info.controlUrl}/truth`)).json()) as {
      users: Array<{ external: boolean }>;
    };
    expect(users.length).toBe(truth.users.filter((u) => !u.external).length);
    expect(users.every((u) => u.reachable)).toBe(true);
    expect(users.reduce((a, u) => a + u.files, 0)).toBeLessThanOrEqual(600);
    expect(users.every((u) => u.files === u.scanned + u.failed + u.notScanned + u.queued)).toBe(true);
    const notScanned = await call<{
      total: number;
      byReason: Array<{ reason: string; count: number }>;
      entries: Array<{ reason: string }>;
    }>('listNotScanned', {});
    expect(notScanned.byReason.reduce((a, r) => a + r.count, 0)).toBe(notScanned.total);
    expect(notScanned.entries.every((e) => e.reason.length > 0)).toBe(true);
    const queue = await call<{ queued: number; head: unknown[] }>('getScanQueue', {});
    expect(queue).toMatchObject({ queued: 0, head: [] });
  });

  it('exports every file as CSV and JSON under the home', async () => {
    const csv = await call<{ path: string; files: number }>('exportFindings', { format: 'csv' });
    expect(csv.path.startsWith(connected.home)).toBe(true);
    expect(csv.files).toBe(600);
    const lines = readFileSync(csv.path, 'utf8').trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^file_id,name,path,owner,status,access_level/);
    expect(lines).toHaveLength(601);
    const json = await call<{ path: string }>('exportFindings', { format: 'json' });
    const parsed = JSON.parse(readFileSync(json.path, 'utf8')) as Array<{ fileId: string; status: string }>;
    expect(parsed).toHaveLength(600);
    expect(new Set(parsed.map((f) => f.fileId)).size).toBe(600);
  });
});
