/** What several actions share: the words for a link's access, who to act as, reading back. */
import type { FileGovernanceState, GovernanceCollaboration } from '../../../../common/policy/types';
import { changedParts } from '../facts';
import type { Applicability, GovernanceBox, LinkAccess, SharedLinkState, WrittenState } from '../action';

export const OK: Applicability = { ok: true };

export function skip(reason: string): Applicability {
  return { ok: false, reason };
}

const ACCESS_WORDS: Record<LinkAccess, string> = {
  open: 'People with the link',
  company: 'People in your company',
  collaborators: 'Invited people only',
};

/** "People with the link" (capped: "… (effective: People in your company)"). */
export function linkWords(link: NonNullable<FileGovernanceState['sharedLink']>): string {
  const asked = ACCESS_WORDS[link.access] ?? link.access;
  const effective = ACCESS_WORDS[link.effectiveAccess as LinkAccess] ?? link.effectiveAccess;
  return asked === effective ? asked : `${asked}, effective: ${effective}`;
}

export function accessWords(access: LinkAccess): string {
  return ACCESS_WORDS[access];
}

/** Widest first: restricting moves down this list. */
export const ACCESS_ORDER: readonly LinkAccess[] = ['open', 'company', 'collaborators'];

/** The Box user the change acts as: the file's owner when read (an admin reaches content As-User). */
export function ownerOf(state: FileGovernanceState): string {
  if (!state.ownerId) throw new Error(`the state of file ${state.fileId} does not say who owns it`);
  return state.ownerId;
}

/** The state now, read as the owner the change acted as. */
export function readBack(box: GovernanceBox, before: FileGovernanceState): Promise<FileGovernanceState> {
  return box.readFile(before.fileId, before.ownerId ?? null);
}

/**
 * The state after a shared-link change made right after reading `before`: Box's answer to the
 * PUT (asked for with the read's fields) and the collaborations as just read, which a link
 * change leaves alone. One write and no second read per file (each request counts against the
 * rate limit). An undo reads back instead: its `before` is the original change's, long ago.
 */
export function afterLinkChange(before: FileGovernanceState, written: WrittenState): FileGovernanceState {
  return { ...written, collaborations: before.collaborations };
}

export function sameLogin(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export function direct(state: FileGovernanceState): GovernanceCollaboration[] {
  return state.collaborations.filter((c) => c.inheritedFromFolderId === null);
}

/**
 * Removes these collaborations; the state after. Box has no undo for it, so undo (below)
 * invites each user again with their role: a new collaboration, whose id the state after shows.
 */
export async function removeCollaborations(
  box: GovernanceBox,
  before: FileGovernanceState,
  targets: GovernanceCollaboration[],
): Promise<FileGovernanceState> {
  for (const c of targets) await box.removeCollaboration(c.collaborationId, ownerOf(before));
  return readBack(box, before);
}

/** None of `targets`' users collaborates directly on the file in `now`. */
export function allRemoved(targets: GovernanceCollaboration[], now: FileGovernanceState): boolean {
  return targets.every((t) => !direct(now).some((c) => sameLogin(c.login, t.login)));
}

/** Re-invites each removed user not back already, with their role; the state after. */
export async function reinvite(
  box: GovernanceBox,
  before: FileGovernanceState,
  removed: GovernanceCollaboration[],
): Promise<FileGovernanceState> {
  const now = await readBack(box, before);
  for (const c of removed) {
    if (direct(now).some((n) => sameLogin(n.login, c.login))) continue;
    await box.inviteToFile(before.fileId, c.login, c.role, ownerOf(before));
  }
  return readBack(box, before);
}

/** What an undo's entry says when a password link came back with a password nobody knows. */
export const NEW_PASSWORD_NOTE = 'the link has a new URL and a new password nobody knows: the owner sets one in Box';

/** A link whose expiry has passed: Box would have removed it by now, so an undo leaves it removed. */
function expired(link: SharedLinkState, now = Date.now()): boolean {
  return !!link.unsharedAt && Date.parse(link.unsharedAt) <= now;
}

/**
 * Puts `before`'s link back as it was: access, expiry, permissions; with `newPassword` a new
 * random password (never kept), so a link that needed a password still needs one. The state after.
 */
export async function restoreLink(
  box: GovernanceBox,
  before: FileGovernanceState,
  o: { newPassword: boolean },
): Promise<FileGovernanceState> {
  const link = before.sharedLink;
  if (!link || expired(link)) return readBack(box, before);
  await box.restoreSharedLink(before.fileId, link, ownerOf(before), o);
  return readBack(box, before);
}

/**
 * Some of `targets` removed and nothing else changed: the links, place and trash as before, and
 * no collaborator gone but targets, none added (a multi-step removal cut short, not someone's edit).
 */
export function partlyRemoved(
  targets: GovernanceCollaboration[],
  before: FileGovernanceState,
  now: FileGovernanceState,
): boolean {
  const has = (state: FileGovernanceState, login: string) => direct(state).some((c) => sameLogin(c.login, login));
  const gone = direct(before).filter((c) => !has(now, c.login));
  const added = direct(now).filter((c) => !has(before, c.login));
  const onlyTargets = gone.every((c) => targets.some((t) => sameLogin(t.login, c.login)));
  const rest = changedParts(before, { ...now, collaborations: before.collaborations });
  return gone.length > 0 && added.length === 0 && onlyTargets && rest.length === 0;
}
