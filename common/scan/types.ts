/** Shapes of the scan's progress and findings, shared by the core, the CLI and the UI. */
import type { AccessLevel } from './access-level';
import type { Findings } from './detectors';
import type { InspectionMethod, InspectionReason, InspectionState, Locations } from './inspection';
import type { QueuePriority } from './priority';

export type { InspectionState } from './inspection';

/** `reconnect`: the sign-in was lost; the scan waits (nothing failed) and resumes after Connect. */
export type ScanPhase =
  'idle' | 'users' | 'backfill' | 'discovery' | 'inspection' | 'live' | 'paused' | 'reconnect' | 'stopped' | 'error';

export type BackfillChoice = { days: number } | { since: string } | { none: true };

export interface QueueHeadEntry {
  fileId: string;
  name: string;
  priority: QueuePriority;
  reason: string;
}

export interface QueueJump {
  fileId: string;
  name: string;
  eventType: string;
  eventId: string;
  at: string;
  /** Who did it (the event's actor), when known. */
  actorLogin: string | null;
  /** When the file was scanned after this jump; null while it waits in the queue. */
  scannedAt: string | null;
}

/** The content phase on the dashboard: what was inspected, by file type, and what failed and why. */
export interface ContentProgress {
  inspected: { files: number; bytes: number };
  byType: Array<{ ext: string; files: number; bytes: number; failed: number }>;
  failedByReason: Array<{ reason: InspectionReason; files: number }>;
  /** Files whose content was already inspected elsewhere (same SHA-1): not downloaded again. */
  reused: number;
}

export interface ScanProgress {
  phase: ScanPhase;
  /**
   * When each phase of this run began. Snapshots come at most ten a second, so a phase shorter
   * than that (a small backfill) may never be the current one in any snapshot; its time is here.
   */
  phaseStarted: Partial<Record<ScanPhase, string>>;
  running: boolean;
  users: { discovered: number; reachable: number; notReachable: number };
  folders: { discovered: number; listed: number };
  /** `inspectionPending`: scanned files (access level known) whose content inspection is to come. */
  files: {
    discovered: number;
    queued: number;
    scanned: number;
    failed: number;
    notScanned: number;
    inspectionPending: number;
  };
  backfill: { done: boolean; events: number; window: { from: string; to: string } | null };
  liveEvents: number;
  requests: { total: number; perSecond: number; rateLimited: number; retries: number };
  filesPerSecond: number;
  etaSeconds: number | null;
  head: QueueHeadEntry[];
  jumps: QueueJump[];
  content: ContentProgress;
  message: string | null;
  /** The core's event-loop delay (p99, ms, one decimal) while this engine ran; absent with no engine. */
  eventLoopDelayP99Ms?: number;
  at: string;
}

export interface FileFinding {
  fileId: string;
  name: string;
  path: string;
  ownerLogin: string;
  accessLevel: AccessLevel | null;
  externalCollaborators: string[];
  inspection: InspectionState;
  /** Why Failed or Partially scanned (shown with reasonLabel); null otherwise. */
  inspectionReason: InspectionReason | null;
  /** How the text was read, for Completed and Partially scanned files. */
  inspectionMethod: InspectionMethod | null;
  findings: Findings | null;
  /** Where the first matches of each detector are, masked. */
  locations: Locations | null;
  status: 'scanned' | 'failed' | 'not scanned' | 'queued' | 'gone';
  reason: string | null;
  scannedAt: string | null;
}

export type FileStatus = FileFinding['status'];

/** One page of findings for the table (filtered, searched, sorted), with the filtered total. */
export interface FindingsPage {
  total: number;
  offset: number;
  limit: number;
  entries: FileFinding[];
}

/** A stored admin event. `readOnly`: previews, downloads, opens (never move a file). */
export interface ActivityEntry {
  eventId: string;
  type: string;
  createdAt: string;
  actorLogin: string | null;
  itemType: string | null;
  itemId: string | null;
  itemName: string | null;
  source: 'backfill' | 'live';
  readOnly: boolean;
  /** A content or sharing event on a file, or a sharing event on a folder: it moves the file (or every file under the folder) to the front of the queue. */
  movesFile: boolean;
}

export interface ActivityPage {
  total: number;
  offset: number;
  limit: number;
  entries: ActivityEntry[];
}

/**
 * What the scan could not reach: single files (externally owned, gone), or a whole user's
 * content when Box refuses to let the account act as that user (their files are not visible).
 */
export interface NotScannedEntry {
  kind: 'file' | 'user';
  id: string;
  name: string;
  ownerLogin: string | null;
  reason: string;
}

export interface NotScannedPage {
  /** Files listed as not scanned plus users whose content could not be reached. */
  total: number;
  offset: number;
  limit: number;
  byReason: Array<{ reason: string; count: number }>;
  entries: NotScannedEntry[];
}

/** Per owner: how much of their content is covered. */
export interface UserCoverage {
  userId: string;
  login: string;
  name: string;
  role: string | null;
  reachable: boolean;
  reason: string | null;
  files: number;
  scanned: number;
  failed: number;
  notScanned: number;
  queued: number;
}

export interface QueueView {
  queued: number;
  head: QueueHeadEntry[];
  jumps: QueueJump[];
}
