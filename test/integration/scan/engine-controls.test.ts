/**
 * The engine's controls under failure (issue 13): writes failing for a while do not kill the
 * work slots (the scan finishes once they work again); a start that
 * fails part-way leaves nothing running; starting again while a scan runs adds no second set
 * of loops or a second live poller.
 */
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ScanEngine } from '../../../main/core/scan/engine';
import { scanRig, truthJson, waitForProgress, type ScanRig } from './support';

/** Events polls the engine sent so far (each live poll is one). */
function eventsRequests(engine: ScanEngine): number {
  return engine.scheduler.stats.byKind.events ?? 0;
}

/** Resolves after `ms`: used only to watch that nothing happens during a window. */
function watchFor(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

describe('engine controls', () => {
  let rig: ScanRig;
  beforeEach(async () => {
    rig = await scanRig({ files: 800, users: 10, seed: 31 });
  }, 60_000);
  afterEach(async () => rig?.cleanup());

  it('keeps every work slot alive while every write fails, then finishes', async () => {
    const engine = rig.engine({ concurrency: 2, holdRegular: true });
    const truth = await truthJson<{ counts: { files: number } }>(rig, '/truth');
    const done = engine.start({ none: true }, true);
    await waitForProgress(
      engine,
      (p) => p.files.discovered === truth.counts.files && p.folders.listed === p.folders.discovered,
    );
    // The defect as the issue found it: a read left open on the engine's own connection (an
    // export did this) makes every write throw "connection is busy", picks included: the
    // queue head's first pick finishes files on the way (a write).
    const writer = Reflect.get(engine.store, 'db') as Database.Database;
    const open = writer.prepare('SELECT id FROM files').iterate();
    open.next();
    engine.setHoldRegular(false);
    await waitForProgress(engine, (p) => /busy/i.test(p.message ?? ''));
    await watchFor(1500); // long enough for every slot to pick again while writes fail
    open.return?.();
    await done;
    const p = engine.snapshot();
    expect(p.files.discovered).toBe(truth.counts.files);
    expect(p.files.queued).toBe(0);
    expect(p.files.scanned + p.files.failed + p.files.notScanned).toBe(p.files.discovered);
    expect(p.files.failed).toBe(0);
  }, 60_000);

  it('leaves nothing running after a start that fails part-way', async () => {
    const engine = rig.engine({ livePollMs: 50 });
    // An invalid backfill date fails the start after the users and the live stream's position.
    await expect(engine.start({ since: 'not a date' })).rejects.toThrow();
    expect(engine.snapshot().phase).toBe('error');
    const polls = eventsRequests(engine);
    await watchFor(800); // a live poller left behind would poll ~16 times here
    expect(eventsRequests(engine)).toBe(polls);
    expect(engine.snapshot().running).toBe(false);
  }, 30_000);

  it('runs one set of loops and one live poller however often Start is pressed', async () => {
    const engine = rig.engine({ livePollMs: 200, holdRegular: true });
    const first = engine.start({ none: true });
    const second = engine.start({ none: true });
    await waitForProgress(engine, (p) => p.phase === 'discovery');
    void engine.start({ none: true });
    const before = eventsRequests(engine);
    await watchFor(2000);
    // One poller: about 10 polls in 2 s (fewer when timers run late); two would make about 20.
    expect(eventsRequests(engine) - before).toBeLessThanOrEqual(13);
    await engine.stop();
    await Promise.all([first, second]);
    // Stopped means stopped: no poll after stop() returned.
    const after = eventsRequests(engine);
    await watchFor(600);
    expect(eventsRequests(engine)).toBe(after);
  }, 30_000);
});
