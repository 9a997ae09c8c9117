/**
 * Acceptance 1 and 2 on a 3,000-file sandbox: every file of the ground truth is scanned (or
 * listed as not scanned with a reason), access levels and findings match what the sandbox
 * seeded (no misses, no look-alike matches), and the backfill equals the window's events.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessLevel } from '../../../common/scan/access-level';
import { buildEnterprise } from '../../../main/core/sandbox/generator/enterprise';
import { fileIndexById, generateFile, generateFileCollabs } from '../../../main/core/sandbox/generator/files';
import type { ScanEngine } from '../../../main/core/scan/engine';
import type { FileRow } from '../../../main/core/scan/store/scan-store';
import { scanRig, truthJson, type ScanRig } from './support';

let rig: ScanRig;
let engine: ScanEngine;

beforeAll(async () => {
  rig = await scanRig({ files: 3000, users: 50, seed: 7 });
  engine = rig.engine();
  await engine.start({ days: 7 }, true);
}, 60_000);
afterAll(async () => rig?.cleanup());

describe('scan coverage (3,000 files)', () => {
  it('accounts for every file and matches seeded sharing and sensitive content', async () => {
    // The rig's metadata mix (documents are images): text files carry the sensitive truth here;
    // documents are compared with the truth in content-truth.test.ts.
    const ent = buildEnterprise({ seed: 7, users: 50, files: 3000, mix: 'metadata', historyEnd: Date.now() });
    const rows = engine.store.reader().prepare('SELECT * FROM files').all() as FileRow[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    const truth = await truthJson<{
      entries: Array<{
        id: string;
        trashed: boolean;
        sensitive: Record<'card' | 'iban' | 'ssn' | 'nino' | 'email' | 'lookalike', number> | null;
      }>;
    }>(rig, '/truth/files?offset=0&limit=10000');
    expect(truth.entries).toHaveLength(3000);
    const mismatches: string[] = [];
    let sensitiveFiles = 0;
    let lookalikeFiles = 0;
    for (const t of truth.entries) {
      const r = byId.get(t.id);
      if (!r) {
        mismatches.push(`${t.id}: unaccounted for`);
        continue;
      }
      expect(r.state === 1 || ((r.state === 2 || r.state === 3) && (r.error || r.reason))).toBeTruthy();
      const k = fileIndexById(ent.space, t.id);
      const g = generateFile(ent.space, k);
      const users = ent.users;
      const folderCollabs = (ent.tree.collabs.get(ent.tree.top[g.folder] ?? -1) ?? []).map((c) => c.userIndex);
      const direct = generateFileCollabs(ent.space, k, g.owner).map((c) => c.userIndex);
      const all = [...new Set([...folderCollabs, ...direct])];
      const expected = accessLevel({
        linkEffectiveAccess: g.link?.effectiveAccess ?? null,
        linkPasswordEnabled: g.link?.passwordEnabled ?? false,
        externalCollaborators: all.filter((u) => users[u]?.external).length,
        internalCollaborators: all.filter((u) => !users[u]?.external).length,
      });
      if (r.access_level !== expected) mismatches.push(`${t.id}: access ${r.access_level} != ${expected}`);
      if (g.hasText) {
        // The sandbox's truth: a byte-identical copy carries its source's content.
        const s = t.sensitive ?? { card: 0, iban: 0, ssn: 0, nino: 0, email: 0, lookalike: 0 };
        const found = JSON.parse(r.findings ?? 'null') as Record<string, number> | null;
        const want = { card: s.card, iban: s.iban, ssn: s.ssn, nino: s.nino, email: s.email };
        if (JSON.stringify(found) !== JSON.stringify(want))
          mismatches.push(`${t.id} (${g.ext}): findings ${JSON.stringify(found)} != ${JSON.stringify(want)}`);
        if (s.card + s.iban + s.ssn + s.nino + s.email > 0) sensitiveFiles++;
        if (s.lookalike > 0) lookalikeFiles++;
        expect(r.inspection).toBe('Completed');
      } else {
        expect(['Not applicable', 'Failed']).toContain(r.inspection);
      }
    }
    expect(mismatches.slice(0, 20)).toEqual([]);
    expect(sensitiveFiles).toBeGreaterThan(20);
    expect(lookalikeFiles).toBeGreaterThan(20);
  });

  it('stores exactly the events of the backfill window, once each', async () => {
    const window = JSON.parse(engine.store.meta('backfill_window') ?? 'null') as { from: string; to: string };
    expect(Date.parse(window.to) - Date.parse(window.from)).toBe(7 * 86_400_000);
    const truth = await truthJson<{ entries: Array<{ event_id: string }> }>(
      rig,
      `/truth/events?after=${encodeURIComponent(window.from)}&before=${encodeURIComponent(window.to)}`,
    );
    const stored = (
      engine.store
        .reader()
        .prepare("SELECT event_id FROM events WHERE source = 'backfill' ORDER BY created_at")
        .all() as Array<{ event_id: string }>
    ).map((e) => e.event_id);
    expect(truth.entries.length).toBeGreaterThan(100);
    expect(new Set(stored).size).toBe(stored.length);
    expect([...stored].sort()).toEqual(truth.entries.map((e) => e.event_id).sort());
  });
});

describe('scan coverage as a co-admin', () => {
  it('lists every file it cannot reach under its owner, with the reason', async () => {
    const co = await scanRig({ files: 1500, users: 20, seed: 9, role: 'coadmin' });
    try {
      const e = co.engine();
      await e.start({ none: true }, true);
      const truth = await truthJson<{ users: Array<{ id: string; role: string; external: boolean }> }>(co, '');
      const files = await truthJson<{ entries: Array<{ id: string; owner_id: string; trashed: boolean }> }>(
        co,
        '/truth/files?offset=0&limit=10000',
      );
      const me = co.sandbox.info.signInUserId;
      const admins = new Set(
        truth.users.filter((u) => (u.role === 'admin' || u.role === 'coadmin') && u.id !== me).map((u) => u.id),
      );
      expect(admins.size).toBeGreaterThan(0);
      const { notScannedPage } = await import('../../../main/core/scan/store/queries');
      const page = notScannedPage(e.store.reader(), 0, 1000);
      const unreachable = new Map(page.entries.filter((x) => x.kind === 'user').map((x) => [x.id, x.reason]));
      expect(new Set(unreachable.keys())).toEqual(admins);
      for (const reason of unreachable.values()) expect(reason).toMatch(/co-admin cannot act as/);
      const stored = new Map(
        (e.store.reader().prepare('SELECT id, state FROM files').all() as Array<{ id: string; state: number }>).map(
          (r) => [r.id, r.state],
        ),
      );
      const unaccounted = files.entries.filter((f) => !stored.has(f.id) && !unreachable.has(f.owner_id));
      expect(unaccounted).toEqual([]);
      expect([...stored.values()].every((s) => s !== 0)).toBe(true);
      // Files of unreachable admins that were shared with reachable users are still scanned.
      const scannedOfAdmins = files.entries.filter((f) => unreachable.has(f.owner_id) && stored.get(f.id) === 1).length;
      const ownedByAdmins = files.entries.filter((f) => unreachable.has(f.owner_id)).length;
      expect(ownedByAdmins).toBeGreaterThan(0);
      expect(scannedOfAdmins).toBeLessThan(ownedByAdmins);
    } finally {
      await co.cleanup();
    }
  }, 60_000);
});
