/**
 * Doing one picked task: list a user's root or a folder page, read a folder's collaborations
 * again, scan a file, inspect a file's content. Errors that are not about the item (a lost
 * sign-in, an outage) propagate to the engine, which pauses or backs off; an item that keeps
 * failing is given up through `gaveUp` after MAX_ATTEMPTS (the store keeps the count).
 */
import { FileState, Priority } from '../../../common/scan/states';
import type { BoxApi } from './box-api';
import { BoxApiError } from './box-api';
import { classifyFailure, errorMessage, MAX_ATTEMPTS } from './failures';
import { collaborations, listFolderPage, listRoot, summariseCollabs, type DiscoveryDeps } from './phases/discovery';
import { finalOutcome, pendingOutcome, type ContentOutcome } from './phases/content-plan';
import { isPending, type ContentReader } from './phases/content-reader';
import { fetchFile, folderCollabs, localResult, needsFileCollabs, ownCollabs } from './phases/scan-file';
import { askBoxTextLater } from './pending-box-text';
import { yieldToIo } from './event-loop';
import type { FileRow, FolderRow, ScanStore } from './store/scan-store';
import type { Task } from './task-picker';

export interface WorkDeps {
  api: BoxApi;
  store: ScanStore;
  content: ContentReader;
  onScanned(rows: Array<Pick<FileRow, 'id' | 'priority' | 'reason'>>): void;
  onInspected(): void;
}

export class ScanWork {
  constructor(private readonly d: WorkDeps) {}

  private get discovery(): DiscoveryDeps {
    const { api, store } = this.d;
    return { api, store, isMember: (id) => store.isMember(id), onNewFiles: () => undefined };
  }

  /**
   * Does the task; resolves true when Box answered a request of it (only that may end an
   * outage: a task that sent nothing says nothing about Box).
   */
  async run(t: Task): Promise<boolean> {
    if (t.kind === 'local') return this.finishLocally(t.rows);
    if (t.kind === 'refresh') return this.refreshCollabs(t.folder);
    if (t.kind === 'user') return this.listUser(t);
    if (t.kind === 'folder') return this.listFolder(t.folder);
    if (t.kind === 'file') return this.scanFile(t.row.id);
    return this.inspectFile(t.row);
  }

  /**
   * Files their listing row answers, in one short transaction after a turn of I/O (so a run
   * of local batches never holds the thread). Only the files whose write went through count:
   * an event that queued one again meanwhile gets it scanned afresh.
   */
  private async finishLocally(rows: FileRow[]): Promise<boolean> {
    await yieldToIo();
    const { store } = this.d;
    const folders = new Map<string | null, FolderRow | undefined>();
    const folderOf = (id: string | null) => {
      if (!folders.has(id)) folders.set(id, id ? store.folder(id) : undefined);
      return folders.get(id);
    };
    const finished = store.tx(() =>
      rows.filter((r) => {
        const ins = this.localContent(r);
        return store.finish(
          r.id,
          r.gen,
          localResult(r, folderCollabs(folderOf(r.folder_id)), null, ins),
          ins.state === 'Pending',
        );
      }),
    );
    if (finished.length) this.d.onScanned(finished);
    return false;
  }

  /** What the listing row and the results kept by SHA-1 say of a file's content: final, reused, or Pending. */
  private localContent(f: FileRow): ContentOutcome {
    const plan = this.d.content.plan(f);
    if (plan.kind === 'final' || plan.kind === 'reuse') return plan.outcome;
    return pendingOutcome();
  }

  /**
   * One more failed attempt at the item (an error about it while other requests succeed).
   * Returns true when the item was given up (attempts used up, or Box said it is out of reach).
   */
  failed(t: Task, e: unknown): boolean {
    const reason = errorMessage(e);
    const { store } = this.d;
    if (t.kind === 'local') return false; // no request: nothing about an item
    if (t.kind === 'refresh') return this.refreshFailed(t.folder, reason);
    const kind = t.kind === 'user' ? 'user' : t.kind === 'folder' ? 'folder' : 'file';
    const id = t.kind === 'user' ? t.user.id : t.kind === 'folder' ? t.folder.id : t.row.id;
    const attempts = store.tx(() => store.recordFailure(kind, id, reason));
    if (attempts < MAX_ATTEMPTS && classifyFailure(e) !== 'final') return false;
    if (t.kind === 'user') store.tx(() => store.giveUpUser(id, reason));
    else if (t.kind === 'folder') store.tx(() => store.giveUpFolder(id, reason));
    else if (t.kind === 'inspect') this.inspectionFailed(t.row);
    else store.tx(() => store.fail(id, t.row.gen, FileState.failed, reason));
    return true;
  }

