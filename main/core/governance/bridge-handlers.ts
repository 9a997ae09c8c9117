/**
 * The governance calls of the bridge: plan (dry run), apply, pause/resume/cancel, runs, the
 * audit log, undo and its export. Runs in the core.
 * TODO(#17, w-runner): every handler below is a placeholder until the runner lands.
 */
import { CodedError } from '../../../common/errors/error-codes';
import type { Handlers } from '../bridge/handlers';

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

const notYet = (): never => {
  throw new CodedError('internal', 'Governance actions are not built yet.');
};

export function governanceHandlers(): Pick<Handlers, GovernanceCall> {
  return {
    planAction: notYet,
    listRunChanges: notYet,
    applyRun: notYet,
    pauseRun: notYet,
    resumeRun: notYet,
    cancelRun: notYet,
    listRuns: notYet,
    listAudit: notYet,
    undoAction: notYet,
    undoRun: notYet,
    exportAudit: notYet,
  };
}
