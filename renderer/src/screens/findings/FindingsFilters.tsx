import type { Dispatch, SetStateAction } from 'react';
import { FILE_STATUSES, INSPECTION_STATES } from '../../../../common/bridge/scan-calls';
import { ACCESS_LEVELS, type AccessLevel } from '../../../../common/scan/access-level';
import type { FileStatus, InspectionState } from '../../../../common/scan/types';
import { t } from '../../strings';

export interface Filters {
  accessLevels: AccessLevel[];
  inspection: InspectionState | '';
  status: FileStatus | '';
  sensitiveOnly: boolean;
  search: string;
}
export const NO_FILTERS: Filters = { accessLevels: [], inspection: '', status: '', sensitiveOnly: false, search: '' };

interface Props {
  filters: Filters;
  setFilters: Dispatch<SetStateAction<Filters>>;
  onToggleLevel(level: AccessLevel): void;
}

/** Access level, inspection, status, sensitive only and search: what the findings table shows. */
export function FindingsFilters({ filters, setFilters, onToggleLevel }: Props) {
  const s = t.findings;
  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);
  return (
    <form className="filters" aria-label={s.filters} onSubmit={(event) => event.preventDefault()}>
      <fieldset className="access-filter">
        <legend>{s.accessLevel}</legend>
        {ACCESS_LEVELS.map((level) => (
          <label key={level} className="chip">
            <input
              type="checkbox"
              checked={filters.accessLevels.includes(level)}
              onChange={() => onToggleLevel(level)}
            />
            {level}
          </label>
        ))}
      </fieldset>
      <div className="filter-row">
        <label>
          {s.inspection}{' '}
          <select
            value={filters.inspection}
            onChange={(event) => setFilters((f) => ({ ...f, inspection: event.target.value as InspectionState | '' }))}
          >
            <option value="">{s.anyInspection}</option>
            {INSPECTION_STATES.map((state) => (
              <option key={state}>{state}</option>
            ))}
          </select>
        </label>
        <label>
          {s.status}{' '}
          <select
            value={filters.status}
            onChange={(event) => setFilters((f) => ({ ...f, status: event.target.value as FileStatus | '' }))}
          >
            <option value="">{s.anyStatus}</option>
            {FILE_STATUSES.map((status) => (
              <option key={status}>{status}</option>
            ))}
          </select>
        </label>
        <label className="choice inline">
          <input
            type="checkbox"
            checked={filters.sensitiveOnly}
            onChange={(event) => setFilters((f) => ({ ...f, sensitiveOnly: event.target.checked }))}
          />
          {s.sensitiveOnly}
        </label>
        <label className="search">
          <span className="visually-hidden">{s.search}</span>
          <input
            type="search"
            placeholder={s.search}
            value={filters.search}
            onChange={(event) => setFilters((f) => ({ ...f, search: event.target.value }))}
          />
        </label>
        {filtered && (
          <button type="button" onClick={() => setFilters(NO_FILTERS)}>
            {s.clear}
          </button>
        )}
      </div>
    </form>
  );
}