  /**
   * Collaborations that keep failing to read: after MAX_ATTEMPTS the reading is given up,
   * the folder keeps what was known, its files are scanned with it (the folder records why).
   */
  private refreshFailed(f: FolderRow, reason: string): boolean {
    const { store } = this.d;
    const attempts = store.tx(() =>
      store.recordFailure('folder', f.id, `collaborations could not be read again: ${reason}`),
    );
    if (attempts < MAX_ATTEMPTS) return false;
    store.tx(() => {
      store.collabRefreshStarted(f.id); // the reading ends here, even if it was asked for again
      store.collabRefreshDone(f.id, null);
    });
    return true;
  }

  private async listUser(t: Extract<Task, { kind: 'user' }>): Promise<boolean> {
    await listRoot(this.discovery, t.user);
    return true;
  }

  private async listFolder(folder: FolderRow): Promise<boolean> {
    await listFolderPage(this.discovery, folder);
    return true;
  }

  private async refreshCollabs(f: FolderRow): Promise<boolean> {
    const { api, store } = this.d;
    let done = false;
    try {
      let summary: { externals: string[]; internal: number } | null = null;
      try {
        const own = summariseCollabs(await collaborations(api, 'folders', f.id, f.as_user), (id) => store.isMember(id));
        // Collaborations over the folder's parent still apply beneath it.
        const above = folderCollabs(f.parent_id && f.parent_id !== '0' ? store.folder(f.parent_id) : undefined);
        summary = {
          externals: [...new Set([...above.externals, ...own.externals])],
          internal: above.internal + own.internal,
        };
      } catch (e) {
        // Gone or out of reach: keep what was known; its files say so when they are read.
        if (!(e instanceof BoxApiError && (e.status === 404 || e.status === 403))) throw e;
      }
      store.tx(() => store.collabRefreshDone(f.id, summary));
      done = true;
      return summary !== null;
    } finally {
      if (!done) store.tx(() => store.collabRefreshFailed(f.id));
    }
  }

  private async inspectFile(r: FileRow): Promise<boolean> {
    const answer = await this.d.content.read(r);
    if (isPending(answer)) {
      this.inspectLater(r);
      return true;
    }
    this.saveInspection(r, answer);
    return true;
  }

  private saveInspection(r: FileRow, ins: ContentOutcome, keepError = false): void {
    this.d.store.tx(() =>
      this.d.store.inspected(
        r.id,
        r.gen,
        {
          inspection: ins.state,
          inspectionReason: ins.reason,
          findings: ins.findings,
          scannedSha1: ins.sha1,
          inspectionMethod: ins.method,
          locations: ins.locations,
          reused: ins.reused,
        },
        keepError,
      ),
    );
    this.d.onInspected();
  }

  /**
   * Box's text is still pending: the file waits (holding no slot) until it is due again; after
   * its tries it is Failed (timeout, or the local reason it fell back from).
   */
  private inspectLater(r: FileRow): void {
    const timedOut = askBoxTextLater(this.d, r);
    if (timedOut) this.saveInspection(r, timedOut);
  }

  /** The reason code says what failed; last_error (kept by recordFailure) says why. */
  private inspectionFailed(r: FileRow): void {
    this.saveInspection(r, finalOutcome('Failed', 'download-error', null), true);
  }

  /** Resolves true when a request of the file's was answered (its metadata, collaborations or content). */
  private async scanFile(id: string): Promise<boolean> {
    const { store, api } = this.d;
    let f = store.file(id);
    if (!f || f.state !== FileState.queued) return false;
    const gen = f.gen;
    let answered = false;
    if (f.stale) {
      const fresh = await fetchFile(api, f);
      if (!fresh) {
        // Not counted when an event queued the file again meanwhile: it will be looked at afresh.
        store.tx(() => store.fail(id, gen, FileState.gone, 'deleted, or no longer reachable'));
        return true;
      }
      answered = true;
      store.tx(() => store.refresh(id, gen, fresh));
      f = store.file(id);
      if (!f) return answered;
      f = { ...f, stale: 0 };
    }
    const folderRow = f.folder_id ? store.folder(f.folder_id) : undefined;
    // A sharing event on a folder above: scan once its collaborations were read again (the
    // file stays queued at the front; the reading wakes the slots when it is done).
    if (folderRow?.collab_wait === 1) return answered;
    const folder = folderCollabs(folderRow);
    const own = needsFileCollabs(f, folder) ? await ownCollabs(api, f, (x) => store.isMember(x)) : null;
    // A file moved by an event is inspected at once; others wait for the inspection phase.
    const read = f.priority === Priority.activity ? await this.d.content.read(f) : this.localContent(f);
    const ins = isPending(read) ? pendingOutcome() : read;
    answered ||= own !== null || f.priority === Priority.activity;
    const result = localResult(f, folder, own, ins);
    // An event that queued the file again during this scan wins: the file is scanned once
    // more, and only that scan counts (otherwise "scanned" would pass "found").
    if (store.tx(() => store.finish(id, gen, result, ins.state === 'Pending'))) {
      this.d.onScanned([f]);
      // Box's text still pending: the inspection phase asks again when it is due.
      if (isPending(read)) this.inspectLater({ ...f, inspect_tries: 0 });
    }
    return answered;
  }
}
