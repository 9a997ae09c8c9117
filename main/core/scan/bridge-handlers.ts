/** The bridge calls of the scan: controls, status, the dashboard's read queries, export. */
import type { ValidCallArgs } from '../../../common/bridge/contract';
import type { ScanCallResults } from '../../../common/bridge/scan-calls';
import type { BackfillChoice } from '../../../common/scan/types';
import { exportFindingsFile } from './export';
import type { ScanService } from './scan-service';
import { activityPage, coverage, findingsPage, notScannedPage, queueView } from './store/queries';

export function backfillChoice(a: { days?: number; since?: string; noBackfill?: boolean }): BackfillChoice {
  if (a.noBackfill) return { none: true };
  if (a.since) return { since: a.since };
  return { days: a.days ?? 7 };
}

/** `backfill`: how a start's options become the history to pull (the settings' defaults and locks). */
export function scanHandlers(deps: {
  home: string;
  scan: ScanService;
  backfill?: (args: ValidCallArgs<'startScan'>) => BackfillChoice;
}) {
  const s = deps.scan;
  const choose = deps.backfill ?? backfillChoice;
  return {
    async startScan(args: ValidCallArgs<'startScan'>): Promise<ScanCallResults['startScan']> {
      return (await s.start(choose(args))).progress;
    },
    async pauseScan() {
      return s.pause();
    },
    async resumeScan() {
      return s.resume();
    },
    async stopScan() {
      return s.stop();
    },
    async rescanAll() {
      return s.rescanAll();
    },
    async rescanFile(args: ValidCallArgs<'rescanFile'>) {
      return s.rescanFile(args.fileId);
    },
    async getScanStatus() {
      return s.status();
    },
    async exportFindings(args: ValidCallArgs<'exportFindings'>) {
      return exportFindingsFile(s.store, deps.home, args.format);
    },
    async listFindings(args: ValidCallArgs<'listFindings'>) {
      return findingsPage(s.store.reader(), args);
    },
    async listActivity(args: ValidCallArgs<'listActivity'>) {
      return activityPage(s.store.reader(), args);
    },
    async listNotScanned(args: ValidCallArgs<'listNotScanned'>) {
      return notScannedPage(s.store.reader(), args.offset, args.limit);
    },
    async getScanCoverage() {
      return { users: coverage(s.store.reader()) };
    },
    async getScanQueue(args: ValidCallArgs<'getScanQueue'>) {
      return queueView(s.store.reader(), args.limit);
    },
  };
}
