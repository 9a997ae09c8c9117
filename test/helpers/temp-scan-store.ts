/** The scan's real SQLite store in a fresh temporary folder, and the rows the queue tests put in it. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScanStore, type ListedFile, type ScanResult } from '../../main/core/scan/store/scan-store';

export interface TempScanStore {
  dir: string;
  path: string;
  /** Reassign it after reopening the file, so `remove` closes the open one. */
  store: ScanStore;
  /** Closes the store and deletes the folder. */
  remove(): void;
}

export function openTempScanStore(prefix: string): TempScanStore {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const path = join(dir, 'scan.sqlite');
  const temp: TempScanStore = {
    dir,
    path,
    store: new ScanStore(path),
    remove() {
      temp.store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return temp;
}

/** A small text file as a folder listing reports it, owned by user u1 (a@x.com). */
export function listedTextFile(id: string, folderId = '0'): ListedFile {
  return {
    id,
    name: `${id}.txt`,
    ext: 'txt',
    folderId,
    ownerId: 'u1',
    ownerLogin: 'a@x.com',
    asUser: 'u1',
    size: 1,
    sha1: 's',
    linkEffective: null,
    linkPassword: false,
    hasCollabs: false,
    externallyOwned: false,
    reason: 'discovered',
  };
}

/** A finished scan: private, content inspected, nothing sensitive. */
export const PRIVATE_NOTHING_FOUND: ScanResult = {
  accessLevel: 'Private',
  extCollaborators: [],
  inspection: 'Completed',
  inspectionReason: null,
  findings: null,
  scannedSha1: 's',
};
