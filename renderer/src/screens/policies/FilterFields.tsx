import { useId } from 'react';
import { ACCESS_LEVELS } from '../../../../common/scan/access-level';
import { INSPECTION_STATES } from '../../../../common/scan/inspection';
import { t } from '../../strings';
import { DETECTORS, type DraftField, type FilterDraft } from '../../forms/policy-filter-draft';

type Problems = Partial<Record<DraftField, string>>;
type Change = <K extends DraftField>(field: K, value: FilterDraft[K]) => void;

interface FieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  problem?: string;
  type?: 'text' | 'number' | 'date';
  placeholder?: string;
}

/** One labelled input; a rejected value says why, right under it (and to screen readers). */
export function Field({ label, value, onChange, problem, type = 'text', placeholder }: FieldProps) {
  const id = useId();
  return (
    <label className="policy-field">
      <span>{label}</span>
      <input
        type={type}
        value={value}
        min={type === 'number' ? 0 : undefined}
        placeholder={placeholder}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? id : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {problem && (
        <span id={id} className="field-problem">
          {problem}
        </span>
      )}
    </label>
  );
}

/** Checkbox chips for a list of values (access levels, content states). */
function Chips<V extends string>(props: { legend: string; all: readonly V[]; chosen: V[]; onChange(next: V[]): void }) {
  const { legend, all, chosen, onChange } = props;
  return (
    <fieldset className="access-filter">
      <legend>{legend}</legend>
      {all.map((value) => (
        <label key={value} className="chip">
          <input
            type="checkbox"
            checked={chosen.includes(value)}
            onChange={() => onChange(chosen.includes(value) ? chosen.filter((v) => v !== value) : [...chosen, value])}
          />
          {value}
        </label>
      ))}
    </fieldset>
  );
}

function Radios<V extends string>(props: {
  legend: string;
  name: string;
  choices: ReadonlyArray<{ value: V; label: string }>;
  value: V;
  onChange(value: V): void;
}) {
  return (
    <fieldset className="policy-radios">
      <legend>{props.legend}</legend>
      {props.choices.map((choice) => (
        <label key={choice.value} className="choice inline">
          <input
            type="radio"
            name={props.name}
            checked={props.value === choice.value}
            onChange={() => props.onChange(choice.value)}
          />
          {choice.label}
        </label>
      ))}
    </fieldset>
  );
}

const e = t.policies.editor;

function ExternalFields({ draft, change, problems }: { draft: FilterDraft; change: Change; problems: Problems }) {
  const id = useId();
  const presence = [
    { value: '' as const, label: e.externalAny },
    { value: 'yes' as const, label: e.externalYes },
    { value: 'no' as const, label: e.externalNo },
  ];
  return (
    <div className="policy-group">
      <Radios
        legend={e.external}
        name={`${id}-external`}
        choices={presence}
        value={draft.externalPresent}
        onChange={(value) => change('externalPresent', value)}
      />
      <Field
        label={e.includeDomains}
        value={draft.includeDomains}
        onChange={(v) => change('includeDomains', v)}
        problem={problems.includeDomains}
        placeholder="gmail.com, outlook.com"
      />
      <Field
        label={e.excludeDomains}
        value={draft.excludeDomains}
        onChange={(v) => change('excludeDomains', v)}
        problem={problems.excludeDomains}
      />
    </div>
  );
}

function DetectorFields({ draft, change, problems }: { draft: FilterDraft; change: Change; problems: Problems }) {
  const id = useId();
  const modes = [
    { value: 'any' as const, label: e.modeAny },
    { value: 'all' as const, label: e.modeAll },
  ];
  return (
    <fieldset className="policy-group">
      <legend>{e.detectors}</legend>
      <div className="policy-inline">
        {DETECTORS.map((detector) => (
          <Field
            key={detector}
            type="number"
            label={t.findings.detectors[detector]}
            value={draft.detectorMin[detector]}
            onChange={(v) => change('detectorMin', { ...draft.detectorMin, [detector]: v })}
          />
        ))}
      </div>
      {problems.detectorMin && <p className="field-problem">{problems.detectorMin}</p>}
      <Radios
        legend={e.detectorMode}
        name={`${id}-mode`}
        choices={modes}
        value={draft.detectorMode || 'any'}
        onChange={(value) => change('detectorMode', value)}
      />
    </fieldset>
  );
}

function WhoAndWhere({ draft, change, problems }: { draft: FilterDraft; change: Change; problems: Problems }) {
  const text = (field: 'owners' | 'groups' | 'pathPrefix' | 'extensions', label: string, placeholder?: string) => (
    <Field
      label={label}
      value={draft[field]}
      onChange={(v) => change(field, v)}
      problem={problems[field]}
      placeholder={placeholder}
    />
  );
  return (
    <div className="policy-inline">
      {text('owners', e.owners)}
      {text('groups', e.groups)}
      {text('pathPrefix', e.pathPrefix, '/Finance/Payroll')}
      {text('extensions', e.extensions, 'pdf, xlsx')}
    </div>
  );
}

function SizeAndDates({ draft, change, problems }: { draft: FilterDraft; change: Change; problems: Problems }) {
  const field = (
    key: 'minBytes' | 'maxBytes' | 'modifiedAfter' | 'modifiedBefore' | 'olderThanDays',
    label: string,
    type: 'number' | 'date',
  ) => <Field type={type} label={label} value={draft[key]} onChange={(v) => change(key, v)} problem={problems[key]} />;
  return (
    <div className="policy-inline">
      {field('minBytes', e.minBytes, 'number')}
      {field('maxBytes', e.maxBytes, 'number')}
      {field('modifiedAfter', e.modifiedAfter, 'date')}
      {field('modifiedBefore', e.modifiedBefore, 'date')}
      {field('olderThanDays', e.olderThanDays, 'number')}
    </div>
  );
}

interface Props {
  draft: FilterDraft;
  problems: Problems;
  onChange(draft: FilterDraft): void;
}

/** Every field of a PolicyFilter: access, external sharing, sensitive data, owner, place, type, size, dates, content state. */
export function FilterFields({ draft, problems, onChange }: Props) {
  const change: Change = (field, value) => onChange({ ...draft, [field]: value });
  return (
    <fieldset className="policy-filter">
      <legend>{e.filterHeading}</legend>
      <p className="detail">{e.filterHint}</p>
      <Chips
        legend={e.accessLevels}
        all={ACCESS_LEVELS}
        chosen={draft.accessLevels}
        onChange={(v) => change('accessLevels', v)}
      />
      <ExternalFields draft={draft} change={change} problems={problems} />
      <DetectorFields draft={draft} change={change} problems={problems} />
      <WhoAndWhere draft={draft} change={change} problems={problems} />
      <SizeAndDates draft={draft} change={change} problems={problems} />
      <Chips
        legend={e.inspection}
        all={INSPECTION_STATES}
        chosen={draft.inspection}
        onChange={(v) => change('inspection', v)}
      />
    </fieldset>
  );
}
