/**
 * Remove one collaborator (by login) from the file. One who collaborates through a folder only
 * cannot be removed on the file alone: `applies` names the folder. Undo: invited again with their
 * role (a new collaboration).
 */
import type { ActionSpec, FileGovernanceState } from '../../../../common/policy/types';
import type { GovernanceAction } from '../action';
import { allRemoved, direct, OK, reinvite, removeCollaborations, sameLogin, skip } from './shared';

type Spec = Extract<ActionSpec, { name: 'remove-collaborator' }>;

function targets(spec: Spec, state: FileGovernanceState) {
  return direct(state).filter((c) => sameLogin(c.login, spec.login));
}

export const removeCollaborator: GovernanceAction<Spec> = {
  name: 'remove-collaborator',
  describe: (spec, before) => {
    const role = targets(spec, before)[0]?.role;
    return `Remove collaborator ${spec.login}${role ? ` (${role})` : ''}`;
  },
  applies: (spec, before) => {
    if (before.trashed) return skip('The file is in the trash');
    if (targets(spec, before).length > 0) return OK;
    const inherited = before.collaborations.find(
      (c) => c.inheritedFromFolderId !== null && sameLogin(c.login, spec.login),
    );
    if (inherited)
      return skip(
        `${spec.login} collaborates through folder ${inherited.inheritedFromFolderId} (${before.parentPath}): remove them on the folder`,
      );
    return skip(`${spec.login} does not collaborate on the file`);
  },
  apply: (box, spec, before) => removeCollaborations(box, before, targets(spec, before)),
  isApplied: (spec, before, now) => allRemoved(targets(spec, before), now),
  undo: (box, spec, before) => reinvite(box, before, targets(spec, before)),
};
