/**
 * The scan's persistent state in SQLite (<home>/scan.sqlite, WAL): users, folders (the
 * discovery work list, with the paging marker so a listing resumes mid-folder), files (the
 * queue AND the findings: a file is finished when its result and its state are committed in the
 * same transaction, so a crash never loses a result nor repeats a finished scan), events
 * (de-duplicated by event_id), counters kept by triggers, and a key/value meta table.
 * No tokens are stored here, and every reason is scrubbed of URLs (signed download links) and tokens.
 *
 * One writer connection (private: all SQL lives in this folder) and one read-only connection
 * (`reader()`) for the dashboard's queries and the exports, so a long read never holds the
 * writer busy.
 */
import Database from 'better-sqlite3';
import { CollabRefresh, FileState, FolderState } from '../../../../common/scan/states';
import { DEFAULT_SETTINGS, EVENT_STREAM_WINDOW_DAYS } from '../../../../common/settings';
import { migrate, SCHEMA_VERSION, schemaVersion, UnknownSchemaError } from './migrations';
import { recentJumps } from './queries';
import type { ContentProgress, QueueJump } from '../../../../common/scan/types';
import type { InspectionReason } from '../../../../common/scan/inspection';
import type {
  ContentRow,
  EventRow,
  FailedItem,
  FileRow,
  FolderRow,
  ListedFile,
  RetryKind,
  ScanResult,
  StoreCounts,
  UserRow,
} from './rows';
import { sanitiseMessage } from './redact';
import { prepareStatements, type Statements } from './statements';

export type {
  ContentRow,
  FailedItem,
  FileRow,
  FolderRow,
  ListedFile,
  RetryKind,
  ScanResult,
  StoreCounts,
  UserRow,
} from './rows';
export { SUBTREE_SQL } from './statements';

const DAY_MS = 86_400_000;
/** Rows a chunk of a whole-store change takes: a few milliseconds of the core's thread each. */
export const RESCAN_CHUNK_ROWS = 4_000;

export class ScanStore {
  readonly path: string;
  private readonly db: Database.Database;
  private readConnection: Database.Database | null = null;
  private seqCounter: number;
  private readonly s: Statements;

  /**
   * Opens (creating and migrating) the store. `readOnly`: for commands that only read while a
   * scan may run in another process (findings): nothing is written, not even the start-up
   * recovery, which belongs to the process that scans; the file must be at this app's version.
   */
  constructor(path: string, o: { readOnly?: boolean } = {}) {
    this.path = path;
    this.db = new Database(path, o.readOnly ? { readonly: true, fileMustExist: true } : {});
    try {
      if (!o.readOnly) {
        this.db.pragma('journal_mode = WAL');
        this.db.pragma('synchronous = NORMAL');
      }
      this.db.pragma('cache_size = -16000');
      if (o.readOnly) requireVersion(this.db, SCHEMA_VERSION);
      else migrate(this.db);
      this.s = prepareStatements(this.db);
    } catch (e) {
      this.db.close(); // a store newer than the app, or damaged: nothing stays open
      throw e;
    }
    this.seqCounter = Number(this.meta('seq') ?? 0);
  }

  /**
   * The read-only connection on the same file (WAL: it reads the last committed state while
   * the writer goes on). For the dashboard's queries and the exports; opened on first use.
   */
  /**
   * The write connection itself, for the policy matcher's short batches on the core's thread
   * (each statement read whole with .all(): an open iterator here makes every engine write
   * throw "connection is busy").
   */
  writer(): Database.Database {
    return this.db;
  }

  reader(): Database.Database {
    this.readConnection ??= new Database(this.path, { readonly: true, fileMustExist: true });
    return this.readConnection;
  }

  /**
   * Start-up recovery, for the process that scans (it holds scan.lock): a collaborations
   * reading a crash interrupted is asked again. Not done on open: a process that only opens the
   * store (the app showing findings while the CLI scans) would take over the scanner's readings.
   */
  recoverInterrupted(): void {
    this.s.recoverRefreshes.run();
  }

  close(): void {
    this.readConnection?.close();
    this.readConnection = null;
    this.db.close();
  }

  nextSeq(): number {
    return ++this.seqCounter;
  }

  tx<T>(fn: () => T): T {
    return this.db.transaction(() => {
      const r = fn();
      this.s.setMeta.run('seq', String(this.seqCounter));
      return r;
    })();
  }

  meta(key: string): string | null {
    return this.s.getMeta.get(key)?.value ?? null;
  }

  setMeta(key: string, value: string): void {
    this.s.setMeta.run(key, value);
  }

  // ---------- users ----------

