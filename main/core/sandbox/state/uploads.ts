/**
 * What was uploaded to the sandbox through Box's upload API and POST /folders: files, new
 * versions (of uploaded or generated files) and folders. Held in memory only, and only for what
 * someone uploaded: the generated enterprise still costs nothing per file.
 *
 * Uploaded items take the indices after the generated ones (file k = files + n, folder
 * f = folderCount + n), so their IDs continue the generated ID ranges and everything that works
 * by index (events, download URLs, overrides) works for them unchanged.
 */
import { createHash } from 'node:crypto';
import type { FileBytes, GeneratedFile } from '../generator/files';

/** Box's limit depends on the account; the sandbox keeps uploads small enough for memory. */
export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;
/** All uploaded bytes together (every version kept is the current one only). */
export const MAX_STORED_BYTES = 512 * 1024 * 1024;

export interface UploadedFolder {
  /** Parent folder index, -1 for the owner's root "0". */
  parent: number;
  owner: number;
  /** The top-level folder whose collaborations cover it (itself when in the root). */
  top: number;
  name: string;
  createdAt: number;
  createdBy: number;
}

export class UploadStore {
  private readonly fileGens: GeneratedFile[] = [];
  private readonly folderList: UploadedFolder[] = [];
  /** Current content of every file that got bytes by upload (uploaded files and new versions). */
  private readonly content = new Map<number, FileBytes>();
  /** Uploaded child folders and files per parent folder index (-1: a root, told apart by owner). */
  private readonly childFolders = new Map<number, number[]>();
  private readonly childFiles = new Map<number, number[]>();
  private storedBytes = 0;

  constructor(
    /** Generated file and folder counts: uploaded indices start there. */
    readonly fileBase: number,
    readonly folderBase: number,
  ) {}

  get fileCount(): number {
    return this.fileGens.length;
  }

  get folderCount(): number {
    return this.folderList.length;
  }

  /** The uploaded file with index k (k >= fileBase), as a generated file would describe it. */
  fileGen(k: number): GeneratedFile | null {
    return this.fileGens[k - this.fileBase] ?? null;
  }

  folder(f: number): UploadedFolder | null {
    return this.folderList[f - this.folderBase] ?? null;
  }

  contentOf(k: number): FileBytes | null {
    return this.content.get(k) ?? null;
  }

  /** Whether these bytes fit in what the sandbox keeps in memory (the old content is replaced). */
  fits(k: number | null, size: number): boolean {
    const old = k === null ? 0 : (this.content.get(k)?.size ?? 0);
    return size <= MAX_UPLOAD_BYTES && this.storedBytes - old + size <= MAX_STORED_BYTES;
  }

  /** A new folder; one in a root "0" is its own top (`top` is then ignored). */
  addFolder(folder: UploadedFolder): number {
    const f = this.folderBase + this.folderList.length;
    this.folderList.push(folder.parent < 0 ? { ...folder, top: f } : folder);
    push(this.childFolders, folder.parent, f);
    return f;
  }

  /** A new file: `gen` without its index, which the store gives. */
  addFile(gen: Omit<GeneratedFile, 'k'>, bytes: Buffer): number {
    const k = this.fileBase + this.fileGens.length;
    this.fileGens.push({ ...gen, k });
    push(this.childFiles, gen.folder, k);
    this.setContent(k, bytes);
    return k;
  }

  setContent(k: number, bytes: Buffer): FileBytes {
    const stored: FileBytes = { size: bytes.length, sha1: createHash('sha1').update(bytes).digest('hex'), text: bytes };
    this.storedBytes += bytes.length - (this.content.get(k)?.size ?? 0);
    this.content.set(k, stored);
    return stored;
  }

  foldersIn(parent: number): readonly number[] {
    return this.childFolders.get(parent) ?? [];
  }

  filesIn(folder: number): readonly number[] {
    return this.childFiles.get(folder) ?? [];
  }
}

function push(map: Map<number, number[]>, key: number, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
