/**
 * Which work comes next, most urgent first: collaborations a folder sharing event changed,
 * files moved by an event, folder listings (discovery runs ahead of scanning, on at most half
 * the slots), the queue head, then content inspection. Files whose listing row says everything
 * need no request: they become `local` tasks of up to LOCAL_BATCH rows, one in flight at a
 * time, that ScanWork finishes after yielding to I/O (a pick is one short synchronous stretch,
 * never thousands of rows). The picker knows what is in flight, so two slots never take the
 * same item; every pick is an indexed query.
 */
import { FolderState, Priority } from '../../../common/scan/states';
import { folderCollabs, needsFileCollabs } from './phases/scan-file';
import type { FileRow, FolderRow, ScanStore, UserRow } from './store/scan-store';

export type Task =
  | { kind: 'refresh'; key: string; folder: FolderRow }
  | { kind: 'file'; key: string; row: FileRow }
  | { kind: 'user'; key: string; user: UserRow }
  | { kind: 'folder'; key: string; folder: FolderRow }
  | { kind: 'inspect'; key: string; row: FileRow }
  /** Files their listing row answers: finished with no request (ScanWork.finishLocally). */
  | { kind: 'local'; key: string; rows: FileRow[] };

/** Rows one local task finishes: one short transaction, then the loop serves I/O again. */
export const LOCAL_BATCH = 200;

export interface PickerOptions {
  concurrency: number;
  holdRegular(): boolean;
}

export class TaskPicker {
  private readonly files = new Set<string>();
  private readonly folders = new Set<string>();
  private readonly roots = new Set<string>();
  private readonly inspecting = new Set<string>();
  private refreshing: string | null = null;
  private buffer: FileRow[] = [];
  private localBuffer: FileRow[] = [];
  private localInFlight = false;
  private inspectBuffer: FileRow[] = [];
  /** Whether files moved by an event may be waiting (cleared once none is found). */
  private activityHint = true;

  constructor(
    private readonly store: ScanStore,
    private readonly o: PickerOptions,
  ) {}

  /** Something moved files to the front (an event, a rescan request). */
  activity(): void {
    this.activityHint = true;
  }

  /** The buffered queue head is out of date (everything was queued again). */
  forgetBuffered(): void {
    this.buffer = [];
    this.localBuffer = [];
    this.inspectBuffer = [];
  }

  get busy(): boolean {
    return this.files.size + this.folders.size + this.roots.size + this.inspecting.size > 0 || this.refreshing !== null;
  }

  next(): Task | null {
    const refresh = this.collabRefresh();
    if (refresh) return refresh;
    const moved = this.activityFile();
    if (moved) return moved;
    const half = Math.max(1, Math.floor(this.o.concurrency / 2));
    const hold = this.o.holdRegular();
    if (this.folders.size + this.roots.size < half || hold) {
      const d = this.discovery();
      if (d) return d;
    }
    if (!hold) {
      const head = this.nextBuffered();
      if (head) return head;
      const ins = this.inspection();
      if (ins) return ins;
    }
    return this.discovery();
  }

  /** The task is over (done or failed): its item may be picked again. */
  release(t: Task): void {
    this.setInFlight(t, false);
    if (t.kind === 'refresh') this.activityHint = true;
  }

  private take(t: Task): Task {
    this.setInFlight(t, true);
    return t;
  }

  /** Records that the task's items are (or no longer are) being worked on, so none is picked twice. */
  private setInFlight(t: Task, inFlight: boolean): void {
    const mark = (set: Set<string>, id: string) => (inFlight ? set.add(id) : set.delete(id));
    if (t.kind === 'refresh') this.refreshing = inFlight ? t.folder.id : null;
    else if (t.kind === 'file') mark(this.files, t.row.id);
    else if (t.kind === 'local') {
      this.localInFlight = inFlight;
      for (const r of t.rows) mark(this.files, r.id);
    } else if (t.kind === 'user') mark(this.roots, t.user.id);
    else if (t.kind === 'folder') mark(this.folders, t.folder.id);
    else mark(this.inspecting, t.row.id);
  }

