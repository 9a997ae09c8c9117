import { useMemo, useState } from 'react';
import type { Policy } from '../../../../common/policy/types';
import { describeError, type DescribedError } from '../../errors/describe-error';
import { useBridge } from '../../state/hooks';
import { useStores } from '../../state/StateProvider';
import { t } from '../../strings';
import { ErrorNotice } from '../layout/ErrorNotice';
import { useToasts } from '../layout/Toasts';
import { ActionFields, actionToDraft, draftToAction, type ActionDraft } from './ActionFields';
import { checkDraft, filterToDraft, type FilterDraft } from '../../forms/policy-filter-draft';
import { Field, FilterFields } from './FilterFields';
import { PreviewPanel } from './PreviewPanel';

/** The policy the editor's fields stand for, or null while a field is rejected. */
function toPolicy(base: Policy, name: string, description: string, filter: Policy['filter'], action: ActionDraft) {
  const spec = draftToAction(action);
  const maxPerHour = Number(action.maxPerHour);
  const policy: Policy = {
    ...base,
    name: name.trim(),
    description: description.trim() || undefined,
    filter,
    action: spec,
    alerts: action.alerts,
    automatic: spec && action.automatic ? [{ action: spec, maxPerHour }] : undefined,
  };
  return policy;
}

function useSave(onSaved: () => void) {
  const bridge = useBridge();
  const { policies } = useStores();
  const { notify } = useToasts();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<DescribedError | null>(null);
  const save = async (policy: Policy) => {
    setBusy(true);
    setProblem(null);
    try {
      const saved = await bridge.savePolicy({ policy });
      await policies.refresh().catch(() => undefined);
      notify({ tone: 'info', text: t.policies.editor.saved(saved.policy.name) });
      onSaved();
    } catch (error) {
      setProblem(describeError(error));
    } finally {
      setBusy(false);
    }
  };
  return { busy, problem, save };
}

interface Props {
  policy: Policy;
  isNew: boolean;
  onClose(): void;
}

/** Every filter field, the action, and beside them the files the filter matches now (live, unsaved). */
export function PolicyEditor({ policy, isNew, onClose }: Props) {
  const e = t.policies.editor;
  const [name, setName] = useState(policy.name);
  const [description, setDescription] = useState(policy.description ?? '');
  const [draft, setDraft] = useState<FilterDraft>(() => filterToDraft(policy.filter));
  const [action, setAction] = useState<ActionDraft>(() => actionToDraft(policy));
  const checked = useMemo(() => checkDraft(draft), [draft]);
  const { busy, problem, save } = useSave(onClose);
  // An empty name is said once the admin has typed in it (a new policy starts empty).
  const [nameTouched, setNameTouched] = useState(false);
  const nameProblem = name.trim() ? undefined : e.nameNeeded;
  const canSave = !busy && checked.filter !== null && !nameProblem;
  return (
    <section aria-labelledby="policy-editor-heading" className="policy-editor">
      <h3 id="policy-editor-heading">{isNew ? e.newHeading : e.heading(policy.name)}</h3>
      <div className="policy-editor-layout">
        <form
          className="policy-form"
          aria-labelledby="policy-editor-heading"
          onSubmit={(event) => {
            event.preventDefault();
            if (canSave) void save(toPolicy(policy, name, description, checked.filter!, action));
          }}
        >
          <Field
            label={e.name}
            value={name}
            onChange={(value) => {
              setName(value);
              setNameTouched(true);
            }}
            problem={nameTouched ? nameProblem : undefined}
          />
          <Field label={e.description} value={description} onChange={setDescription} />
          <FilterFields draft={draft} problems={checked.problems} onChange={setDraft} />
          <ActionFields draft={action} onChange={setAction} />
          {problem && <ErrorNotice what={t.policies.list.failed(e.save)} error={problem} actions={{}} />}
          <div className="button-row policy-form-buttons">
            <button type="submit" className="primary" disabled={!canSave}>
              {e.save}
            </button>
            <button type="button" onClick={onClose}>
              {e.cancel}
            </button>
            {checked.filter === null && <span className="field-problem">{e.invalid}</span>}
            {checked.filter !== null && nameProblem && <span className="detail">{e.nameNeeded}</span>}
          </div>
        </form>
        <PreviewPanel filter={checked.filter} />
      </div>
    </section>
  );
}
