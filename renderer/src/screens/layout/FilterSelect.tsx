/** A choice shown with its own label; a plain string is its own value and label. */
export interface FilterChoice<T extends string> {
  value: T;
  label: string;
}

interface Props<T extends string> {
  label: string;
  /** The first choice, the empty value: no narrowing. */
  anyLabel: string;
  value: T | '';
  choices: readonly (T | FilterChoice<T>)[];
  onChange(value: T | ''): void;
}

/** A labelled drop-down that narrows a table: "any" (the empty value) first, then each choice. */
export function FilterSelect<T extends string>({ label, anyLabel, value, choices, onChange }: Props<T>) {
  return (
    <label>
      {label}{' '}
      <select value={value} onChange={(event) => onChange(event.target.value as T | '')}>
        <option value="">{anyLabel}</option>
        {choices.map((choice) =>
          typeof choice === 'string' ? (
            <option key={choice}>{choice}</option>
          ) : (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ),
        )}
      </select>
    </label>
  );
}