  /** Collaborations a folder sharing event changed: read again before the files beneath are scanned. */
  private collabRefresh(): Task | null {
    if (this.refreshing !== null) return null;
    const f = this.store.nextCollabRefresh();
    if (!f) return null;
    this.store.tx(() => this.store.collabRefreshStarted(f.id));
    return this.take({ kind: 'refresh', key: `refresh:${f.id}`, folder: f });
  }

  private activityFile(): Task | null {
    if (!this.activityHint) return null;
    const waiting = (r: FileRow) => r.folder_id !== null && this.store.folder(r.folder_id)?.collab_wait === 1;
    const rows = this.store.head(32, true).filter((r) => !this.files.has(r.id) && !waiting(r));
    if (rows.length === 0 && this.files.size === 0) this.activityHint = false;
    const row = rows[0];
    return row ? this.take({ kind: 'file', key: `file:${row.id}`, row }) : null;
  }

  private discovery(): Task | null {
    const user = this.store.nextUserToList(this.roots);
    if (user) return this.take({ kind: 'user', key: `user:${user.id}`, user });
    if (this.roots.size > 0) return null; // roots decide who walks shared folders
    const folder = this.store.nextFolders(this.folders.size + 1).find((f) => !this.folders.has(f.id));
    return folder ? this.take({ kind: 'folder', key: `folder:${folder.id}`, folder }) : null;
  }

  private inspection(): Task | null {
    let row: FileRow | undefined;
    while ((row = this.inspectBuffer.shift()) && this.inspecting.has(row.id));
    if (!row) {
      this.inspectBuffer = this.store
        .nextInspections(200 + this.inspecting.size)
        .filter((r) => !this.inspecting.has(r.id));
      row = this.inspectBuffer.shift();
    }
    return row ? this.take({ kind: 'inspect', key: `inspect:${row.id}`, row }) : null;
  }

  /**
   * The queue head: the next file that needs a request, or a batch of files that need none.
   * The head is read again only once both buffers are used up (a local batch in flight keeps
   * its rows out of the next read).
   */
  private nextBuffered(): Task | null {
    for (let round = 0; round < 2; round++) {
      let r: FileRow | undefined;
      while ((r = this.buffer.shift()) && this.files.has(r.id));
      if (r) return this.take({ kind: 'file', key: `file:${r.id}`, row: r });
      if (this.localBuffer.length) return this.localInFlight ? null : this.localTask();
      if (round > 0) return null; // the head holds only rows that wait (or are in flight)
      const rows = this.store.head(LOCAL_BATCH + this.files.size).filter((x) => !this.files.has(x.id));
      this.localBuffer = this.sortHead(rows);
    }
    return null;
  }

  private localTask(): Task | null {
    const rows = this.localBuffer.splice(0, LOCAL_BATCH).filter((r) => !this.files.has(r.id));
    return rows.length ? this.take({ kind: 'local', key: `local:${rows[0]!.id}`, rows }) : null;
  }

  /** Buffers the rows that need a request; returns those a listing row already answers. */
  private sortHead(rows: FileRow[]): FileRow[] {
    const local: FileRow[] = [];
    const folderOf = memoFolders(this.store);
    for (const r of rows) {
      if (r.priority === Priority.activity) continue; // activity rows go through activityFile
      const folder = folderOf(r.folder_id);
      if (folder && folder.state === FolderState.pending && folder.marker === null && r.priority === Priority.periodic)
        continue; // wait for the re-listing
      if (folder?.collab_wait === 1) continue; // its collaborations are being read again
      // Content inspection comes later (its own phase): only a stale row or collaborations
      // that could change the access level need a request now.
      if (r.stale === 1 || needsFileCollabs(r, folderCollabs(folder))) this.buffer.push(r);
      else local.push(r);
    }
    return local;
  }
}

function memoFolders(store: ScanStore): (id: string | null) => FolderRow | undefined {
  const folders = new Map<string, FolderRow | undefined>();
  return (id) => {
    if (!id) return undefined;
    if (!folders.has(id)) folders.set(id, store.folder(id));
    return folders.get(id);
  };
}
