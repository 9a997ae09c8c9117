/** An audit row's before and after in words: only what the change touched, so the row reads "shared link: anyone with the link → no shared link". */
import type { ActionSpec, FileGovernanceState } from '../../../../common/policy/types';
import { t } from '../../strings';

const s = t.policies.state;

function linkWords(state: FileGovernanceState): string {
  const link = state.sharedLink;
  if (!link) return s.noLink;
  const access = s.access[link.access];
  return link.passwordEnabled ? s.linkPassword(access) : s.link(access);
}

function externalCount(state: FileGovernanceState): number {
  return state.collaborations.filter((c) => c.external).length;
}

function placeWords(state: FileGovernanceState): string {
  return state.trashed ? s.trashed : s.folder(state.parentPath);
}

/** Each aspect of a file an action can change, in words. */
const ASPECTS: Array<(state: FileGovernanceState) => string> = [
  linkWords,
  (state) => s.collaborators(externalCount(state)),
  placeWords,
];

/** "before → after" for what differs; the action's own aspect when nothing differs (a skip). */
export function changeWords(before: FileGovernanceState | null, after: FileGovernanceState | null): string {
  if (!before && !after) return s.unknown;
  if (!before || !after) {
    const known = (before ?? after)!;
    const words = ASPECTS.map((aspect) => aspect(known)).join(', ');
    return before ? `${words} → ${s.unknown}` : `${s.unknown} → ${words}`;
  }
  const changed = ASPECTS.map((aspect) => [aspect(before), aspect(after)] as const).filter(([b, a]) => b !== a);
  if (changed.length === 0) return `${linkWords(before)} (${s.same})`;
  return changed.map(([b, a]) => `${b} → ${a}`).join('; ');
}

/** The action's name in words, with its argument ("Restrict the shared link: collaborators only"). */
export function actionWords(action: ActionSpec): string {
  const name = t.policies.actions[action.name];
  if (action.name === 'restrict-shared-link') return `${name}: ${s.access[action.access]}`;
  if (action.name === 'remove-collaborator') return `${name}: ${action.login}`;
  return name;
}
