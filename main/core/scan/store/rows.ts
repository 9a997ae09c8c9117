/** The rows of scan.sqlite as the store hands them out, and what callers hand in. */
import type { CollabRefresh, FileState, FolderState, Priority } from '../../../../common/scan/states';

export interface FileRow {
  id: string;
  name: string;
  ext: string;
  folder_id: string | null;
  owner_id: string | null;
  owner_login: string | null;
  as_user: string | null;
  size: number | null;
  sha1: string | null;
  link_effective: string | null;
  link_password: number;
  has_collabs: number;
  stale: number;
  gen: number;
  state: FileState;
  priority: Priority;
  seq: number;
  reason: string | null;
  reason_event: string | null;
  access_level: string | null;
  ext_collaborators: string | null;
  inspection: string | null;
  inspection_reason: string | null;
  findings: string | null;
  scanned_sha1: string | null;
  scanned_at: number | null;
  scan_count: number;
  error: string | null;
  sensitive: number;
  /** 1 while content inspection is pending (the file is scanned: access level known). */
  inspect: number;
  /** Failures in a row (reset when the file is scanned) and the last one's reason. */
  attempts: number;
  last_error: string | null;
  /** 1: "not scanned" because its folder was given up; queued again when the folder lists. */
  given_up: number;
  /** 'local' | 'box-text' for Completed and Partially scanned files (migration 6). */
  inspection_method: string | null;
  /** Where the first matches of each detector are: Locations as JSON, values masked. */
  locations: string | null;
  /** 1: the result came from the same content (SHA-1) inspected before; nothing downloaded. */
  inspection_reused: number;
  /** Not before this time (ms) is the inspection tried again (Box text still pending). */
  inspect_after: number | null;
  inspect_tries: number;
  /** Box's modified_at (ISO), from the listing (migration 7); null for files listed before. */
  modified_at: string | null;
}

/** One inspected content's result, kept by SHA-1 (never its text, never a value unmasked). */
export interface ContentRow {
  sha1: string;
  state: string;
  reason: string | null;
  method: string | null;
  findings: string | null;
  locations: string | null;
  chars: number;
  bytes: number;
}

export interface FolderRow {
  id: string;
  name: string;
  path: string;
  parent_id: string | null;
  owner_id: string | null;
  as_user: string | null;
  has_collabs: number;
  collab_ext: string | null;
  collab_int: number;
  collab_known: number;
  state: FolderState;
  marker: string | null;
  seq: number;
  items: number;
  pages: number;
  /** Whether a sharing event asked to read this folder's collaborations again, or they are being read. */
  collab_refresh: CollabRefresh;
  /** 1 while the collaborations over this folder are being read again: its files wait. */
  collab_wait: number;
  attempts: number;
  last_error: string | null;
}

export interface UserRow {
  id: string;
  login: string;
  name: string;
  role: string | null;
  reachable: number;
  reason: string | null;
  self: number;
  root_done: number;
  seq: number;
  attempts: number;
  last_error: string | null;
}

export interface ListedFile {
  id: string;
  name: string;
  ext: string;
  folderId: string;
  ownerId: string | null;
  ownerLogin: string | null;
  asUser: string | null;
  size: number | null;
  sha1: string | null;
  linkEffective: string | null;
  linkPassword: boolean;
  hasCollabs: boolean;
  externallyOwned: boolean;
  reason: string;
  /** Box's modified_at (ISO). */
  modifiedAt?: string | null;
}

export interface ScanResult {
  accessLevel: string;
  extCollaborators: string[];
  inspection: string;
  inspectionReason: string | null;
  findings: string | null;
  scannedSha1: string | null;
  inspectionMethod?: string | null;
  /** Locations as JSON (masked). */
  locations?: string | null;
  /** The result is another file's with the same SHA-1. */
  reused?: boolean;
}

/** The store's counts, kept up to date by triggers (migration 3): reading them is one row. */
export interface StoreCounts {
  users: number;
  reachable: number;
  folders: number;
  listed: number;
  files: number;
  queued: number;
  done: number;
  failed: number;
  /** Not scanned or gone. */
  notScanned: number;
  inspectionPending: number;
  events: number;
  backfillEvents: number;
}

/** Something the scan gave up on after its retries, for the summary and `findings`. */
export interface FailedItem {
  kind: 'user' | 'folder' | 'file';
  id: string;
  /** A folder's path, a file's or user's name. */
  name: string;
  reason: string;
}

export type RetryKind = 'user' | 'folder' | 'file';

/** An event as the events table holds it, without its raw JSON. */
export interface EventRow {
  event_id: string;
  source: 'backfill' | 'live';
  event_type: string;
  created_at: string;
  item_type: string | null;
  item_id: string | null;
  item_name: string | null;
  actor_login: string | null;
}