  upsertUser(u: Omit<UserRow, 'root_done' | 'seq' | 'attempts' | 'last_error'>): void {
    this.s.upsertUser.run({ ...u, reason: scrub(u.reason), seq: this.nextSeq() });
  }

  /** The directory's group memberships, replacing what was read before (migration 7). */
  replaceUserGroups(rows: ReadonlyArray<{ userId: string; groupId: string; groupName: string }>): void {
    this.s.dropLeftGroups.run(JSON.stringify(rows.map((r) => ({ userId: r.userId, groupId: r.groupId }))));
    for (const r of rows) this.s.insertUserGroup.run(r);
  }

  user(id: string): UserRow | undefined {
    return this.s.user.get(id);
  }

  /** Whether `userId` is a managed user of the enterprise (a primary-key lookup). */
  isMember(userId: string): boolean {
    return this.s.isMember.get(userId) !== undefined;
  }

  /** The next reachable user whose root is still to list, skipping those in `exclude` (indexed). */
  nextUserToList(exclude: ReadonlySet<string> = new Set()): UserRow | undefined {
    return this.s.nextUsers.all(exclude.size + 1).find((u) => !exclude.has(u.id));
  }

  /** The user's root is listed: their top folders are work now. */
  markRootDone(userId: string): void {
    this.s.rootDone.run(userId);
  }

  // ---------- folders ----------

  insertFolder(
    f: Omit<
      FolderRow,
      'state' | 'marker' | 'seq' | 'items' | 'pages' | 'collab_refresh' | 'collab_wait' | 'attempts' | 'last_error'
    >,
  ): void {
    this.s.insertFolder.run({ ...f, seq: this.nextSeq() });
  }

  folder(id: string): FolderRow | undefined {
    return this.s.folder.get(id);
  }

  nextFolders(n: number): FolderRow[] {
    return this.s.nextFolders.all(n);
  }

  /** One page of a folder listed; no marker: the folder is listed (and its failures forgotten). */
  folderPage(id: string, marker: string | null, items: number): void {
    this.s.folderPage.run(marker, items, marker ? FolderState.pending : FolderState.listed, id);
    this.s.requeueGivenUp.run('its folder could be listed again', id);
  }

  setFolderCollabs(id: string, externals: string[], internal: number): void {
    this.s.folderCollabs.run(JSON.stringify(externals), internal, id);
  }

  /** Folders found so far (a counter, not a count). */
  folderCount(): number {
    return this.counts().folders;
  }

  /** No reachable user's root and no folder is left to list (two indexed probes). */
  discoveryDone(): boolean {
    return this.s.rootPending.get() === undefined && this.s.folderPending.get() === undefined;
  }

  // ---------- files ----------

  /** Returns true when the file is new to the store. */
  insertListedFile(f: ListedFile): boolean {
    const before = this.s.exists.get(f.id);
    this.s.insertFile.run({
      ...f,
      modifiedAt: f.modifiedAt ?? null,
      linkPassword: f.linkPassword ? 1 : 0,
      hasCollabs: f.hasCollabs ? 1 : 0,
      state: f.externallyOwned ? FileState.notScanned : FileState.queued,
      seq: this.nextSeq(),
      reason: f.externallyOwned ? 'owned outside the enterprise: Box does not let an admin reach it' : f.reason,
    });
    return !before;
  }

  file(id: string): FileRow | undefined {
    return this.s.file.get(id);
  }

  head(n: number, activityOnly = false): FileRow[] {
    return (activityOnly ? this.s.headActivity : this.s.head).all(n);
  }

  /**
   * Stores a scan's result; `inspectLater`: its content inspection is still to come (Pending).
   * Returns false when an event queued the file again while it was being scanned (its
   * generation moved on): the file stays queued for a fresh scan, so the caller must not count
   * this one as finished.
   */
  finish(id: string, gen: number, r: ScanResult, inspectLater = false): boolean {
    const row = this.s.finish.get({
      id,
      gen,
      ...r,
      ...contentColumns(r),
      inspectionReason: scrub(r.inspectionReason),
      extCollaborators: JSON.stringify(r.extCollaborators),
      sensitive: sensitiveCount(r.findings),
      inspect: inspectLater ? 1 : 0,
      at: Date.now(),
    });
    return row?.gen === gen;
  }

