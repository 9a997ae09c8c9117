/**
 * Remove the file's own external collaborators: all of them, or, when the spec names domains
 * (a policy filtering on domains fills them: actionForPolicy), only those at the included
 * domains and never those at the excluded ones (the trusted partners). Those inherited from a
 * folder cannot be removed on the file alone (Box keeps the folder's collaboration): `applies`
 * names the folder instead. Undo: each removed collaborator invited again with their role (a
 * new collaboration).
 */
import { domainOf } from '../../../../common/policy/match';
import type { ActionSpec, FileGovernanceState, GovernanceCollaboration, Policy } from '../../../../common/policy/types';
import type { GovernanceAction } from '../action';
import { allRemoved, direct, OK, partlyRemoved, reinvite, removeCollaborations, skip } from './shared';

type Spec = Extract<ActionSpec, { name: 'remove-external-collaborators' }>;

/** Whether the spec's domains let this external collaborator be removed. */
function inScope(spec: Spec, c: GovernanceCollaboration): boolean {
  const domain = domainOf(c.login);
  const has = (list: string[] | undefined) => !!list?.some((d) => d.toLowerCase() === domain);
  if (has(spec.domains?.exclude)) return false;
  return spec.domains?.include ? has(spec.domains.include) : true;
}

function externals(spec: Spec, list: GovernanceCollaboration[]): GovernanceCollaboration[] {
  return list.filter((c) => c.external && c.status !== 'rejected' && inScope(spec, c));
}

function targets(spec: Spec, state: FileGovernanceState): GovernanceCollaboration[] {
  return externals(spec, direct(state));
}

/** "at gmail.com, outlook.com, not at partner.com" ("" without domains). */
function scopeWords(spec: Spec): string {
  const { include, exclude } = spec.domains ?? {};
  const parts = [include ? `at ${include.join(', ')}` : '', exclude ? `not at ${exclude.join(', ')}` : ''];
  const words = parts.filter(Boolean).join(', ');
  return words ? ` ${words}` : '';
}

/**
 * The action a policy's run takes: remove-external-collaborators limited to the domains the
 * policy's filter names (includeDomains: only those; excludeDomains: never those), so a
 * policy about gmail.com never removes a partner.com collaborator. Other specs, and one that
 * names its domains already, are returned as they are. Pure.
 */
export function actionForPolicy(policy: Pick<Policy, 'filter'>, spec: ActionSpec): ActionSpec {
  if (spec.name !== 'remove-external-collaborators' || spec.domains) return spec;
  const lower = (l: string[] | undefined) => (l && l.length > 0 ? l.map((d) => d.toLowerCase()) : undefined);
  const include = lower(policy.filter.external?.includeDomains);
  const exclude = lower(policy.filter.external?.excludeDomains);
  if (!include && !exclude) return spec;
  return { ...spec, domains: { ...(include ? { include } : {}), ...(exclude ? { exclude } : {}) } };
}

export const removeExternalCollaborators: GovernanceAction<Spec> = {
  name: 'remove-external-collaborators',
  describe: (spec, before) => {
    const list = targets(spec, before);
    const kept = direct(before).filter((c) => c.external && c.status !== 'rejected' && !inScope(spec, c));
    if (list.length === 0) return `Remove external collaborators${scopeWords(spec)}`;
    const who = list.map((c) => c.login).join(', ');
    const keep =
      kept.length > 0 ? `; ${kept.map((c) => c.login).join(', ')} ${kept.length === 1 ? 'stays' : 'stay'}` : '';
    return `Remove ${list.length} external collaborator${list.length === 1 ? '' : 's'}${scopeWords(spec)} (${who})${keep}`;
  },
  applies: (spec, before) => {
    if (before.trashed) return skip('The file is in the trash');
    if (targets(spec, before).length > 0) return OK;
    const inherited = externals(spec, before.collaborations).find((c) => c.inheritedFromFolderId !== null);
    if (inherited)
      return skip(
        `External collaborators come from folder ${inherited.inheritedFromFolderId} (${before.parentPath}): remove them on the folder`,
      );
    return skip(`The file has no external collaborators${scopeWords(spec)}`);
  },
  apply: (box, spec, before) => removeCollaborations(box, before, targets(spec, before)),
  isApplied: (spec, before, now) => allRemoved(targets(spec, before), now),
  partly: (spec, before, now) => partlyRemoved(targets(spec, before), before, now),
  undo: (box, spec, before) => reinvite(box, before, targets(spec, before)),
};
