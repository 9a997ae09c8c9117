/**
 * The phase the scan shows, and runs that must not get stuck (issue 13, review findings 13,
 * 14 and 5). Pause/resume while live stays live (no second "Scan complete"); Resume during a
 * reconnect wait still says "reconnect"; a reconnect during the users step goes back to it;
 * files a live poll moved while no run could take its result are scanned by the next run; a
 * sign-in lost in one run does not hold the next one.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileState } from '../../../common/scan/states';
import type { ScanPhase } from '../../../common/scan/types';
import { scanRig, waitForProgress, type ScanRig } from './support';

/** Whether `p` settles within `ms` (the run would otherwise wait forever). */
async function settlesWithin(p: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((r) => (timer = setTimeout(() => r(false), ms)));
  const settled = p.then(
    () => true as const,
    () => true as const,
  );
  const result = await Promise.race([settled, late]);
  clearTimeout(timer);
  return result;
}

describe('scan phases and runs after an interruption', () => {
  let rig: ScanRig;
  beforeEach(async () => {
    rig = await scanRig({ files: 300, users: 5, seed: 13 });
  }, 60_000);
  afterEach(async () => rig?.cleanup());

  it('stays live through pause and resume, and says reconnect when resumed while signed out', async () => {
    const engine = rig.engine({ concurrency: 4 });
    const run = engine.start({ none: true });
    await waitForProgress(engine, (p) => p.phase === 'live');
    const phases: ScanPhase[] = [];
    const off = engine.progress.on((p) => phases.push(p.phase));
    engine.pause();
    engine.resume();
    expect(engine.snapshot().phase).toBe('live');
    engine.waitForSignIn();
    engine.resume();
    expect(engine.snapshot().phase).toBe('reconnect');
    engine.signInRestored();
    expect(engine.snapshot().phase).toBe('live');
    engine.progress.flush();
    off();
    expect(phases.filter((p) => p === 'inspection' || p === 'discovery')).toEqual([]);
    await engine.stop();
    await run;
  }, 60_000);

  it('goes back to the users step after a reconnect there, not to discovery', async () => {
    const engine = rig.engine({ concurrency: 4 });
    const run = engine.start({ none: true });
    expect(engine.snapshot().phase).toBe('users');
    engine.waitForSignIn();
    engine.signInRestored();
    expect(engine.snapshot().phase).toBe('users');
    await engine.stop();
    await run;
  }, 60_000);

  it('scans, in the next run, a file a live poll moved while no run could take it', async () => {
    const engine = rig.engine({ concurrency: 4 });
    await engine.start({ none: true }, true);
    const done =
      engine.store.head(1).length === 0
        ? (engine.store.reader().prepare('SELECT id FROM files WHERE state = ? LIMIT 1').get(FileState.done) as {
            id: string;
          })
        : null;
    expect(done).not.toBeNull();
    const f = engine.store.file(done!.id)!;
    // What pollLive commits for an edit event; the run had stopped, so nobody was told.
    engine.store.tx(() =>
      engine.store.prioritise({
        id: f.id,
        name: f.name,
        ext: f.ext,
        folderId: f.folder_id,
        ownerId: f.owner_id,
        ownerLogin: f.owner_login,
        asUser: f.as_user,
        reason: 'edited',
        eventId: 'e-late',
      }),
    );
    expect(await settlesWithin(engine.start({ none: true }, true), 20_000)).toBe(true);
    expect(engine.store.file(f.id)!.state).toBe(FileState.done);
  }, 60_000);

  it('starts afresh after a run stopped while waiting for a sign-in', async () => {
    const engine = rig.engine({ concurrency: 4 });
    const first = engine.start({ none: true }, true);
    engine.waitForSignIn(); // a 401 during the users step
    await waitForProgress(engine, (p) => p.phase === 'reconnect');
    await engine.stop();
    await first;
    expect(await settlesWithin(engine.start({ none: true }, true), 20_000)).toBe(true);
    const p = engine.snapshot();
    expect(p.files.queued).toBe(0);
    expect(p.files.scanned + p.files.failed + p.files.notScanned).toBe(p.files.discovered);
  }, 60_000);
});