  /**
   * A content inspection's result; ignored when the file was queued again meanwhile.
   * `keepError`: the inspection was given up, and last_error says why (the reason is a code).
   */
  inspected(
    id: string,
    gen: number,
    r: Pick<
      ScanResult,
      'inspection' | 'inspectionReason' | 'findings' | 'scannedSha1' | 'inspectionMethod' | 'locations' | 'reused'
    >,
    keepError = false,
  ): void {
    this.s.inspected.run({
      id,
      gen,
      keepError: keepError ? 1 : 0,
      ...r,
      ...contentColumns(r),
      inspectionReason: scrub(r.inspectionReason),
      sensitive: sensitiveCount(r.findings),
    });
  }

  /** Files whose content inspection is due (a pending Box text waits until its not-before time). */
  nextInspections(n: number, now = Date.now()): FileRow[] {
    return this.s.nextInspections.all(now, n);
  }

  /** Whether any file still waits for its content inspection (due or not). */
  inspectionsLeft(): boolean {
    return this.s.inspectionsLeft.get() !== undefined;
  }

  /**
   * Box's text for the file is still pending: it waits until `after` (ms) at the back of the
   * inspection queue, holding no slot. Returns the tries so far (null: queued again meanwhile).
   */
  inspectLater(id: string, gen: number, after: number): number | null {
    return this.s.inspectLater.get({ id, gen, after, seq: this.nextSeq() })?.inspect_tries ?? null;
  }

  /** The stored result for this content (same SHA-1), if it was inspected and is worth reusing. */
  content(sha1: string): ContentRow | undefined {
    return this.s.content.get(sha1);
  }

  saveContent(c: ContentRow): void {
    this.s.saveContent.run({ ...c, reason: scrub(c.reason) });
  }

  /** The content phase's figures: a few rows kept by triggers (migration 6), whatever the store's size. */
  contentFigures(): ContentProgress {
    const types = this.s.contentTypes.all();
    const reasons = this.s.contentReasons.all();
    return {
      inspected: {
        files: types.reduce((n, t) => n + t.files, 0),
        bytes: types.reduce((n, t) => n + t.bytes, 0),
      },
      byType: types
        .map((t) => ({ ext: t.ext, files: t.files, bytes: t.bytes, failed: t.failed }))
        .sort((a, b) => b.files + b.failed - (a.files + a.failed) || a.ext.localeCompare(b.ext)),
      failedByReason: reasons
        .map((r) => ({ reason: r.reason as InspectionReason, files: r.files }))
        .sort((a, b) => b.files - a.files || a.reason.localeCompare(b.reason)),
      reused: types.reduce((n, t) => n + t.reused, 0),
    };
  }

  /** Records a final state other than done; false, like finish(), when the file was queued again meanwhile. */
  fail(id: string, gen: number, state: FileState, error: string): boolean {
    const row = this.s.fail.get({ id, gen, state, error: scrub(error), at: Date.now() });
    return row?.gen === gen;
  }

  refresh(
    id: string,
    gen: number,
    f: Omit<ListedFile, 'id' | 'ext' | 'asUser' | 'externallyOwned' | 'reason' | 'folderId'> & {
      folderId: string | null;
    },
  ): void {
    this.s.refresh.run({
      id,
      gen,
      ...f,
      modifiedAt: f.modifiedAt ?? null,
      linkPassword: f.linkPassword ? 1 : 0,
      hasCollabs: f.hasCollabs ? 1 : 0,
    });
  }

  prioritise(p: {
    id: string;
    name: string;
    ext: string;
    folderId: string | null;
    ownerId: string | null;
    ownerLogin: string | null;
    asUser: string | null;
    reason: string;
    eventId: string;
  }): void {
    this.s.prioritise.run({ ...p, seq: this.nextSeq() });
  }

  /**
   * A sharing event on a folder: every file beneath it (any depth) that was queued, scanned or
   * failed goes to the front at activity priority, once (a file is one row: a second event
   * only updates its reason and keeps its place), and the collaborations cached for the
   * subtree are marked for reading again (its files wait for that, see collabRefreshDone).
   * Only the first `jumps` files are recorded as jumps, so a big folder does not flush the list.
   * Cost: the subtree is walked through folders_parent and its files through files_folder:
   * O((D + N) log T) for D folders and N files beneath it in a store of T rows, never a scan of
   * the files table. Returns null when the folder is unknown to the store (not listed yet: its
   * files will be listed with the new access).
   */
  prioritiseFolder(p: {
    folderId: string;
    reason: string;
    eventId: string;
    eventType: string;
    at: string;
    jumps?: number;
  }): { moved: number; wasDone: number; wasFailed: number; wasQueued: number } | null {
    if (!this.s.folder.get(p.folderId)) return null;
    const c = this.s.subtreeCounts.get({ folderId: p.folderId })!;
    this.s.subtreeWait.run({ folderId: p.folderId });
    this.s.folderRefresh.run(p.folderId);
    if (c.moved === 0) return { moved: 0, wasDone: 0, wasFailed: 0, wasQueued: 0 };
    for (const j of this.s.subtreeSample.all({ folderId: p.folderId, limit: p.jumps ?? 10 }))
      this.s.insertJump.run(j.id, j.name, p.eventType, p.eventId, p.at);
    this.s.trimJumps.run();
    this.s.subtreePrioritise.run({ folderId: p.folderId, reason: p.reason, eventId: p.eventId, seq: this.nextSeq() });
    return { moved: c.moved, wasDone: c.done ?? 0, wasFailed: c.failed ?? 0, wasQueued: c.queued ?? 0 };
  }

