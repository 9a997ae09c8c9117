/** What `policy run`, `actions` and `undo` share: the governance service of this home, the outcomes' lines. */
import { existsSync } from 'node:fs';
import type { ActionRun, AuditEntry } from '../../../common/policy/types';
import { GovernanceService, type GovernanceServiceOptions } from '../../core/governance/governance-service';
import { PolicyStore } from '../../core/policy/policy-store';
import { scanDbPath } from '../../core/scan/engine';
import { openScanStoreForReading, type ScanStore } from '../../core/scan/store/scan-store';
import type { CliContext } from '../command';
import { connectionManagerFor } from './connection-common';

export interface CliGovernance {
  service: GovernanceService;
  close(): void;
}

/**
 * The governance service over this home's connection and scan store (read-only: the app may be
 * scanning). Null when there is no keychain or no scan yet (the error already told).
 */
export async function openGovernance(
  ctx: CliContext,
  o: Pick<GovernanceServiceOptions, 'rateLimitPerSecond' | 'concurrency' | 'onProgress' | 'onEntry'> = {},
): Promise<CliGovernance | null> {
  const connection = await connectionManagerFor(ctx);
  if (!connection) return null;
  let scan: ScanStore | null = null;
  const service = new GovernanceService(ctx.home, {
    connection,
    policies: new PolicyStore(ctx.home),
    scanStore: () => {
      if (!existsSync(scanDbPath(ctx.home))) throw new Error('no scan yet in this home: run box-companion scan first');
      scan ??= openScanStoreForReading(scanDbPath(ctx.home));
      return scan;
    },
    ...o,
  });
  return {
    service,
    close() {
      service.close();
      scan?.close();
    },
  };
}

export function describeRun(r: ActionRun): string {
  const c = r.counts;
  const kind = r.undoOf ? `undo of ${r.undoOf}` : r.action.name;
  return `Run ${r.runId} (${kind}, policy ${r.policyId}) ${r.state}: ${c.planned} planned, ${c.applied} applied, ${c.skipped} skipped, ${c.failed} failed, ${c.undone} undone`;
}

/** One file's outcome as a JSON record (`fileId` first) and a line. */
export function entryRecord(e: AuditEntry): Record<string, unknown> {
  return {
    fileId: e.fileId,
    actionId: e.actionId,
    runId: e.runId,
    fileName: e.fileName,
    action: e.action.name,
    state: e.state,
    reason: e.reason,
    undoable: e.undoable,
    undoneBy: e.undoneBy,
    at: e.at,
  };
}

export function entryLine(e: AuditEntry): string {
  return `${e.actionId}  ${e.at}  ${e.state.padEnd(8)}  ${e.action.name}  ${e.fileName} (${e.fileId})${e.reason ? `: ${e.reason}` : ''}${e.undoneBy ? ` [undone by ${e.undoneBy}]` : ''}`;
}
