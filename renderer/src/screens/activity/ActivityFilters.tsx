import { CONTENT_OR_SHARING_EVENTS, READ_ONLY_EVENTS } from '../../../../common/scan/priority';
import { t } from '../../strings';

const EVENT_TYPES = [...CONTENT_OR_SHARING_EVENTS, ...READ_ONLY_EVENTS].sort();

export interface ActivityFilterValues {
  type: string;
  user: string;
  fileId: string;
  kind: '' | 'moving' | 'readOnly';
  source: '' | 'backfill' | 'live';
}

export const NO_ACTIVITY_FILTERS: ActivityFilterValues = { type: '', user: '', fileId: '', kind: '', source: '' };

interface Props {
  values: ActivityFilterValues;
  onChange(values: ActivityFilterValues): void;
}

/** Event type, user, file, kind and source: what the activity table is narrowed to. */
export function ActivityFilters({ values, onChange }: Props) {
  const s = t.activity;
  const set = <K extends keyof ActivityFilterValues>(key: K, value: ActivityFilterValues[K]) =>
    onChange({ ...values, [key]: value });
  return (
    <form className="filters filters-inline" aria-label={s.filters} onSubmit={(event) => event.preventDefault()}>
      <label>
        {s.type}{' '}
        <select value={values.type} onChange={(event) => set('type', event.target.value)}>
          <option value="">{s.anyType}</option>
          {EVENT_TYPES.map((name) => (
            <option key={name}>{name}</option>
          ))}
        </select>
      </label>
      <label>
        {s.user}{' '}
        <input
          type="text"
          value={values.user}
          onChange={(event) => set('user', event.target.value)}
          spellCheck={false}
        />
      </label>
      <label>
        {s.file}{' '}
        <input
          type="text"
          inputMode="numeric"
          value={values.fileId}
          onChange={(event) => set('fileId', event.target.value)}
          size={12}
        />
      </label>
      <label>
        {s.readOnlyFilter}{' '}
        <select
          value={values.kind}
          onChange={(event) => set('kind', event.target.value as ActivityFilterValues['kind'])}
        >
          <option value="">{s.anyKind}</option>
          <option value="moving">{s.onlyMoving}</option>
          <option value="readOnly">{s.onlyReadOnly}</option>
        </select>
      </label>
      <label>
        {s.source}{' '}
        <select
          value={values.source}
          onChange={(event) => set('source', event.target.value as ActivityFilterValues['source'])}
        >
          <option value="">{s.anySource}</option>
          <option value="backfill">{s.backfill}</option>
          <option value="live">{s.live}</option>
        </select>
      </label>
    </form>
  );
}
