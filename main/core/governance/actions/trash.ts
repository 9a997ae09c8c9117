/**
 * Move the file to the owner's trash (DELETE /files/:id). Undo: restored from the trash into its
 * folder, or into the owner's root when that folder is gone (Box then asks for a parent).
 */
import type { ActionSpec } from '../../../../common/policy/types';
import type { GovernanceAction } from '../action';
import { BoxApiError } from '../../scan/box-api';
import { OK, ownerOf, readBack, skip } from './shared';

type Spec = Extract<ActionSpec, { name: 'trash' }>;

export const trash: GovernanceAction<Spec> = {
  name: 'trash',
  describe: (_spec, before) => `Move to the trash (from ${before.parentPath})`,
  applies: (_spec, before) => (before.trashed ? skip('The file is in the trash already') : OK),
  async apply(box, _spec, before) {
    await box.trashFile(before.fileId, ownerOf(before));
    return readBack(box, before);
  },
  isApplied: (_spec, _before, now) => now.trashed,
  async undo(box, _spec, before) {
    const owner = ownerOf(before);
    try {
      await box.restoreFile(before.fileId, owner);
    } catch (e) {
      const folderGone = e instanceof BoxApiError && (e.status === 403 || e.code === 'parent_not_found');
      if (!folderGone) throw e;
      await box.restoreFile(before.fileId, owner, '0');
    }
    return readBack(box, before);
  },
};
