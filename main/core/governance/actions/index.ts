/** ActionName → its implementation; the runner looks actions up here and knows none of them. */
import type { ActionName, ActionSpec } from '../../../../common/policy/types';
import type { GovernanceAction } from '../action';
import { quarantine, restoreFromQuarantine } from './quarantine';
import { removeCollaborator } from './remove-collaborator';
import { removeExternalCollaborators } from './remove-external-collaborators';

export { actionForPolicy } from './remove-external-collaborators';
import { removeSharedLink } from './remove-shared-link';
import { restrictSharedLink } from './restrict-shared-link';
import { trash } from './trash';

export const ACTIONS: { [N in ActionName]: GovernanceAction<Extract<ActionSpec, { name: N }>> } = {
  'remove-shared-link': removeSharedLink,
  'restrict-shared-link': restrictSharedLink,
  'remove-external-collaborators': removeExternalCollaborators,
  'remove-collaborator': removeCollaborator,
  quarantine,
  'restore-from-quarantine': restoreFromQuarantine,
  trash,
};

/** The implementation of `spec`'s action, typed for any spec (the spec's own type is checked by its name). */
export function actionFor(spec: ActionSpec): GovernanceAction {
  return ACTIONS[spec.name] as GovernanceAction;
}
