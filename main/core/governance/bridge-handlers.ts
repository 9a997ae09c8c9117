/**
 * The governance calls of the bridge: plan (dry run), apply, pause/resume/cancel, runs, the
 * audit log, undo and its export. An apply or undo answers at once with the run; its progress
 * arrives as `actionRunProgress` events. Runs in the core.
 */
import type { ValidCallArgs } from '../../../common/bridge/contract';
import type { PolicyCallResults } from '../../../common/bridge/policy-calls';
import type { Handlers } from '../bridge/handlers';
import { exportAuditFile } from './audit-export';
import type { GovernanceService } from './governance-service';
import type { Started } from './runner';

type GovernanceCall =
  | 'planAction'
  | 'listRunChanges'
  | 'applyRun'
  | 'pauseRun'
  | 'resumeRun'
  | 'cancelRun'
  | 'listRuns'
  | 'listAudit'
  | 'undoAction'
  | 'undoRun'
  | 'exportAudit';

/** The run as it starts; how it ends is told by the progress events and the log, never a crash. */
function started(s: Started): PolicyCallResults['applyRun'] {
  s.done.catch(() => undefined);
  return s.run;
}

export function governanceHandlers(deps: {
  home: string;
  governance: GovernanceService;
}): Pick<Handlers, GovernanceCall> {
  const g = deps.governance;
  return {
    async planAction(args: ValidCallArgs<'planAction'>) {
      const run = (await g.runner()).plan(args.policyId, args.action);
      return { run, firstChanges: g.audit.changes(run.runId, 0, 100).entries };
    },
    async listRunChanges(args: ValidCallArgs<'listRunChanges'>) {
      return { ...g.audit.changes(args.runId, args.offset, args.limit), offset: args.offset, limit: args.limit };
    },
    async applyRun(args: ValidCallArgs<'applyRun'>) {
      return started((await g.runner()).apply(args.runId, args.confirmCount));
    },
    async pauseRun(args: ValidCallArgs<'pauseRun'>) {
      return g.halt(args.runId, 'pause');
    },
    async resumeRun(args: ValidCallArgs<'resumeRun'>) {
      return started((await g.runner()).resume(args.runId));
    },
    async cancelRun(args: ValidCallArgs<'cancelRun'>) {
      return g.halt(args.runId, 'cancel');
    },
    async listRuns(args: ValidCallArgs<'listRuns'>) {
      return g.audit.runs(args.offset, args.limit);
    },
    async listAudit(args: ValidCallArgs<'listAudit'>) {
      return g.audit.auditPage(args);
    },
    async undoAction(args: ValidCallArgs<'undoAction'>) {
      return started((await g.runner()).undoAction(args.actionId));
    },
    async undoRun(args: ValidCallArgs<'undoRun'>) {
      return started((await g.runner()).undoRun(args.runId));
    },
    async exportAudit(args: ValidCallArgs<'exportAudit'>) {
      return exportAuditFile(g.audit, deps.home, args.format);
    },
  };
}
