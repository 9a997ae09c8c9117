/**
 * Remove the shared link ("make private"). Undo: a new link with the previous access (Box gives
 * it a new URL; a password it had cannot be put back, as the app never knew it).
 */
import type { ActionSpec } from '../../../../common/policy/types';
import type { GovernanceAction } from '../action';
import { afterLinkChange, linkWords, OK, ownerOf, readBack, skip } from './shared';

type Spec = Extract<ActionSpec, { name: 'remove-shared-link' }>;

export const removeSharedLink: GovernanceAction<Spec> = {
  name: 'remove-shared-link',
  describe: (_spec, before) =>
    before.sharedLink ? `Remove the shared link (${linkWords(before.sharedLink)})` : 'Remove the shared link',
  applies: (_spec, before) => {
    if (before.trashed) return skip('The file is in the trash');
    return before.sharedLink ? OK : skip('The file has no shared link');
  },
  async apply(box, _spec, before) {
    return afterLinkChange(before, await box.setSharedLink(before.fileId, null, ownerOf(before)));
  },
  isApplied: (_spec, before, now) => before.sharedLink !== null && now.sharedLink === null,
  async undo(box, _spec, before) {
    if (!before.sharedLink) return readBack(box, before);
    await box.setSharedLink(before.fileId, before.sharedLink.access, ownerOf(before));
    return readBack(box, before);
  },
};