  /** The next folder whose collaborations a sharing event asked to read again. */
  nextCollabRefresh(): FolderRow | undefined {
    return this.s.nextRefresh.get();
  }

  collabRefreshStarted(id: string): void {
    this.s.refreshStarted.run(id);
  }

  /** A reading that failed (it will be tried again; the subtree's files keep waiting). */
  collabRefreshFailed(id: string): void {
    this.s.refreshRetry.run(id);
  }

  /**
   * The collaborations over `id` were read again: the whole subtree inherits them (the model
   * discovery uses: below a folder with collaborations, they are inherited). Its files stop
   * waiting unless another event asked for a new reading meanwhile.
   */
  collabRefreshDone(id: string, summary: { externals: string[]; internal: number } | null): void {
    const again = this.s.folder.get(id)?.collab_refresh === CollabRefresh.asked;
    if (summary)
      this.s.subtreeCollabs.run({
        folderId: id,
        ext: JSON.stringify(summary.externals),
        int: summary.internal,
        has: summary.externals.length + summary.internal > 0 ? 1 : 0,
      });
    if (!again) {
      this.s.subtreeRelease.run({ folderId: id });
      this.s.refreshEnded.run(id);
    }
  }

  // ---------- bounded retries ----------

  /** One more failure of a user's root listing, a folder page or a file; returns the attempts so far. */
  recordFailure(kind: RetryKind, id: string, reason: string): number {
    const st = kind === 'user' ? this.s.failUser : kind === 'folder' ? this.s.failFolder : this.s.failFile;
    return st.get(scrub(reason), id)?.attempts ?? 0;
  }

  /**
   * A folder that cannot be listed: it fails with `reason`, its subfolders still unlisted fail
   * too (so discovery completes), and the files of those folders that are still queued are
   * "not scanned" with the reason, until the folder lists again (folderPage) or a rescan.
   * Files already scanned keep their result; a subfolder that listed fine keeps its files queued.
   */
  giveUpFolder(id: string, reason: string): void {
    const why = scrub(reason);
    const path = this.s.folder.get(id)?.path ?? id;
    const inherited = `folder ${path} could not be listed: ${why}`;
    this.s.giveUpFiles.run({ folderId: id, fileReason: inherited }); // first: it reads which folders are still pending
    this.s.giveUpFolder.run({ folderId: id, reason: why, inherited });
  }

  /** A user whose root cannot be listed: shown as not reachable, with the reason. */
  giveUpUser(id: string, reason: string): void {
    this.s.giveUpUser.run({ id, reason: `root folder could not be listed: ${scrub(reason)}` });
  }

  /** Users, folders and files the scan gave up on, with why (the summary's list). */
  failedItems(limit = 100): FailedItem[] {
    return this.s.failedItems.all({ limit }).map((r) => ({ kind: r.kind, id: r.id, name: r.name, reason: r.reason }));
  }

  // ---------- events and jumps ----------

  /** Returns true when the event is new. */
  insertEvent(e: EventRow & { json: string }): boolean {
    return (
      this.s.insertEvent.run(
        e.event_id,
        e.source,
        e.event_type,
        e.created_at,
        e.item_type,
        e.item_id,
        e.item_name,
        e.actor_login,
        e.json,
      ).changes === 1
    );
  }

  /**
   * Keeps event storage bounded. An event older than Box's 14-day stream window cannot be
   * delivered again, so its raw payload (kept only to tell a repeat) is dropped; the row itself
   * stays for the activity log until `retentionDays` (never less than the window, so
   * de-duplication keeps working). Box's created_at carries an offset: the cut-off is compared
   * as text, so it is exact to within the offset (hours, against windows of days).
   */
  pruneEvents(
    now = Date.now(),
    retentionDays = DEFAULT_SETTINGS.activityRetentionDays,
  ): { deleted: number; stripped: number } {
    const keepDays = Math.max(EVENT_STREAM_WINDOW_DAYS, retentionDays);
    const cutoff = (days: number) => new Date(now - days * DAY_MS).toISOString();
    return this.tx(() => ({
      deleted: this.s.pruneEvents.run(cutoff(keepDays)).changes,
      stripped: this.s.stripEventPayloads.run(cutoff(EVENT_STREAM_WINDOW_DAYS)).changes,
    }));
  }

