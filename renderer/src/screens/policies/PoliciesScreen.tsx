import { useEffect, useState } from 'react';
import { POLICY_FORMAT, type ActionRun, type PlannedChange, type Policy } from '../../../../common/policy/types';
import { describeError, type DescribedError } from '../../errors/describe-error';
import { useBridge, usePolicies } from '../../state/hooks';
import { t } from '../../strings';
import { ErrorNotice } from '../layout/ErrorNotice';
import { ScreenHeading } from '../layout/ScreenHeading';
import { useFocusOnChange } from '../layout/useFocusOnChange';
import { AlertsList } from './AlertsList';
import { AuditLog } from './AuditLog';
import { DryRunReview } from './DryRunReview';
import { PolicyEditor } from './PolicyEditor';
import { PolicyList } from './PolicyList';
import { RunProgress } from './RunProgress';
import { TemplatePicker, useAddPolicy } from './TemplatePicker';
import { useRun } from './useRun';

export type PoliciesTab = 'list' | 'audit' | 'alerts';

type View =
  | { kind: 'list' }
  | { kind: 'edit'; policy: Policy; isNew: boolean }
  | { kind: 'run'; run: ActionRun; firstChanges: PlannedChange[] }
  | { kind: 'audit'; runId: string | null }
  | { kind: 'alerts' };

const s = t.policies;

function emptyPolicy(): Policy {
  return { format: POLICY_FORMAT, id: `policy-${Date.now().toString(36)}`, name: '', filter: {}, alerts: true };
}

/** A run from its dry run to its end: the review while a preview, then its progress. */
function RunView(props: { run: ActionRun; firstChanges: PlannedChange[]; onBack(): void; onOpenAudit(): void }) {
  const controls = useRun(props.run);
  if (controls.run.state === 'preview')
    return <DryRunReview controls={controls} firstChanges={props.firstChanges} onDiscarded={props.onBack} />;
  return <RunProgress controls={controls} onBack={props.onBack} onOpenAudit={props.onOpenAudit} />;
}

function Tabs({ view, onView }: { view: View; onView(view: View): void }) {
  const unseen = usePolicies().value?.unseenAlerts ?? 0;
  const current: PoliciesTab = view.kind === 'audit' ? 'audit' : view.kind === 'alerts' ? 'alerts' : 'list';
  const tabs: Array<[PoliciesTab, View]> = [
    ['list', { kind: 'list' }],
    ['audit', { kind: 'audit', runId: null }],
    ['alerts', { kind: 'alerts' }],
  ];
  return (
    <nav aria-label={s.views.label} className="policy-tabs">
      {tabs.map(([tab, target]) => (
        <button
          key={tab}
          type="button"
          className="nav-link"
          aria-current={current === tab ? 'page' : undefined}
          onClick={() => onView(target)}
        >
          {s.views[tab]}
          {tab === 'alerts' && unseen > 0 && <span className="nav-badge">{unseen}</span>}
        </button>
      ))}
    </nav>
  );
}

/** Import a policy file a help desk handed over: the same file "Export" writes. */
function ImportPolicy() {
  const bridge = useBridge();
  const { busy, problem, add } = useAddPolicy();
  return (
    <div className="import-policy">
      <label className="policy-field">
        <span>{s.list.importLabel}</span>
        <input
          type="file"
          accept=".json,application/json"
          disabled={busy}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void add(async () => bridge.importPolicy({ json: await file.text() }), s.list.imported);
          }}
        />
      </label>
      {problem && <ErrorNotice error={problem} actions={{}} />}
    </div>
  );
}

/** The list, the templates and the import: where every policy starts. */
function ListView({ onView }: { onView(view: View): void }) {
  const bridge = useBridge();
  const { value, error } = usePolicies();
  const [templateNames, setTemplateNames] = useState(new Map<string, string>());
  const [planning, setPlanning] = useState<string | null>(null);
  const [problem, setProblem] = useState<DescribedError | null>(null);
  useEffect(() => {
    bridge.listPolicyTemplates({}).then(
      (list) => setTemplateNames(new Map(list.map((template) => [template.id, template.name]))),
      () => undefined, // the picker below says why the templates could not be read
    );
  }, [bridge]);
  const dryRun = (policyId: string) => {
    setPlanning(policyId);
    setProblem(null);
    bridge
      .planAction({ policyId })
      .then(({ run, firstChanges }) => onView({ kind: 'run', run, firstChanges }))
      .catch((reason: unknown) => setProblem(describeError(reason)))
      .finally(() => setPlanning(null));
  };
  return (
    <>
      {error && !value && <ErrorNotice what={s.list.loadFailed} error={error} actions={{}} />}
      {problem && <ErrorNotice what={t.errors.actionFailed(s.list.dryRunShort)} error={problem} actions={{}} />}
      {value && (
        <PolicyList
          summaries={value.summaries}
          templateNames={templateNames}
          planning={planning}
          onEdit={(summary) => onView({ kind: 'edit', policy: summary.policy, isNew: false })}
          onDryRun={(summary) => dryRun(summary.policy.id)}
        />
      )}
      <div className="button-row policy-new">
        <button type="button" onClick={() => onView({ kind: 'edit', policy: emptyPolicy(), isNew: true })}>
          {s.list.newPolicy}
        </button>
        <ImportPolicy />
      </div>
      <TemplatePicker />
    </>
  );
}

function CurrentView({ view, onView }: { view: View; onView(view: View): void }) {
  const back = () => onView({ kind: 'list' });
  switch (view.kind) {
    case 'list':
      return <ListView onView={onView} />;
    case 'edit':
      return <PolicyEditor key={view.policy.id} policy={view.policy} isNew={view.isNew} onClose={back} />;
    case 'run':
      return (
        <RunView
          key={view.run.runId}
          run={view.run}
          firstChanges={view.firstChanges}
          onBack={back}
          onOpenAudit={() => onView({ kind: 'audit', runId: view.run.runId })}
        />
      );
    case 'audit':
      return <AuditLog key={view.runId ?? ''} initialRunId={view.runId} />;
    case 'alerts':
      return <AlertsList />;
  }
}

/** Policies: the list with live counts, the editor with its live preview, dry runs, progress, the audit log and alerts. */
export function PoliciesScreen({ initialTab = 'list' }: { initialTab?: PoliciesTab }) {
  const [view, setView] = useState<View>(() =>
    initialTab === 'audit'
      ? { kind: 'audit', runId: null }
      : initialTab === 'alerts'
        ? { kind: 'alerts' }
        : { kind: 'list' },
  );
  // A new view (the editor, a dry run, the audit log) takes the keyboard to its top.
  const viewRef = useFocusOnChange<HTMLDivElement>(`${view.kind}:${view.kind === 'run' ? view.run.runId : ''}`);
  return (
    <section aria-labelledby="policies-heading" className="policies">
      <ScreenHeading id="policies-heading">{s.heading}</ScreenHeading>
      <p className="intro">{s.intro}</p>
      <Tabs view={view} onView={setView} />
      <div ref={viewRef} tabIndex={-1} className="policy-view">
        <CurrentView view={view} onView={setView} />
      </div>
    </section>
  );
}
