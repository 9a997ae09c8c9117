/**
 * The scan engine: phases (users → backfill → discovery and scan → content inspection), then
 * continuous (live events, periodic rescan), with pause/resume/stop/rescan controls. Work runs
 * on `concurrency` slots, each taking the most urgent task: a file moved by an event, then a
 * folder listing (discovery runs ahead of scanning), then the queue head. Files whose listing
 * row says everything are finished in batches with no request at all.
 */
import { join } from 'node:path';
import type { BackfillChoice, ScanPhase, ScanProgress } from '../../../common/scan/types';
import type { Statement } from 'better-sqlite3';
import type { BoxClient } from 'box-node-sdk';
import { ReconnectRequiredError } from '../auth/token-session';
import { BoxApi, BoxApiError } from './box-api';
import { runBackfill } from './phases/backfill';
import { collaborations, listFolderPage, listRoot, summariseCollabs, type DiscoveryDeps } from './phases/discovery';
import { currentStreamPosition, pollLive } from './phases/live';
import { fetchFile, folderCollabs, inspect, localInspection, localResult, needsFileCollabs, ownCollabs } from './phases/scan-file';
import { discoverUsers } from './phases/users';
import { ProgressThrottle, RateWindow } from './progress';
import { RequestScheduler } from './scheduler';
import { headEntry, recentJumps } from './store/queries';
import { FILE_STATE, ScanStore, type FileRow, type FolderRow } from './store/scan-store';

export interface ScanEngineOptions {
  /** The database file (default <home>/scan.sqlite). */
  dbPath: string;
  /** The official SDK client (build it with scanClient: SDK retries off, the scheduler's on). */
  client: BoxClient;
  /** An open store to use (the service shares it with the bridge's read queries). */
  store?: ScanStore;
  /** Box's published limit is 1,000 a minute per user. */
  rateLimitPerSecond?: number;
  concurrency?: number;
  livePollMs?: number;
  rescanIntervalMs?: number;
  /** Tests and benches: hold back regular (non-activity) file scans. */
  holdRegular?: boolean;
  onFileScanned?(id: string, row: { priority: number; reason: string | null }): void;
}

export const DEFAULT_RATE = 1000 / 60;

export function scanDbPath(home: string): string {
  return join(home, 'scan.sqlite');
}

export class ScanEngine {
  readonly store: ScanStore;
  readonly api: BoxApi;
  readonly scheduler: RequestScheduler;
  readonly progress: ProgressThrottle;
  private phase: ScanPhase = 'idle';
  private phaseStarted: Partial<Record<ScanPhase, string>> = {};
  private running = false;
  private paused = false;
  private stopped = false;
  private message: string | null = null;
  private wakers: Array<() => void> = [];
  private readonly inFlight = new Set<string>();
  private readonly foldersInFlight = new Set<string>();
  private rootsInFlight = new Set<string>();
  private buffer: FileRow[] = [];
  private activityHint = true;
  private members = new Set<string>();
  private readonly scannedRate = new RateWindow(10_000);
  private readonly inspectedRate = new RateWindow(10_000);
  private c = { users: 0, reachable: 0, folders: 0, listed: 0, files: 0, queued: 0, done: 0, failed: 0, notScanned: 0, inspectionPending: 0, events: 0, backfillEvents: 0 };
  private readonly inspecting = new Set<string>();
  private failures = 0;
  private inspectBuffer: FileRow[] = [];
  private liveEvents = 0;
  private window: { from: string; to: string } | null = null;
  private idleResolvers: Array<() => void> = [];
  private liveTimer: NodeJS.Timeout | null = null;
  private loops: Promise<void>[] = [];
  private holdRegular: boolean;
  /** The folder whose collaborations are being read again after a sharing event (one at a time). */
  private refreshing: string | null = null;

