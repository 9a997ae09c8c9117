import { CONTENT_OR_SHARING_EVENTS, READ_ONLY_EVENTS } from '../../../../common/scan/priority';
import { t } from '../../strings';
import { FilterSelect } from '../layout/FilterSelect';

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
      <FilterSelect
        label={s.type}
        anyLabel={s.anyType}
        value={values.type}
        choices={EVENT_TYPES}
        onChange={(value) => set('type', value)}
      />
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
      <FilterSelect
        label={s.readOnlyFilter}
        anyLabel={s.anyKind}
        value={values.kind}
        choices={[
          { value: 'moving', label: s.onlyMoving },
          { value: 'readOnly', label: s.onlyReadOnly },
        ]}
        onChange={(value) => set('kind', value)}
      />
      <FilterSelect
        label={s.source}
        anyLabel={s.anySource}
        value={values.source}
        choices={[
          { value: 'backfill', label: s.backfill },
          { value: 'live', label: s.live },
        ]}
        onChange={(value) => set('source', value)}
      />
    </form>
  );
}
