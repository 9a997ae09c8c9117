/**
 * Remove the shared link ("make private"). Undo: a new link (Box gives it a new URL) with the
 * previous access, expiry and permissions. A password the link had cannot be put back (the app
 * never knew it), so the new link gets a new random password nobody knows: it still needs a
 * password, and the owner sets one in Box. A link whose expiry has passed since stays removed.
 */
import type { ActionSpec } from '../../../../common/policy/types';
import type { GovernanceAction } from '../action';
import { afterLinkChange, linkWords, NEW_PASSWORD_NOTE, OK, ownerOf, restoreLink, skip } from './shared';

type Spec = Extract<ActionSpec, { name: 'remove-shared-link' }>;

export const removeSharedLink: GovernanceAction<Spec> = {
  name: 'remove-shared-link',
  describe: (_spec, before) => {
    const link = before.sharedLink;
    if (!link) return 'Remove the shared link';
    if (!link.passwordEnabled) return `Remove the shared link (${linkWords(link)})`;
    return `Remove the shared link (${linkWords(link)}, password). Undo: ${NEW_PASSWORD_NOTE}`;
  },
  applies: (_spec, before) => {
    if (before.trashed) return skip('The file is in the trash');
    return before.sharedLink ? OK : skip('The file has no shared link');
  },
  async apply(box, _spec, before) {
    return afterLinkChange(before, await box.setSharedLink(before.fileId, null, ownerOf(before)));
  },
  isApplied: (_spec, before, now) => before.sharedLink !== null && now.sharedLink === null,
  undo: (box, _spec, before) => restoreLink(box, before, { newPassword: before.sharedLink?.passwordEnabled === true }),
  undoNote: (before, _after, undone) =>
    before.sharedLink?.passwordEnabled && undone.sharedLink?.passwordEnabled ? NEW_PASSWORD_NOTE : null,
};
