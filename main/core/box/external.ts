/**
 * Who is external to the enterprise, decided in this one place for the scan's findings and for
 * the governance actions, so a login the findings count external is the one an action removes.
 * Internal: a group, or a user who is a member of the enterprise (its managed users, by Box user
 * id). External: anyone else, whatever the domain of their login (a free Box account at the
 * company's own domain is not the company's), and an invitation by e-mail to someone without a
 * Box account. Rejected invitations are nobody's: the callers leave them out.
 */
export interface CollaborationParty {
  accessible_by?: { type?: string; id?: string; login?: string } | null;
  invite_email?: string | null;
}

export function isExternalCollaborator(c: CollaborationParty, isMember: (userId: string) => boolean): boolean {
  const who = c.accessible_by;
  if (who?.type === 'group') return false;
  return !(who?.id && isMember(who.id));
}

/** The login a collaborator is shown by: the user's, else the invited address, else the id. */
export function collaboratorLogin(c: CollaborationParty): string {
  const who = c.accessible_by;
  return who?.login ?? c.invite_email ?? who?.id ?? 'unknown';
}
