// A labelled drop-down over a fixed list of values (an enum's options), each shown by its catalog text.
import type { ReactNode } from 'react';

interface Props<T extends string> {
  label: ReactNode;
  value: T;
  options: readonly T[];
  /** The words for one option, from the catalog. */
  text: (option: T) => string;
  onChange: (value: T) => void;
  testId?: string;
}

export function ChoiceField<T extends string>({ label, value, options, text, onChange, testId }: Props<T>) {
  return (
    <label className="admin-field">
      {label}
      <select
        data-testid={testId}
        value={value}
        onChange={(e) => {
          // Only the listed values are offered, so the one chosen is always among them.
          const chosen = options.find((o) => o === e.target.value);
          if (chosen !== undefined) onChange(chosen);
        }}
      >
        {options.map((option) => (
          <option key={option} value={option}>
            {text(option)}
          </option>
        ))}
      </select>
    </label>
  );
}
