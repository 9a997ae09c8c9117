/**
 * The queue as a user sees it: an edit moves a file to the front, a preview moves nothing, a
 * scanned file is scanned again after a sharing event; a stopped scan resumes without
 * scanning a finished file twice; rescan everything reuses content whose SHA-1 did not change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanEngine } from '../../../main/core/scan/engine';
import type { FileRow } from '../../../main/core/scan/store/scan-store';
import { injectActivity, scanRig, waitForProgress, type ScanRig } from './support';

describe('priority: events move files to the front', () => {
  let rig: ScanRig;
  let engine: ScanEngine;
  const scanned: Array<{ id: string; reason: string | null; priority: number }> = [];
  let total = 0;

  beforeAll(async () => {
    rig = await scanRig({ files: 2000, users: 20, seed: 3 });
    engine = rig.engine({
      holdRegular: true,
      onFileScanned: (id, r) => scanned.push({ id, reason: r.reason, priority: r.priority }),
    });
    void engine.start({ none: true });
    const truth = (await (await fetch(`${rig.sandbox.info.controlUrl}/truth`)).json()) as { counts: { files: number } };
    total = truth.counts.files;
    await waitForProgress(
      engine,
      (p) => p.phase !== 'users' && p.files.discovered === total && p.folders.listed === p.folders.discovered,
    );
  }, 60_000);
  afterAll(async () => rig?.cleanup());

  it('scans the file last in line first after an edit, and says why', async () => {
    expect(scanned).toEqual([]); // regular scans are held: the whole enterprise is queued
    const last = engine.store
      .reader()
      .prepare('SELECT * FROM files WHERE state = 0 ORDER BY priority DESC, seq DESC LIMIT 1')
      .get() as FileRow;
    const { event } = await injectActivity(rig, last.id, 'EDIT');
    await waitForProgress(engine, () => scanned.some((s) => s.id === last.id));
    expect(scanned.map((s) => s.id)).toEqual([last.id]);
    expect(scanned[0]?.priority).toBe(0);
    expect(scanned[0]?.reason).toMatch(/^EDIT by .+ at /);
    const row = engine.store.file(last.id)!;
    expect(row).toMatchObject({ state: 1, reason_event: event.event_id });
    expect(engine.snapshot().jumps[0]).toMatchObject({ fileId: last.id, eventType: 'EDIT', eventId: event.event_id });
  });

  it('leaves a previewed file where it was', async () => {
    const next = engine.store
      .reader()
      .prepare('SELECT * FROM files WHERE state = 0 ORDER BY priority DESC, seq DESC LIMIT 1')
      .get() as FileRow;
    const { event } = await injectActivity(rig, next.id, 'PREVIEW');
    const stored = () =>
      engine.store.reader().prepare('SELECT 1 FROM events WHERE event_id = ?').get(event.event_id) !== undefined;
    await waitForProgress(engine, stored);
    // One more poll after it was stored: still nothing moved.
    const polls = engine.snapshot().requests.total;
    await waitForProgress(engine, (p) => p.requests.total > polls + 1);
    expect(scanned).toHaveLength(1);
    expect(engine.store.file(next.id)).toMatchObject({ state: 0, priority: 1, seq: next.seq, reason: next.reason });
    expect(engine.snapshot().head.every((h) => h.priority !== 'activity')).toBe(true);
  });

  it('scans everything once released, then rescans a scanned file after a sharing event', async () => {
    engine.setHoldRegular(false);
    await waitForProgress(engine, (p) => p.files.queued === 0 && p.phase === 'live');
    const ids = new Set(scanned.map((s) => s.id));
    expect(ids.size).toBe(scanned.length); // nothing scanned twice
    const done = engine.store.reader().prepare('SELECT COUNT(*) n FROM files WHERE state IN (1, 2, 3)').get() as {
      n: number;
    };
    expect(done.n).toBe(total);
    const target = scanned[scanned.length - 1]!.id;
    const before = engine.store.file(target)!;
    await injectActivity(rig, target, 'SHARE');
    await waitForProgress(
      engine,
      () => (engine.store.file(target)?.scan_count ?? 0) > before.scan_count && engine.store.file(target)?.state === 1,
    );
    const after = engine.store.file(target)!;
    expect(after.reason).toMatch(/^SHARE by /);
    expect(after.link_effective).not.toBeNull();
    // The live counters agree with the store after the rescan.
    const c = engine.store.counts();
    expect(engine.snapshot().files).toMatchObject({
      discovered: c.files,
      queued: c.queued,
      scanned: c.done,
      failed: c.failed,
      notScanned: c.notScanned,
    });
  });
});

describe('persistence and controls', () => {
  let rig: ScanRig;
  beforeAll(async () => {
    rig = await scanRig({ files: 1500, users: 15, seed: 5 });
  }, 60_000);
  afterAll(async () => rig?.cleanup());

  it('resumes a stopped scan without scanning a finished file again', async () => {
    const seen = new Map<string, number>();
    const count = (id: string) => seen.set(id, (seen.get(id) ?? 0) + 1);
    const first = rig.engine({ rateLimitPerSecond: 200, concurrency: 4, onFileScanned: count });
    void first.start({ days: 7 });
    await waitForProgress(first, (p) => p.files.scanned >= 100);
    const paused = first.pause();
    void paused;
    expect(first.snapshot()).toMatchObject({ phase: 'paused', running: false });
    await first.stop();
    first.close();
    const halfway = seen.size;
    expect(halfway).toBeGreaterThanOrEqual(100);

    const second = rig.engine({ onFileScanned: count });
    expect(second.snapshot().files.scanned).toBe(halfway);
    await second.start({ days: 7 }, true);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
    const rows = second.store.reader().prepare('SELECT state, scan_count FROM files').all() as Array<{
      state: number;
      scan_count: number;
    }>;
    expect(rows.filter((r) => r.state === 1).every((r) => r.scan_count === 1)).toBe(true);
    expect(rows.every((r) => r.state !== 0)).toBe(true);
    const events = second.store
      .reader()
      .prepare("SELECT COUNT(*) n, COUNT(DISTINCT event_id) d FROM events WHERE source = 'backfill'")
      .get() as { n: number; d: number };
    expect(events.n).toBe(events.d);

    // Rescan everything: every file again, but no download for content whose SHA-1 is unchanged.
    const downloadsBefore = second.scheduler.stats.byKind.download ?? 0;
    await second.rescanAll();
    expect(second.snapshot().head[0]?.priority).toBe('periodic');
    await second.start({ days: 7 }, true);
    const again = second.store.reader().prepare('SELECT state, scan_count FROM files WHERE state = 1').all() as Array<{
      scan_count: number;
    }>;
    expect(again.every((r) => r.scan_count === 2)).toBe(true);
    expect(second.scheduler.stats.byKind.download ?? 0).toBe(downloadsBefore);

    // Rescan one file: it jumps the queue with its reason.
    const one = again.length
      ? (second.store.reader().prepare('SELECT id FROM files WHERE state = 1 LIMIT 1').get() as { id: string }).id
      : '';
    second.rescanFile(one);
    expect(second.snapshot().head[0]).toMatchObject({
      fileId: one,
      priority: 'activity',
      reason: 'rescan of this file requested',
    });
    await second.start({ days: 7 }, true);
    expect(second.store.file(one)).toMatchObject({ state: 1, scan_count: 3 });
  }, 120_000);
});
