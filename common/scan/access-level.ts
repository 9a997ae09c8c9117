/**
 * A file's access level as the connector reports it, from its shared link and collaborations.
 * Most exposed wins:
 * - Public (Internet): a shared link whose EFFECTIVE access is "open" (anyone on the internet
 *   with the link, no sign-in) and no password;
 * - Public: an open link behind a password (anyone holding link and password);
 * - External: a collaborator outside the enterprise, on the file or inherited from a folder.
 *   Pending invitations count: the invitee can accept at any time without the owner (fail safe);
 * - Internal: a company link, or internal collaborators only;
 * - Private: none of the above (a "collaborators" link adds no one).
 * The link's `access` is what was asked for; an enterprise policy may cap it, so only
 * `effective_access` decides. Runs everywhere.
 */
export const ACCESS_LEVELS = ['Public (Internet)', 'Public', 'External', 'Internal', 'Private'] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

export interface AccessInput {
  /** shared_link.effective_access, or null without a link. */
  linkEffectiveAccess: 'open' | 'company' | 'collaborators' | string | null;
  linkPasswordEnabled?: boolean;
  externalCollaborators: number;
  internalCollaborators: number;
}

export function accessLevel(a: AccessInput): AccessLevel {
  if (a.linkEffectiveAccess === 'open') return a.linkPasswordEnabled ? 'Public' : 'Public (Internet)';
  if (a.externalCollaborators > 0) return 'External';
  if (a.linkEffectiveAccess === 'company' || a.internalCollaborators > 0) return 'Internal';
  return 'Private';
}
