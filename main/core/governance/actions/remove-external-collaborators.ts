/**
 * Remove the file's own external collaborators. Those inherited from a folder cannot be removed
 * on the file alone (Box keeps the folder's collaboration): `applies` names the folder instead.
 * Undo: each removed collaborator invited again with their role (a new collaboration).
 */
import type { ActionSpec, FileGovernanceState } from '../../../../common/policy/types';
import type { GovernanceAction } from '../action';
import { allRemoved, direct, loginList, OK, reinvite, removeCollaborations, skip } from './shared';

type Spec = Extract<ActionSpec, { name: 'remove-external-collaborators' }>;

function targets(state: FileGovernanceState) {
  return direct(state).filter((c) => c.external && c.status !== 'rejected');
}

export const removeExternalCollaborators: GovernanceAction<Spec> = {
  name: 'remove-external-collaborators',
  describe: (_spec, before) => {
    const list = targets(before);
    return list.length > 0
      ? `Remove ${list.length} external collaborator${list.length === 1 ? '' : 's'} (${loginList(list)})`
      : 'Remove external collaborators';
  },
  applies: (_spec, before) => {
    if (before.trashed) return skip('The file is in the trash');
    if (targets(before).length > 0) return OK;
    const inherited = before.collaborations.find((c) => c.external && c.inheritedFromFolderId !== null);
    if (inherited)
      return skip(
        `External collaborators come from folder ${inherited.inheritedFromFolderId} (${before.parentPath}): remove them on the folder`,
      );
    return skip('The file has no external collaborators');
  },
  apply: (box, _spec, before) => removeCollaborations(box, before, targets(before)),
  isApplied: (_spec, before, now) => allRemoved(targets(before), now),
  undo: (box, _spec, before) => reinvite(box, before, targets(before)),
};
