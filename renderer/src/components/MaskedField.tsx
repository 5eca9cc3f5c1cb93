// The one text field under DateField and TimeField: what is typed is masked as it comes (the dots or the colon put in),
// the parent hears a value only once the text is a whole, possible one ('' until then), and the field says what is
// wrong under it once the person has left it. A value the parent sets itself (a filter cleared, saved settings read
// back) is shown unless the text already says it.
import { useId, useState } from 'react';
import './date-field.css';

export interface FieldRules {
  /** The field's text for a value the parent holds ('' for none). */
  shown: (value: string) => string;
  /** The text after a keystroke, from the text before it and what the input now holds. */
  mask: (before: string, typed: string) => string;
  /** The value a text stands for, or '' while it is not a whole, possible one. */
  accepted: (text: string) => string;
  /** What is wrong with the text, in the reader's language, or null; `left`: the person has moved on from the field. */
  problem: (text: string, left: boolean) => string | null;
}

interface Props {
  value: string;
  onChange: (value: string) => void;
  rules: FieldRules;
  /** A class naming the kind (date-field-day, date-field-time), for its width. */
  kindClass: string;
  placeholder: string;
  maxLength: number;
  testId?: string | undefined;
}

export function MaskedField({ value, onChange, rules, kindClass, placeholder, maxLength, testId }: Props) {
  const problemId = useId();
  const [text, setText] = useState(() => rules.shown(value));
  const [left, setLeft] = useState(false);
  const [shownValue, setShownValue] = useState(value);
  if (value !== shownValue) {
    setShownValue(value);
    if (value !== rules.accepted(text)) setText(rules.shown(value));
  }
  const problem = rules.problem(text, left);
  return (
    <span className="date-field">
      <input
        type="text"
        inputMode="numeric"
        autoComplete="off"
        className={`date-field-input ${kindClass}`}
        data-testid={testId}
        placeholder={placeholder}
        maxLength={maxLength}
        value={text}
        aria-invalid={problem !== null}
        aria-describedby={problem === null ? undefined : problemId}
        onChange={(e) => {
          const next = rules.mask(text, e.target.value);
          setText(next);
          setLeft(false);
          const accepted = rules.accepted(next);
          if (accepted !== value) onChange(accepted);
        }}
        onBlur={() => setLeft(true)}
      />
      {problem !== null && (
        <span className="date-field-problem" id={problemId} role="alert" data-testid={testId === undefined ? undefined : `${testId}-problem`}>
          {problem}
        </span>
      )}
    </span>
  );
}
