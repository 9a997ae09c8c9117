/**
 * A file's policy facts and governance state, each from the other:
 * - `estimatedState`: what the scan store knows, as a FileGovernanceState, for the dry run's
 *   words (the dry run calls Box for nothing; the apply reads the real state first);
 * - `freshFacts`: the store's facts (findings, owner, size) with the sharing and place read from
 *   Box just now, so a file re-shared, moved or trashed since the scan is judged as it is;
 * - `editedSinceScan`: the content (SHA-1) or modified_at Box has now is not the scan's, so the
 *   findings that made the file match may no longer hold;
 * - `changedParts`: what differs between two states of a file's sharing and place, in words
 *   (a change cut short, and a file changed since an action that an undo must not overwrite).
 */
import { accessLevel } from '../../../common/scan/access-level';
import type { FileGovernanceState, GovernanceCollaboration, PolicyFileFacts } from '../../../common/policy/types';

export function estimatedState(f: PolicyFileFacts): FileGovernanceState {
  const open = f.accessLevel === 'Public (Internet)' || f.accessLevel === 'Public';
  return {
    fileId: f.fileId,
    name: f.name,
    etag: null,
    sha1: f.sha1 ?? null,
    modifiedAt: f.modifiedAt,
    parentId: '',
    parentPath: f.path,
    sharedLink: open ? { access: 'open', effectiveAccess: 'open', passwordEnabled: f.accessLevel === 'Public' } : null,
    collaborations: f.externalCollaborators.map((login) => ({
      collaborationId: '',
      login,
      role: 'viewer',
      status: 'accepted',
      external: true,
      inheritedFromFolderId: null,
    })),
    trashed: f.status === 'gone',
  };
}

export function freshFacts(stored: PolicyFileFacts, now: FileGovernanceState): PolicyFileFacts {
  const live = now.collaborations.filter((c) => c.status !== 'rejected');
  const externals = [...new Set(live.filter((c) => c.external).map((c) => c.login.toLowerCase()))];
  const level = accessLevel({
    linkEffectiveAccess: now.sharedLink?.effectiveAccess ?? null,
    linkPasswordEnabled: now.sharedLink?.passwordEnabled ?? false,
    externalCollaborators: externals.length,
    internalCollaborators: live.length - live.filter((c) => c.external).length,
  });
  return {
    ...stored,
    name: now.name,
    path: now.parentPath || stored.path,
    accessLevel: level,
    externalCollaborators: externals,
    status: now.trashed ? 'gone' : stored.status,
  };
}

/** What changed between the scan and now, in words, for a skip's reason. */
export function whatChanged(stored: PolicyFileFacts, fresh: PolicyFileFacts): string {
  const parts: string[] = [];
  if (fresh.status === 'gone' && stored.status !== 'gone') parts.push('it was deleted');
  if (stored.accessLevel !== fresh.accessLevel)
    parts.push(`its access is now ${fresh.accessLevel ?? 'unknown'} (was ${stored.accessLevel ?? 'unknown'})`);
  if (stored.path.toLowerCase() !== fresh.path.toLowerCase()) parts.push(`it moved to ${fresh.path}`);
  if (stored.name !== fresh.name) parts.push(`it was renamed to ${fresh.name}`);
  if (stored.externalCollaborators.join() !== fresh.externalCollaborators.join())
    parts.push('its collaborators changed');
  return parts.length ? parts.join('; ') : 'it changed since the scan';
}

/** Both known and different; times compared as instants (Box writes offsets, the store keeps what the listing said). */
function differs(a: string | null | undefined, b: string | null | undefined, asTime = false): boolean {
  if (!a || !b) return false;
  return asTime ? Date.parse(a) !== Date.parse(b) : a !== b;
}

/** The file's content or modified_at is not what the scan saw (unknown on either side: not judged). */
export function editedSinceScan(stored: PolicyFileFacts, now: FileGovernanceState): boolean {
  return differs(stored.sha1, now.sha1) || differs(stored.modifiedAt, now.modifiedAt, true);
}

function linkText(link: FileGovernanceState['sharedLink']): string {
  return link ? `${link.access}${link.passwordEnabled ? ', password' : ''}` : 'none';
}

/** The file's own collaborators, by login, role and status: a re-invite's new id is the same collaborator. */
function ownCollaborators(state: FileGovernanceState): string {
  const key = (c: GovernanceCollaboration) => `${c.login.toLowerCase()} ${c.role} ${c.status}`;
  return state.collaborations
    .filter((c) => c.inheritedFromFolderId === null)
    .map(key)
    .sort()
    .join(', ');
}

/**
 * What differs between two states of a file in its sharing and place (link, own collaborators,
 * folder, trash, quarantine), in words; empty when they agree. Content and etag are not
 * compared: an action changes neither what the file holds nor is undone by an edit.
 */
export function changedParts(was: FileGovernanceState, now: FileGovernanceState): string[] {
  const parts: string[] = [];
  if (linkText(was.sharedLink) !== linkText(now.sharedLink))
    parts.push(`its shared link is now ${linkText(now.sharedLink)} (was ${linkText(was.sharedLink)})`);
  if (ownCollaborators(was) !== ownCollaborators(now)) parts.push('its collaborators changed');
  if (was.parentId !== now.parentId) parts.push(`it moved to ${now.parentPath} (was ${was.parentPath})`);
  if (was.trashed !== now.trashed)
    parts.push(now.trashed ? 'it was moved to the trash' : 'it was restored from the trash');
  if (!!was.quarantinedFrom !== !!now.quarantinedFrom)
    parts.push(now.quarantinedFrom ? 'it was put in quarantine' : 'it was taken out of quarantine');
  return parts;
}
