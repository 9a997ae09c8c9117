import type { ReactNode } from 'react';

interface Props<T extends string, C extends { id: T }> {
  legend: string;
  /** The radio group's name. */
  name: string;
  choices: readonly C[];
  selected: T | null;
  onChoose(id: T): void;
  /** What stands after a choice's radio button. */
  children(choice: C): ReactNode;
}

/** One question with a radio button a choice, in the walkthrough's "choices" style. */
export function RadioChoices<T extends string, C extends { id: T }>({
  legend,
  name,
  choices,
  selected,
  onChoose,
  children,
}: Props<T, C>) {
  return (
    <fieldset className="choices">
      <legend>{legend}</legend>
      {choices.map((choice) => (
        <label key={choice.id} className="choice">
          <input
            type="radio"
            name={name}
            value={choice.id}
            checked={selected === choice.id}
            onChange={() => onChoose(choice.id)}
          />
          {children(choice)}
        </label>
      ))}
    </fieldset>
  );
}
