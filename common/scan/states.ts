/**
 * The scan's enums, one shape each: a file's state, its queue priority and a folder's listing
 * state, as stored in scan.sqlite. SQL uses them through these named constants (interpolated
 * into the statement text once, where it is prepared), never as bare numbers. Runs everywhere.
 */
import type { QueuePriority } from './priority';

export const FileState = { queued: 0, done: 1, failed: 2, notScanned: 3, gone: 4 } as const;
export type FileState = (typeof FileState)[keyof typeof FileState];

/** Lower is more urgent: the queue is read in (priority, seq) order. */
export const Priority = { activity: 0, regular: 1, periodic: 2 } as const;
export type Priority = (typeof Priority)[keyof typeof Priority];

export const PRIORITY_NAME: Record<Priority, QueuePriority> = {
  [Priority.activity]: 'activity',
  [Priority.regular]: 'regular',
  [Priority.periodic]: 'periodic',
};

export const FolderState = { pending: 0, listed: 1, failed: 2 } as const;
export type FolderState = (typeof FolderState)[keyof typeof FolderState];

/** A folder's collaborations reading after a sharing event: none asked, asked (to read), being read. */
export const CollabRefresh = { none: 0, asked: 1, reading: 2 } as const;
export type CollabRefresh = (typeof CollabRefresh)[keyof typeof CollabRefresh];

/** The dashboard's word for each file state. */
export const FILE_STATUS: Record<FileState, 'queued' | 'scanned' | 'failed' | 'not scanned' | 'gone'> = {
  [FileState.queued]: 'queued',
  [FileState.done]: 'scanned',
  [FileState.failed]: 'failed',
  [FileState.notScanned]: 'not scanned',
  [FileState.gone]: 'gone',
};
