/**
 * A file's policy facts and governance state, each from the other:
 * - `estimatedState`: what the scan store knows, as a FileGovernanceState, for the dry run's
 *   words (the dry run calls Box for nothing; the apply reads the real state first);
 * - `freshFacts`: the store's facts (findings, owner, size) with the sharing and place read from
 *   Box just now, so a file re-shared, moved or trashed since the scan is judged as it is.
 */
import { accessLevel } from '../../../common/scan/access-level';
import type { FileGovernanceState, PolicyFileFacts } from '../../../common/policy/types';

export function estimatedState(f: PolicyFileFacts): FileGovernanceState {
  const open = f.accessLevel === 'Public (Internet)' || f.accessLevel === 'Public';
  return {
    fileId: f.fileId,
    name: f.name,
    etag: null,
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
