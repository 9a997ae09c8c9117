/**
 * The one function that builds a ScanProgress: the running engine's snapshot and the stored
 * state shown when no engine runs (after a restart, before a scan) both come from here.
 */
import type { QueueHeadEntry, QueueJump, ScanPhase, ScanProgress } from '../../../common/scan/types';
import type { StoreCounts } from './store/scan-store';

export interface ProgressInput {
  phase: ScanPhase;
  phaseStarted: Partial<Record<ScanPhase, string>>;
  running: boolean;
  counts: Readonly<StoreCounts>;
  /** The content phase's figures (the store keeps them: ScanStore.contentFigures). */
  content: ScanProgress['content'];
  backfill: { done: boolean; window: { from: string; to: string } | null };
  liveEvents: number;
  requests: ScanProgress['requests'];
  /** Files scanned and inspected per second (0 with no engine). */
  rates: { scanned: number; inspected: number };
  head: QueueHeadEntry[];
  jumps: QueueJump[];
  message: string | null;
  eventLoopDelayP99Ms?: number;
}

export const NO_REQUESTS: ScanProgress['requests'] = { total: 0, perSecond: 0, rateLimited: 0, retries: 0 };

export function buildProgress(i: ProgressInput): ScanProgress {
  const c = i.counts;
  return {
    phase: i.phase,
    phaseStarted: { ...i.phaseStarted },
    content: i.content,
    running: i.running,
    users: { discovered: c.users, reachable: c.reachable, notReachable: c.users - c.reachable },
    folders: { discovered: c.folders, listed: c.listed },
    files: {
      discovered: c.files,
      queued: c.queued,
      scanned: c.done,
      failed: c.failed,
      notScanned: c.notScanned,
      inspectionPending: c.inspectionPending,
    },
    backfill: { done: i.backfill.done, events: c.backfillEvents, window: i.backfill.window },
    liveEvents: i.liveEvents,
    requests: i.requests,
    filesPerSecond: Math.round(i.rates.scanned * 10) / 10,
    etaSeconds: eta(c.queued, i.rates.scanned, c.inspectionPending, i.rates.inspected),
    head: i.head,
    jumps: i.jumps,
    message: i.message,
    ...(i.eventLoopDelayP99Ms === undefined ? {} : { eventLoopDelayP99Ms: i.eventLoopDelayP99Ms }),
    at: new Date().toISOString(),
  };
}

/** Seconds left: the queue at the scan rate plus pending inspections at the inspection rate. */
function eta(queued: number, scanRate: number, pending: number, inspectRate: number): number | null {
  if ((queued > 0 && scanRate <= 0) || (pending > 0 && inspectRate <= 0)) return null;
  return Math.round((queued > 0 ? queued / scanRate : 0) + (pending > 0 ? pending / inspectRate : 0));
}
