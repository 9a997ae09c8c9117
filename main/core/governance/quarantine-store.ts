/**
 * What the app remembers of the admin quarantine, in `<home>/governance/quarantine.json`: the
 * quarantine folder's id (found by name if the file is lost) and, per quarantined file, where it
 * came from and its note. Only Box ids and a folder path: nothing secret, no file content.
 * Written whole to a temporary file and renamed, so a kill mid-write leaves the old file.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileGovernanceState } from '../../../common/policy/types';

export type QuarantineOrigin = NonNullable<FileGovernanceState['quarantinedFrom']>;

export interface QuarantineRecord extends QuarantineOrigin {
  noteId: string;
  /** The file's own folder in the quarantine; absent in records made before there were such folders. */
  folderId?: string;
}

interface QuarantineFile {
  /** Per admin (a home may be signed in to another enterprise later). */
  folders: Record<string, string>;
  files: Record<string, QuarantineRecord>;
}

export class QuarantineStore {
  private readonly path: string;
  private data: QuarantineFile;

  constructor(home: string) {
    const dir = join(home, 'governance');
    this.path = join(dir, 'quarantine.json');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    this.data = existsSync(this.path) ? parse(readFileSync(this.path, 'utf8')) : { folders: {}, files: {} };
  }

  folderOf(adminId: string): string | null {
    return this.data.folders[adminId] ?? null;
  }

  setFolder(adminId: string, folderId: string): void {
    this.data.folders[adminId] = folderId;
    this.save();
  }

  record(fileId: string): QuarantineRecord | null {
    return this.data.files[fileId] ?? null;
  }

  remember(fileId: string, record: QuarantineRecord): void {
    this.data.files[fileId] = record;
    this.save();
  }

  forget(fileId: string): void {
    if (!(fileId in this.data.files)) return;
    delete this.data.files[fileId];
    this.save();
  }

  private save(): void {
    const tmp = `${this.path}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.data, null, 2), { mode: 0o600 });
    renameSync(tmp, this.path);
  }
}

/** A damaged file is read as empty rather than stopping every action (the folder is found by name again). */
function parse(text: string): QuarantineFile {
  try {
    const v = JSON.parse(text) as Partial<QuarantineFile>;
    return { folders: { ...(v.folders ?? {}) }, files: { ...(v.files ?? {}) } };
  } catch {
    return { folders: {}, files: {} };
  }
}
