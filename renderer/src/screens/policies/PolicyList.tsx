import { useState } from 'react';
import type { PolicySummary } from '../../../../common/policy/types';
import { describeError, type DescribedError } from '../../errors/describe-error';
import { useBridge } from '../../state/hooks';
import { useStores } from '../../state/StateProvider';
import { t } from '../../strings';
import { formatNumber } from '../dashboard/format';
import { ErrorNotice } from '../layout/ErrorNotice';
import { useToasts } from '../layout/Toasts';
import { actionWords } from './state-words';

const s = t.policies.list;

/** Export, remove and mark seen: each says what it did, or why it could not. */
function useRowActions() {
  const bridge = useBridge();
  const { policies } = useStores();
  const { notify } = useToasts();
  const [problem, setProblem] = useState<DescribedError | null>(null);
  const run = async (call: () => Promise<string | null>) => {
    setProblem(null);
    try {
      const said = await call();
      if (said) notify({ tone: 'info', text: said });
      await policies.refresh().catch(() => undefined);
    } catch (error) {
      setProblem(describeError(error));
    }
  };
  return {
    problem,
    exportPolicy: (id: string) => void run(async () => s.exported((await bridge.exportPolicy({ id })).path)),
    markSeen: (id: string) => void run(async () => (await bridge.markPolicySeen({ id }), null)),
    remove: (summary: PolicySummary) => {
      if (!window.confirm(s.removeConfirm(summary.policy.name))) return;
      void run(async () => (await bridge.removePolicy({ id: summary.policy.id }), null));
    },
  };
}

/** "From the template …", only when the policy was renamed since (otherwise its name says it). */
function templateNote(summary: PolicySummary, names: Map<string, string>): string | null {
  const { template, name } = summary.policy;
  if (!template) return null;
  const templateName = names.get(template) ?? template;
  return templateName === name ? null : s.fromTemplate(templateName);
}

interface RowProps {
  summary: PolicySummary;
  template: string | null;
  planning: string | null;
  actions: ReturnType<typeof useRowActions>;
  onEdit(summary: PolicySummary): void;
  onDryRun(summary: PolicySummary): void;
}

function PolicyRow({ summary, template, planning, actions, onEdit, onDryRun }: RowProps) {
  const { policy, matches, newMatches } = summary;
  return (
    <tr data-testid="policy-row" data-policy-id={policy.id}>
      <th scope="row">
        {policy.name}
        {policy.description && <span className="detail">{policy.description}</span>}
        {template && <span className="detail">{template}</span>}
      </th>
      <td className="num">
        <span data-testid="policy-matches">{formatNumber(matches)}</span>
        {newMatches > 0 && (
          <span className="new-badge" data-testid="policy-new" aria-label={s.newBadgeLabel(newMatches)}>
            {s.newBadge(newMatches)}
          </span>
        )}
      </td>
      <td>{policy.action ? actionWords(policy.action) : s.noAction}</td>
      <td>
        <div className="button-row row-actions">
          <button
            type="button"
            className="primary"
            disabled={!policy.action || planning !== null}
            aria-label={s.dryRun(policy.name)}
            aria-busy={planning === policy.id}
            onClick={() => onDryRun(summary)}
          >
            {s.dryRunShort}
          </button>
          <button type="button" aria-label={s.edit(policy.name)} onClick={() => onEdit(summary)}>
            {s.editShort}
          </button>
          {newMatches > 0 && (
            <button type="button" aria-label={s.markSeen(policy.name)} onClick={() => actions.markSeen(policy.id)}>
              {s.markSeenShort}
            </button>
          )}
          <button type="button" aria-label={s.export(policy.name)} onClick={() => actions.exportPolicy(policy.id)}>
            {s.exportShort}
          </button>
          <button type="button" aria-label={s.remove(policy.name)} onClick={() => actions.remove(summary)}>
            {s.removeShort}
          </button>
        </div>
      </td>
    </tr>
  );
}

interface Props {
  summaries: PolicySummary[];
  /** Template names by id (the list shows which template a policy came from). */
  templateNames: Map<string, string>;
  onEdit(summary: PolicySummary): void;
  onDryRun(summary: PolicySummary): void;
  planning: string | null;
}

/** Each policy with its live count and new matches, and what can be done with it. */
export function PolicyList({ summaries, templateNames, onEdit, onDryRun, planning }: Props) {
  const actions = useRowActions();
  const c = s.columns;
  if (summaries.length === 0) return <p className="panel empty">{s.none}</p>;
  return (
    <>
      {actions.problem && <ErrorNotice error={actions.problem} actions={{}} />}
      <table className="policy-table policy-list" aria-label={s.tableLabel}>
        <thead>
          <tr>
            <th scope="col">{c.name}</th>
            <th scope="col" className="num">
              {c.matches}
            </th>
            <th scope="col">{c.action}</th>
            <th scope="col">{c.actions}</th>
          </tr>
        </thead>
        <tbody>
          {summaries.map((summary) => (
            <PolicyRow
              key={summary.policy.id}
              summary={summary}
              template={templateNote(summary, templateNames)}
              planning={planning}
              actions={actions}
              onEdit={onEdit}
              onDryRun={onDryRun}
            />
          ))}
        </tbody>
      </table>
    </>
  );
}
