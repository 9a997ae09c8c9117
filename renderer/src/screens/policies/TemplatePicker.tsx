import { useEffect, useState } from 'react';
import type { PolicySummary, PolicyTemplate, TemplateId } from '../../../../common/policy/types';
import { describeError, type DescribedError } from '../../errors/describe-error';
import { useBridge } from '../../state/hooks';
import { useStores } from '../../state/StateProvider';
import { t } from '../../strings';
import { ErrorNotice } from '../layout/ErrorNotice';
import { useToasts } from '../layout/Toasts';

const s = t.policies.templates;

/** Runs one policy call that adds a policy (a template, an import), then reads the list again. */
export function useAddPolicy() {
  const { policies } = useStores();
  const { notify } = useToasts();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<DescribedError | null>(null);
  const add = async (call: () => Promise<PolicySummary>, said: (name: string) => string) => {
    setBusy(true);
    setProblem(null);
    try {
      const added = await call();
      await policies.refresh().catch(() => undefined);
      notify({ tone: 'info', text: said(added.policy.name) });
    } catch (error) {
      setProblem(describeError(error));
    } finally {
      setBusy(false);
    }
  };
  return { busy, problem, add };
}

/** The four shipped templates, each one click from a live policy. */
export function TemplatePicker() {
  const bridge = useBridge();
  const [templates, setTemplates] = useState<PolicyTemplate[] | null>(null);
  const [loadError, setLoadError] = useState<DescribedError | null>(null);
  const { busy, problem, add } = useAddPolicy();
  useEffect(() => {
    bridge.listPolicyTemplates({}).then(setTemplates, (reason: unknown) => setLoadError(describeError(reason)));
  }, [bridge]);
  const create = (id: TemplateId) => void add(() => bridge.createPolicyFromTemplate({ templateId: id }), s.created);
  return (
    <section aria-labelledby="templates-heading" className="policy-templates">
      <h3 id="templates-heading">{s.heading}</h3>
      {loadError && <ErrorNotice what={s.loadFailed} error={loadError} actions={{}} />}
      {problem && <ErrorNotice error={problem} actions={{}} />}
      <ul className="template-list">
        {(templates ?? []).map((template) => (
          <li
            key={template.id}
            className="choice-card template-card"
            data-testid="template"
            data-template={template.id}
          >
            <h4>{template.name}</h4>
            <p>{template.description}</p>
            <button
              type="button"
              className="primary"
              disabled={busy}
              aria-label={s.create(template.name)}
              onClick={() => create(template.id)}
            >
              {s.createShort}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
