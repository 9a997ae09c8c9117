import { ACTION_NAMES, UNDO_OF, type ActionName, type ActionSpec, type Policy } from '../../../../common/policy/types';
import { t } from '../../strings';
import { Field } from './FilterFields';

/** What a run of the policy does, as the editor holds it. */
export interface ActionDraft {
  action: ActionName | '';
  restrictTo: 'company' | 'collaborators';
  login: string;
  alerts: boolean;
  automatic: boolean;
  maxPerHour: string;
}

export function actionToDraft(policy: Policy): ActionDraft {
  const action = policy.action;
  const automatic = policy.automatic?.[0];
  return {
    action: action?.name ?? '',
    restrictTo: action?.name === 'restrict-shared-link' ? action.access : 'company',
    login: action?.name === 'remove-collaborator' ? action.login : '',
    alerts: policy.alerts ?? true,
    automatic: Boolean(automatic),
    maxPerHour: String(automatic?.maxPerHour ?? 50),
  };
}

export function draftToAction(draft: ActionDraft): ActionSpec | undefined {
  switch (draft.action) {
    case '':
      return undefined;
    case 'restrict-shared-link':
      return { name: draft.action, access: draft.restrictTo };
    case 'remove-collaborator':
      return { name: draft.action, login: draft.login.trim() };
    default:
      return { name: draft.action };
  }
}

const e = t.policies.editor;

interface Props {
  draft: ActionDraft;
  onChange(draft: ActionDraft): void;
}

/** The action a run proposes, alerts, and the opt-in automatic action with its hourly cap. */
export function ActionFields({ draft, onChange }: Props) {
  const change = <K extends keyof ActionDraft>(key: K, value: ActionDraft[K]) => onChange({ ...draft, [key]: value });
  const undo = draft.action ? UNDO_OF[draft.action] : null;
  return (
    <fieldset className="policy-filter">
      <legend>{e.actionHeading}</legend>
      <label className="policy-field">
        <span>{e.action}</span>
        <select value={draft.action} onChange={(event) => change('action', event.target.value as ActionName | '')}>
          <option value="">{t.policies.list.noAction}</option>
          {ACTION_NAMES.map((name) => (
            <option key={name} value={name}>
              {t.policies.actions[name]}
            </option>
          ))}
        </select>
      </label>
      {draft.action && <p className="detail">{undo ? t.policies.review.undoHint(undo) : t.policies.review.noUndo}</p>}
      {draft.action === 'restrict-shared-link' && (
        <label className="policy-field">
          <span>{e.restrictTo}</span>
          <select
            value={draft.restrictTo}
            onChange={(event) => change('restrictTo', event.target.value as ActionDraft['restrictTo'])}
          >
            <option value="company">{e.restrictCompany}</option>
            <option value="collaborators">{e.restrictCollaborators}</option>
          </select>
        </label>
      )}
      {draft.action === 'remove-collaborator' && (
        <Field label={e.collaboratorLogin} value={draft.login} onChange={(v) => change('login', v)} />
      )}
      <label className="choice inline">
        <input type="checkbox" checked={draft.alerts} onChange={(event) => change('alerts', event.target.checked)} />
        {e.alerts}
      </label>
      {draft.action && (
        <div className="policy-group">
          <label className="choice inline">
            <input
              type="checkbox"
              checked={draft.automatic}
              onChange={(event) => change('automatic', event.target.checked)}
            />
            {e.automatic}
          </label>
          <p className="detail">{e.automaticHint}</p>
          {draft.automatic && (
            <Field
              type="number"
              label={e.maxPerHour}
              value={draft.maxPerHour}
              onChange={(v) => change('maxPerHour', v)}
            />
          )}
        </div>
      )}
    </fieldset>
  );
}