  /** A file that jumped the queue, and what moved it (kept: the latest 100). */
  recordJump(j: { fileId: string; name: string; eventType: string; eventId: string | null; at: string }): void {
    this.s.insertJump.run(j.fileId, j.name, j.eventType, j.eventId, j.at);
    this.s.trimJumps.run();
  }

  /** The latest jumps, newest first (see queries.recentJumps). */
  jumps(limit = 10): QueueJump[] {
    return recentJumps(this.db, limit);
  }

  // ---------- whole store ----------

  /** Every count progress shows: one row kept up to date by triggers, whatever the store's size. */
  counts(): StoreCounts {
    return { ...this.s.counters.get()! };
  }

  /**
   * Forgets everything (another enterprise was connected). The counting triggers are set aside
   * meanwhile: a DELETE of a whole table without triggers is a truncate (1M files in a fraction
   * of a second, not the 5 s of a trigger per row); they come back in the same transaction.
   */
  reset(): void {
    this.tx(() => {
      const triggers = this.s.triggers.all();
      for (const t of triggers) this.db.exec(`DROP TRIGGER ${t.name}`);
      for (const t of [
        'meta',
        'users',
        'folders',
        'files',
        'events',
        'jumps',
        'owner_counts',
        'contents',
        'content_types',
        'content_reasons',
        'user_groups',
        'policy_dirty',
        'policy_matches',
        'policy_alerts',
      ])
        this.db.exec(`DELETE FROM ${t}`);
      this.s.zeroCounters.run();
      for (const t of triggers) this.db.exec(t.sql);
    });
  }

  /**
   * Everything queued again as a periodic (or requested) rescan; users' roots and folders are
   * listed again. In chunks of `chunkRows` rows (by rowid), each its own transaction, yielding
   * to the event loop between them: at 1,000,000 files one statement held the core's thread
   * for about 2 s (two triggers a row). `onChunk` runs after each committed chunk (the engine
   * wakes its slots: files queued later than the first chunk are work too). The scan may run
   * meanwhile; a file it finishes before its chunk is reached is simply queued again.
   */
  async rescanAll(reason: string, o: { chunkRows?: number; onChunk?: () => void } = {}): Promise<void> {
    const chunk = o.chunkRows ?? RESCAN_CHUNK_ROWS;
    const last = this.s.lastRowid.get()!;
    const steps = [
      [this.s.rescanUsers, last.users],
      [this.s.rescanFolders, last.folders],
      [this.s.rescanFiles, last.files],
    ] as const;
    for (const [statement, lastRowid] of steps) {
      for (let from = 0; from < (lastRowid ?? 0); from += chunk) {
        this.tx(() => statement.run({ reason, from, to: from + chunk }));
        o.onChunk?.();
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
  }
}

/** Opens `path` read-only when it is at this app's schema version, else as the writer (it migrates, once). */
export function openScanStoreForReading(path: string): ScanStore {
  const probe = new Database(path, { readonly: true, fileMustExist: true });
  let version: number;
  try {
    version = schemaVersion(probe);
  } finally {
    probe.close();
  }
  return new ScanStore(path, { readOnly: version === SCHEMA_VERSION });
}

function requireVersion(db: Database.Database, version: number): void {
  const found = schemaVersion(db);
  if (found > version) throw new UnknownSchemaError(found);
  if (found < version)
    throw new Error(
      `scan.sqlite has schema version ${found}; opening it read-only needs ${version}: open it for writing once to migrate it`,
    );
}

/** A reason as the store keeps it: scrubbed of links and tokens (see redact.ts), null kept. */
function scrub<T extends string | null>(reason: T): T {
  return (reason === null ? null : sanitiseMessage(reason)) as T;
}

/** The content columns of a result, with their defaults (no method, no locations, not reused). */
function contentColumns(r: Pick<ScanResult, 'inspectionMethod' | 'locations' | 'reused'>) {
  return { inspectionMethod: r.inspectionMethod ?? null, locations: r.locations ?? null, reused: r.reused ? 1 : 0 };
}

function sensitiveCount(findings: string | null): number {
  if (!findings) return 0;
  return Object.values(JSON.parse(findings) as Record<string, number>).reduce((a, b) => a + b, 0);
}
