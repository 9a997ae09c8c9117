import type { Dispatch, SetStateAction } from 'react';
import { FILE_STATUSES } from '../../../../common/bridge/scan-calls';
import { INSPECTION_REASONS, INSPECTION_STATES, type InspectionReason } from '../../../../common/scan/inspection';
import { ACCESS_LEVELS, type AccessLevel } from '../../../../common/scan/access-level';
import type { FileStatus, InspectionState } from '../../../../common/scan/types';
import { t } from '../../strings';
import { FilterSelect } from '../layout/FilterSelect';

export interface Filters {
  accessLevels: AccessLevel[];
  inspection: InspectionState | '';
  /** Failed or Partially scanned for this reason. */
  reason: InspectionReason | '';
  status: FileStatus | '';
  sensitiveOnly: boolean;
  search: string;
}
export const NO_FILTERS: Filters = {
  accessLevels: [],
  inspection: '',
  reason: '',
  status: '',
  sensitiveOnly: false,
  search: '',
};

/** Every named reason, shown by its label (the connector's words), in the order they are declared. */
const REASON_CHOICES = (Object.keys(INSPECTION_REASONS) as InspectionReason[]).map((value) => ({
  value,
  label: INSPECTION_REASONS[value],
}));

interface Props {
  filters: Filters;
  setFilters: Dispatch<SetStateAction<Filters>>;
  onToggleLevel(level: AccessLevel): void;
}

/** Access level, inspection state and reason, status, sensitive only and search: what the findings table shows. */
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
        <FilterSelect
          label={s.inspection}
          anyLabel={s.anyInspection}
          value={filters.inspection}
          choices={INSPECTION_STATES}
          onChange={(inspection) => setFilters((f) => ({ ...f, inspection }))}
        />
        <FilterSelect
          label={s.reason}
          anyLabel={s.anyReason}
          value={filters.reason}
          choices={REASON_CHOICES}
          onChange={(reason) => setFilters((f) => ({ ...f, reason }))}
        />
        <FilterSelect
          label={s.status}
          anyLabel={s.anyStatus}
          value={filters.status}
          choices={FILE_STATUSES}
          onChange={(status) => setFilters((f) => ({ ...f, status }))}
        />
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