  constructor(private readonly o: ScanEngineOptions) {
    this.store = o.store ?? new ScanStore(o.dbPath);
    this.scheduler = new RequestScheduler({ ratePerSecond: o.rateLimitPerSecond ?? DEFAULT_RATE, concurrency: o.concurrency ?? 16 });
    this.api = new BoxApi(o.client, this.scheduler);
    this.progress = new ProgressThrottle(() => this.snapshot(), 100);
    this.holdRegular = o.holdRegular ?? false;
    this.c = this.store.counts();
    const w = this.store.meta('backfill_window');
    this.window = w ? (JSON.parse(w) as { from: string; to: string }) : null;
  }

  /** Prepared statements, made once (preparing per call costs more than the query). */
  private readonly statements = new Map<string, Statement>();
  private q(sql: string): Statement {
    let st = this.statements.get(sql);
    if (!st) this.statements.set(sql, (st = this.store.db.prepare(sql)));
    return st;
  }

  // ---------- controls ----------

  /** Runs the scan; resolves when stopped, or (untilIdle) once the queue is empty and the backfill done. */
  async start(choice: BackfillChoice = { days: 7 }, untilIdle = false): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.stopped = false;
    this.paused = false;
    this.phaseStarted = {};
    try {
      this.setPhase('users');
      await discoverUsers(this.api, this.store);
      this.refreshCounts();
      this.members = new Set(this.store.users().map((u) => u.id));
      if (this.store.meta('live_position') === null) this.store.setMeta('live_position', await currentStreamPosition(this.api));
      this.startLive();
      await this.backfill(choice);
      if (this.stopped) return;
      this.setPhase('discovery');
      const concurrency = this.o.concurrency ?? 16;
      this.loops = Array.from({ length: concurrency }, () => this.slot());
      if (untilIdle) await this.idle();
      else await Promise.all(this.loops);
    } catch (e) {
      this.message = e instanceof Error ? e.message : String(e);
      this.setPhase('error');
      throw e;
    } finally {
      if (untilIdle || this.stopped) await this.stop();
      this.running = false;
      this.progress.flush();
    }
  }

  pause(): void {
    this.paused = true;
    this.setPhase('paused');
  }

  resume(): void {
    this.paused = false;
    this.setPhase(this.discoveryDone() ? 'inspection' : 'discovery');
    this.wake();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.liveTimer) clearTimeout(this.liveTimer);
    this.liveTimer = null;
    this.wake();
    await Promise.allSettled(this.loops);
    this.loops = [];
    if (this.phase !== 'error') this.setPhase('stopped');
  }

  /** Closes the store too, unless it was handed in (then its owner closes it). */
  close(): void {
    this.progress.dispose();
    if (!this.o.store) this.store.close();
  }

  rescanAll(reason = 'rescan of everything requested'): void {
    this.store.rescanAll(reason);
    this.buffer = [];
    this.refreshCounts();
    this.wake();
  }

  rescanFile(id: string): void {
    const f = this.store.file(id);
    this.store.tx(() => {
      this.store.prioritise({ id, name: f?.name ?? '', ext: f?.ext ?? '', folderId: f?.folder_id ?? null, ownerId: f?.owner_id ?? null, ownerLogin: f?.owner_login ?? null, asUser: f?.as_user ?? null, reason: 'rescan of this file requested', eventId: '' });
      this.store.recordJump({ fileId: id, name: f?.name ?? '', eventType: 'RESCAN_REQUESTED', eventId: null, at: new Date().toISOString() });
    });
    this.activityHint = true;
    if (f?.state !== 0) this.c.queued++;
    if (f?.state === FILE_STATE.done) this.c.done--;
    if (f?.state === FILE_STATE.failed) this.c.failed--;
    if (f?.state === FILE_STATE.notScanned || f?.state === FILE_STATE.gone) this.c.notScanned--;
    if (!f) this.c.files++;
    this.progress.changed();
    this.wake();
  }

  /** Tests and benches: hold back (or release) regular and periodic scans; activity still runs. */
  setHoldRegular(hold: boolean): void {
    this.holdRegular = hold;
    this.wake();
  }

  // ---------- phases ----------

  private async backfill(choice: BackfillChoice): Promise<void> {
    if ('none' in choice || this.store.meta('backfill_done') === '1') {
      if ('none' in choice) this.store.setMeta('backfill_done', '1');
      return;
    }
    if (!this.window) {
      const to = new Date(Math.floor(Date.now() / 1000) * 1000);
      const from = 'since' in choice ? new Date(choice.since) : new Date(to.getTime() - choice.days * 86_400_000);
      this.window = { from: iso(from), to: iso(to) };
      this.store.setMeta('backfill_window', JSON.stringify(this.window));
    }
    this.setPhase('backfill');
    await runBackfill(this.api, this.store, this.window, () => this.stopped, (n, moved) => {
      this.c.backfillEvents += n;
      this.c.events += n;
      if (moved > 0) {
        // A folder sharing event moved files the store already knew (rare: see runBackfill).
        this.activityHint = true;
        this.c = this.store.counts();
      }
      this.progress.changed();
    });
  }

  private startLive(): void {
    const every = this.o.livePollMs ?? 1000;
    const tick = async () => {
      this.liveTimer = null;
      if (this.stopped) return;
      let again = every;
      try {
        const r = await pollLive(this.api, this.store);
        this.liveEvents += r.stored;
        this.c.events += r.stored;
        if (r.moved.length || r.folderRefresh) {
          this.activityHint = true;
          this.c.files += r.newFiles;
          this.c.queued += r.newlyQueued;
          this.c.done -= r.wasDone;
          this.c.failed -= r.wasFailed;
          this.c.notScanned -= r.wasNotScanned;
          this.wake();
        }
        if (r.full) again = 0;
        this.maybePeriodic();
        this.progress.changed();
      } catch (e) {
        this.message = `following live events: ${e instanceof Error ? e.message : String(e)}`;
      }
      if (!this.stopped) this.liveTimer = setTimeout(() => void tick(), again);
    };
    this.liveTimer = setTimeout(() => void tick(), 0);
  }

  private maybePeriodic(): void {
    const every = this.o.rescanIntervalMs ?? 12 * 3600_000;
    const last = Number(this.store.meta('full_scan_at') ?? 0);
    if (last > 0 && Date.now() - last >= every) {
      this.store.setMeta('full_scan_at', '0');
      this.rescanAll('periodic rescan (every 12 h)');
    }
  }

  // ---------- the work loop ----------

  private wake(): void {
    const w = this.wakers;
    this.wakers = [];
    for (const r of w) r();
  }

  private sleep(): Promise<void> {
    return new Promise((r) => this.wakers.push(r));
  }

  private idle(): Promise<void> {
    return new Promise((r) => this.idleResolvers.push(r));
  }

  private discoveryDone(): boolean {
    return this.q('SELECT 1 FROM users WHERE reachable = 1 AND root_done = 0 LIMIT 1').get() === undefined &&
      this.q('SELECT 1 FROM folders WHERE state = 0 LIMIT 1').get() === undefined;
  }

  private async slot(): Promise<void> {
    while (!this.stopped) {
      if (this.paused) {
        await this.sleep();
        continue;
      }
      const task = this.nextTask();
      if (!task) {
        if (this.inFlight.size === 0 && this.inspecting.size === 0 && this.foldersInFlight.size === 0 && this.rootsInFlight.size === 0 && this.checkIdle()) continue;
        await this.sleep();
        continue;
      }
      try {
        await task();
        this.failures = 0;
      } catch (e) {
        // The scheduler already retried what can be retried. A sign-in Box no longer accepts
        // pauses the scan; anything else backs off (growing, shared) so a broken folder or a
        // network outage never turns into a loop of requests.
        this.message = e instanceof Error ? e.message : String(e);
        if (e instanceof ReconnectRequiredError || (e instanceof BoxApiError && e.status === 401)) {
          this.pause();
          continue;
        }
        this.failures++;
        await new Promise((r) => setTimeout(r, Math.min(30_000, 500 * 2 ** Math.min(this.failures, 6))));
      }
      this.progress.changed();
      this.wake();
    }
  }

  private checkIdle(): boolean {
    if (!this.discoveryDone() || this.store.head(1).length > 0 || this.store.nextInspections(1).length > 0) return false;
    if (this.phase !== 'live') {
      if (this.store.meta('full_scan_at') === '0' || this.store.meta('full_scan_at') === null) this.store.setMeta('full_scan_at', String(Date.now()));
      this.setPhase('live');
    }
    if (this.store.meta('backfill_done') === '1') {
      const r = this.idleResolvers;
      this.idleResolvers = [];
      for (const x of r) x();
    }
    return false;
  }

  private nextTask(): (() => Promise<void>) | null {
    // 0. Collaborations a folder sharing event changed: read them again before the files
    // beneath are scanned (those files wait meanwhile, so no result is computed from the old
    // access).
    const refresh = this.collabRefreshTask();
    if (refresh) return refresh;
    // 1. Files moved by an event.
    if (this.activityHint) {
      const waiting = (r: FileRow) => r.folder_id !== null && this.store.folder(r.folder_id)?.collab_wait === 1;
      const rows = this.store.head(32, true).filter((r) => !this.inFlight.has(r.id) && !waiting(r));
      if (rows.length === 0 && this.inFlight.size === 0) this.activityHint = false;
      const row = rows[0];
      if (row) return this.fileTask(row);
    }
    // 2. Discovery, ahead of scanning (at most half the slots).
    const half = Math.max(1, Math.floor((this.o.concurrency ?? 16) / 2));
    const listing = this.foldersInFlight.size + this.rootsInFlight.size;
    const discovery = listing < half || this.holdRegular ? this.discoveryTask() : null;
    if (discovery) return discovery;
    // 3. The queue head (regular, then periodic).
    if (!this.holdRegular) {
      const row = this.nextBuffered();
      if (row) return this.fileTask(row);
    }
    // 4. Content inspection of scanned files.
    if (!this.holdRegular) {
      const task = this.inspectionTask();
      if (task) return task;
    }
    return this.discoveryTask();
  }

  private collabRefreshTask(): (() => Promise<void>) | null {
    if (this.refreshing !== null) return null;
    const f = this.store.nextCollabRefresh();
    if (!f) return null;
    this.refreshing = f.id;
    this.store.tx(() => this.store.collabRefreshStarted(f.id));
    return async () => {
      let done = false;
      try {
        let summary: { externals: string[]; internal: number } | null = null;
        try {
          const own = summariseCollabs(await collaborations(this.api, 'folders', f.id, f.as_user), (id) => this.members.has(id));
          // Collaborations over the folder's parent still apply beneath it.
          const above = folderCollabs(f.parent_id && f.parent_id !== '0' ? this.store.folder(f.parent_id) : undefined);
          summary = { externals: [...new Set([...above.externals, ...own.externals])], internal: above.internal + own.internal };
        } catch (e) {
          // Gone or out of reach: keep what was known; its files say so when they are read.
          if (!(e instanceof BoxApiError && (e.status === 404 || e.status === 403))) throw e;
        }
        this.store.tx(() => this.store.collabRefreshDone(f.id, summary));
        done = true;
      } finally {
        if (!done) this.store.tx(() => this.store.collabRefreshFailed(f.id));
        this.refreshing = null;
        this.activityHint = true;
      }
    };
  }

  private discoveryTask(): (() => Promise<void>) | null {
    const deps: DiscoveryDeps = { api: this.api, store: this.store, isMember: (id) => this.members.has(id), onNewFiles: (n) => this.onNewFiles(n) };
    const user = this.store.users().find((u) => u.reachable && !u.root_done && !this.rootsInFlight.has(u.id));
    if (user) {
      this.rootsInFlight.add(user.id);
      return async () => {
        try {
          await listRoot(deps, user);
        } finally {
          this.rootsInFlight.delete(user.id);
          this.refreshCounts();
        }
      };
    }
    if (this.rootsInFlight.size > 0) return null; // roots decide who walks shared folders
    const folder = this.store.nextFolders(this.foldersInFlight.size + 1).find((f) => !this.foldersInFlight.has(f.id));
    if (!folder) return null;
    this.foldersInFlight.add(folder.id);
    return async () => {
      try {
        await listFolderPage(deps, folder);
        const after = this.store.folder(folder.id);
        if (after?.state === 1) this.c.listed++;
      } finally {
        this.foldersInFlight.delete(folder.id);
        // Folders are never deleted (but on reset): the last rowid is their count, at no cost.
        this.c.folders = (this.q('SELECT COALESCE(MAX(rowid), 0) n FROM folders').get() as { n: number }).n;
      }
    };
  }

  private onNewFiles(n: number): void {
    this.c.files += n;
    this.c.queued += n;
  }

  /** The queue head, finishing on the way every file that needs no request. */
  private nextBuffered(): FileRow | null {
    for (let round = 0; round < 4; round++) {
      while (this.buffer.length) {
        const r = this.buffer.shift()!;
        if (!this.inFlight.has(r.id)) return r;
      }
      const rows = this.store.head(500 + this.inFlight.size).filter((r) => !this.inFlight.has(r.id));
      if (rows.length === 0) return null;
      const local: FileRow[] = [];
      const folders = new Map<string, FolderRow | undefined>();
      const folderOf = (id: string | null) => {
        if (!id) return undefined;
        if (!folders.has(id)) folders.set(id, this.store.folder(id));
        return folders.get(id);
      };
      for (const r of rows) {
        if (r.priority === 0) continue; // activity rows go through fileTask
        const folder = folderOf(r.folder_id);
        if (folder && folder.state === 0 && folder.marker === null && r.priority === 2) continue; // periodic: wait for the re-listing
        if (folder?.collab_wait === 1) continue; // its collaborations are being read again
        // Content inspection comes later (its own phase): only a stale row or collaborations
        // that could change the access level need a request now.
        if (r.stale === 1 || needsFileCollabs(r, folderCollabs(folder))) this.buffer.push(r);
        else local.push(r);
      }
      if (local.length) {
        this.store.tx(() => {
          for (const r of local) {
            const ins = localInspection(r);
            this.store.finish(r.id, r.gen, localResult(r, folderCollabs(folderOf(r.folder_id)), null, ins), ins.state === 'Pending');
            if (ins.state === 'Pending') this.c.inspectionPending++;
          }
        });
        this.scanned(local.map((r) => [r.id, r]));
      }
      if (this.buffer.length === 0 && local.length === 0) return null;
    }
    return this.buffer.shift() ?? null;
  }

  /** The next content inspection (the oldest scanned file still Pending). */
  private inspectionTask(): (() => Promise<void>) | null {
    let row: FileRow | undefined;
    while ((row = this.inspectBuffer.shift()) && this.inspecting.has(row.id));
    if (!row) {
      this.inspectBuffer = this.store.nextInspections(200 + this.inspecting.size).filter((r) => !this.inspecting.has(r.id));
      row = this.inspectBuffer.shift();
    }
    if (!row) return null;
    const r = row;
    if (this.phase === 'discovery' && this.discoveryDone()) this.setPhase('inspection');
    this.inspecting.add(r.id);
    return async () => {
      try {
        const ins = await inspect(this.api, r);
        this.store.tx(() => this.store.inspected(r.id, r.gen, { inspection: ins.state, inspectionReason: ins.reason, findings: ins.findings, scannedSha1: ins.sha1 }));
        this.c.inspectionPending = Math.max(0, this.c.inspectionPending - 1);
        this.inspectedRate.add(1);
      } finally {
        this.inspecting.delete(r.id);
      }
    };
  }

  private scanned(list: Array<[string, Pick<FileRow, 'priority' | 'reason'>]>): void {
    this.c.done += list.length;
    this.c.queued = Math.max(0, this.c.queued - list.length);
    this.scannedRate.add(list.length);
    if (this.o.onFileScanned) for (const [id, r] of list) this.o.onFileScanned(id, r);
  }

  private fileTask(row: FileRow): () => Promise<void> {
    this.inFlight.add(row.id);
    return async () => {
      try {
        await this.scanFile(row.id);
      } finally {
        this.inFlight.delete(row.id);
      }
    };
  }

  private async scanFile(id: string): Promise<void> {
    let f = this.store.file(id);
    if (!f || f.state !== FILE_STATE.queued) return;
    const gen = f.gen;
    if (f.stale) {
      const fresh = await fetchFile(this.api, f);
      if (!fresh) {
        // Not counted when an event queued the file again meanwhile: it will be looked at afresh.
        if (!this.store.tx(() => this.store.fail(id, gen, FILE_STATE.gone, 'deleted, or no longer reachable'))) return;
        this.c.queued = Math.max(0, this.c.queued - 1);
        this.c.notScanned++;
        return;
      }
      this.store.tx(() => this.store.refresh(id, gen, fresh));
      f = this.store.file(id);
      if (!f) return;
      f = { ...f, stale: 0 };
    }
    const folderRow = f.folder_id ? this.store.folder(f.folder_id) : undefined;
    // A sharing event on a folder above: scan once its collaborations were read again (the
    // file stays queued at the front; the reading wakes the slots when it is done).
    if (folderRow?.collab_wait === 1) return;
    const folder = folderCollabs(folderRow);
    try {
      const own = needsFileCollabs(f, folder) ? await ownCollabs(this.api, f, (x) => this.members.has(x)) : null;
      // A file moved by an event is inspected at once; others wait for the inspection phase.
      const ins = f.priority === 0 ? await inspect(this.api, f) : localInspection(f);
      const result = localResult(f, folder, own, ins);
      // An event that queued the file again during this scan wins: the file is scanned once
      // more, and only that scan counts (otherwise "scanned" would pass "found").
      if (!this.store.tx(() => this.store.finish(id, gen, result, ins.state === 'Pending'))) return;
      if (ins.state === 'Pending') this.c.inspectionPending++;
      this.scanned([[id, f]]);
    } catch (e) {
      if (!this.store.tx(() => this.store.fail(id, gen, FILE_STATE.failed, e instanceof Error ? e.message : String(e)))) return;
      this.c.failed++;
      this.c.queued = Math.max(0, this.c.queued - 1);
    }
  }

  // ---------- progress ----------

  private refreshCounts(): void {
    this.c = this.store.counts();
    this.progress.changed();
  }


  private setPhase(p: ScanPhase): void {
    this.phase = p;
    this.phaseStarted[p] ??= iso(new Date());
    this.progress.changed();
  }

  snapshot(): ScanProgress {
    const fps = this.scannedRate.perSecond();
    const c = this.c;
    return {
      phase: this.phase,
      phaseStarted: { ...this.phaseStarted },
      running: this.running && !this.paused && !this.stopped,
      users: { discovered: c.users, reachable: c.reachable, notReachable: c.users - c.reachable },
      folders: { discovered: c.folders, listed: c.listed },
      files: { discovered: c.files, queued: c.queued, scanned: c.done, failed: c.failed, notScanned: c.notScanned, inspectionPending: c.inspectionPending },
      backfill: { done: this.store.meta('backfill_done') === '1', events: c.backfillEvents, window: this.window },
      liveEvents: this.liveEvents,
      requests: { total: this.scheduler.stats.total, perSecond: this.scheduler.requestsPerSecond(), rateLimited: this.scheduler.stats.rateLimited, retries: this.scheduler.stats.retries },
      filesPerSecond: Math.round(fps * 10) / 10,
      etaSeconds: eta(c.queued, fps, c.inspectionPending, this.inspectedRate.perSecond()),
      head: this.store.head(5).map(headEntry),
      jumps: recentJumps(this.store.db),
      message: this.message,
      at: new Date().toISOString(),
    };
  }
}

/** Seconds left: the queue at the scan rate plus pending inspections at the inspection rate. */
function eta(queued: number, scanRate: number, pending: number, inspectRate: number): number | null {
  if ((queued > 0 && scanRate <= 0) || (pending > 0 && inspectRate <= 0)) return null;
  return Math.round((queued > 0 ? queued / scanRate : 0) + (pending > 0 ? pending / inspectRate : 0));
}

function iso(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
