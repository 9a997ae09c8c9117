/**
 * Restrict the shared link to the company or to invited people. Only ever narrows: a link already
 * as narrow (or narrower) is left alone. Undo: the previous access, expiry and permissions
 * (same link, same URL); should the link have lost its password on the way, a new random one
 * nobody knows, so undo never opens a password link to anyone with the URL. A link removed
 * since stays removed.
 */
import type { ActionSpec, FileGovernanceState } from '../../../../common/policy/types';
import type { GovernanceAction } from '../action';
import {
  ACCESS_ORDER,
  accessWords,
  afterLinkChange,
  linkWords,
  NEW_PASSWORD_NOTE,
  OK,
  ownerOf,
  readBack,
  restoreLink,
  skip,
} from './shared';

type Spec = Extract<ActionSpec, { name: 'restrict-shared-link' }>;

export const restrictSharedLink: GovernanceAction<Spec> = {
  name: 'restrict-shared-link',
  describe: (spec, before) =>
    `Restrict the shared link to ${accessWords(spec.access)}${before.sharedLink ? ` (now ${linkWords(before.sharedLink)})` : ''}`,
  applies: (spec, before) => {
    if (before.trashed) return skip('The file is in the trash');
    if (!before.sharedLink) return skip('The file has no shared link');
    const now = ACCESS_ORDER.indexOf(before.sharedLink.access);
    if (now >= ACCESS_ORDER.indexOf(spec.access))
      return skip(`The shared link is already limited to ${accessWords(before.sharedLink.access)}`);
    return OK;
  },
  async apply(box, spec, before) {
    return afterLinkChange(before, await box.setSharedLink(before.fileId, spec.access, ownerOf(before)));
  },
  isApplied: (spec, _before, now) => now.sharedLink?.access === spec.access,
  async undo(box, _spec, before) {
    const now = await readBack(box, before);
    if (!before.sharedLink || !now.sharedLink) return now;
    return restoreLink(box, before, { newPassword: lostPassword(before, now) });
  },
  undoNote: (before, after, undone) =>
    lostPassword(before, after) && undone.sharedLink?.passwordEnabled ? NEW_PASSWORD_NOTE : null,
};

function lostPassword(before: FileGovernanceState, now: FileGovernanceState): boolean {
  return before.sharedLink?.passwordEnabled === true && now.sharedLink?.passwordEnabled !== true;
}
