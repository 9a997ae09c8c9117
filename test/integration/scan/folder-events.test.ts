/**
 * Sharing events on FOLDERS: a folder shared with an outside collaborator moves every file
 * beneath it (its subfolders too) to the front with a reason naming the folder and the event,
 * ahead of the rest of the enterprise, and their rescan sees the new access level; removing
 * the collaboration is seen too; a folder preview moves nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanEngine } from '../../../main/core/scan/engine';
import type { FileRow, FolderRow } from '../../../main/core/scan/store/scan-store';
import { scanRig, truthJson, waitForProgress, type ScanRig } from './support';

interface TruthUser {
  id: string;
  login: string;
  external: boolean;
}

async function folderActivity(
  rig: ScanRig,
  folderId: string,
  eventType: string,
  inviteeId?: string,
): Promise<{ event: { event_id: string } }> {
  const res = await fetch(`${rig.sandbox.info.controlUrl}/activity`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ folder_id: folderId, event_type: eventType, invitee_id: inviteeId }),
  });
  if (!res.ok) throw new Error(`folder ${eventType}: ${res.status} ${await res.text()}`);
  return (await res.json()) as { event: { event_id: string } };
}

describe('folder sharing events move the files beneath the folder', () => {
  let rig: ScanRig;
  let engine: ScanEngine;
  let external: TruthUser;
  const scanned: Array<{ id: string; reason: string | null; priority: number }> = [];
  const used = new Set<string>();

  /** Top folders without collaborations holding a subfolder with files, as the store knows them. */
  const plainTops = () =>
    engine.store
      .reader()
      .prepare(
        `SELECT DISTINCT t.* FROM folders t JOIN folders c ON c.parent_id = t.id JOIN files f ON f.folder_id = c.id
    WHERE t.parent_id = '0' AND t.has_collabs = 0 ORDER BY t.id`,
      )
      .all() as FolderRow[];
  const nextPlainTop = () => {
    const top = plainTops().find((t) => !used.has(t.id));
    if (!top) throw new Error('no plain top folder with a subfolder holding files left');
    used.add(top.id);
    return top;
  };
  /** Files under a folder at any depth, by walking the listings' parent ids. */
  const filesUnder = (id: string) =>
    engine.store
      .reader()
      .prepare(
        `WITH RECURSIVE sub(id) AS (SELECT ? UNION SELECT f.id FROM folders f JOIN sub ON f.parent_id = sub.id)
    SELECT * FROM files WHERE folder_id IN (SELECT id FROM sub) ORDER BY id`,
      )
      .all(id) as FileRow[];
  const inSubfolder = (top: FolderRow, files: FileRow[]) => files.filter((f) => f.folder_id !== top.id);

  beforeAll(async () => {
    rig = await scanRig({ files: 3000, users: 10, seed: 7 });
    const truth = await truthJson<{ users: TruthUser[]; counts: { files: number } }>(rig, '/truth');
    external = truth.users.find((u) => u.external)!;
    engine = rig.engine({
      holdRegular: true,
      onFileScanned: (id, r) => scanned.push({ id, reason: r.reason, priority: r.priority }),
    });
    void engine.start({ none: true });
    await waitForProgress(
      engine,
      (p) =>
        p.phase !== 'users' && p.files.discovered === truth.counts.files && p.folders.listed === p.folders.discovered,
    );
  }, 60_000);
  afterAll(async () => rig?.cleanup());

  it('a folder shared with an outside collaborator jumps ahead of the whole enterprise, subfolders included, with the folder named', async () => {
    expect(scanned).toEqual([]); // regular scans held: everything is queued
    const top = nextPlainTop();
    const files = filesUnder(top.id);
    expect(inSubfolder(top, files).length).toBeGreaterThan(0);
    expect(files.every((f) => f.state === 0 && f.priority === 1)).toBe(true);
    const { event } = await folderActivity(rig, top.id, 'COLLABORATION_INVITE', external.id);
    const ids = new Set(files.map((f) => f.id));
    await waitForProgress(engine, () => files.every((f) => engine.store.file(f.id)?.state === 1));
    // Only the folder's files were scanned, each once; the rest of the enterprise is still
    // waiting. (The live stream also repeats a few file events from just before its start
    // position, which move their own files: those say so.)
    const byFolder = scanned.filter((s) => s.reason?.startsWith('Folder '));
    expect(new Set(byFolder.map((s) => s.id))).toEqual(ids);
    expect(byFolder).toHaveLength(ids.size);
    expect(scanned.filter((s) => !ids.has(s.id)).every((s) => /^[A-Z_]+ by /.test(s.reason ?? ''))).toBe(true);
    expect(engine.snapshot().files.queued).toBeGreaterThan(2000);
    const reason = new RegExp(
      `^Folder '${top.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}' shared with ${external.login.replace(/\./g, '\\.')} by .+ at \\S+ \\(COLLABORATION_INVITE\\)$`,
    );
    for (const s of byFolder) expect([s.priority, s.reason]).toEqual([0, expect.stringMatching(reason)]);
    for (const f of files.map((x) => engine.store.file(x.id)!)) {
      expect(f.reason_event).toBe(event.event_id);
      expect(JSON.parse(f.ext_collaborators ?? '[]')).toContain(external.login);
      if (f.link_effective !== 'open') expect(f.access_level).toBe('External');
    }
    expect(engine.snapshot().jumps[0]).toMatchObject({ eventType: 'COLLABORATION_INVITE', eventId: event.event_id });
    expect(ids.has(engine.snapshot().jumps[0]!.fileId)).toBe(true);
    expect(engine.snapshot().head.every((h) => h.priority !== 'activity')).toBe(true);
  });

  it('after the full scan, a newly shared folder is scanned again with the new access, and unsharing it is seen too', async () => {
    engine.setHoldRegular(false);
    await waitForProgress(engine, (p) => p.files.queued === 0 && p.phase === 'live');
    const top = nextPlainTop();
    const before = filesUnder(top.id);
    expect(inSubfolder(top, before).length).toBeGreaterThan(0);
    expect(before.every((f) => f.state === 1 && f.access_level !== 'External')).toBe(true);
    const rescanned = (rows: FileRow[]) =>
      rows.every((f) => {
        const now = engine.store.file(f.id);
        return now?.state === 1 && now.scan_count > f.scan_count;
      });

    await folderActivity(rig, top.id, 'COLLABORATION_INVITE', external.id);
    await waitForProgress(engine, () => rescanned(before));
    const shared = filesUnder(top.id);
    for (const f of shared) if (f.link_effective !== 'open') expect(f.access_level).toBe('External');
    expect(
      inSubfolder(top, shared).every((f) => JSON.parse(f.ext_collaborators ?? '[]').includes(external.login)),
    ).toBe(true);

    await folderActivity(rig, top.id, 'COLLABORATION_REMOVE');
    await waitForProgress(engine, () => rescanned(shared));
    const after = filesUnder(top.id);
    expect(
      after.every((f) => f.reason?.startsWith(`Folder '${top.name}' no longer shared with ${external.login} by `)),
    ).toBe(true);
    // Back to what the full scan said before the folder was shared.
    expect(after.map((f) => f.access_level)).toEqual(before.map((f) => f.access_level));
    // The live counters agree with the store.
    const c = engine.store.counts();
    expect(engine.snapshot().files).toMatchObject({
      discovered: c.files,
      queued: c.queued,
      scanned: c.done,
      failed: c.failed,
      notScanned: c.notScanned,
    });
  });

  it('a folder preview moves nothing', async () => {
    const top = nextPlainTop();
    const before = filesUnder(top.id);
    const jumps = engine.snapshot().jumps;
    const { event } = await folderActivity(rig, top.id, 'PREVIEW');
    const stored = () =>
      engine.store.reader().prepare('SELECT 1 FROM events WHERE event_id = ?').get(event.event_id) !== undefined;
    await waitForProgress(engine, stored);
    // One more poll after it was stored: still nothing moved.
    const polls = engine.snapshot().requests.total;
    await waitForProgress(engine, (p) => p.requests.total > polls + 1);
    expect(filesUnder(top.id)).toEqual(before);
    expect(engine.snapshot().jumps).toEqual(jumps);
    expect(engine.snapshot().files.queued).toBe(0);
  });
});
