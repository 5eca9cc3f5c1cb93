// A time of day typed as HH:mm (24 h), whatever the browser's locale: a native time input shows "07:00 PM" on an
// en-US machine. The parent gets HH:MM, or '' while the text is not a whole, possible time; the field says why.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dateFieldTexts } from '../../../shared/i18n/dates/dates-catalogs.js';
import { maskTime } from '../../../shared/text/date-format.js';
import { acceptedTime, timeProblem } from './date-field-rules.js';
import './date-field.css';

interface Props {
  /** HH:MM, or '' for none. */
  value: string;
  onChange: (time: string) => void;
  testId?: string;
}

export function TimeField({ value, onChange, testId }: Props) {
  const { i18n } = useTranslation();
  const x = dateFieldTexts(i18n.language);
  const problemId = useId();
  const [text, setText] = useState(value);
  const [left, setLeft] = useState(false);
  // The parent may set the time itself (the saved settings read back): show it unless the text already says it.
  const [shownValue, setShownValue] = useState(value);
  if (value !== shownValue) {
    setShownValue(value);
    if (value !== acceptedTime(text)) setText(value);
  }
  const problem = timeProblem(text, left, x);
  return (
    <span className="date-field">
      <input
        type="text"
        inputMode="numeric"
        autoComplete="off"
        className="date-field-input date-field-time"
        data-testid={testId}
        placeholder={x.timePattern}
        maxLength={5}
        value={text}
        aria-invalid={problem !== null}
        aria-describedby={problem === null ? undefined : problemId}
        onChange={(e) => {
          const next = maskTime(text, e.target.value);
          setText(next);
          setLeft(false);
          const time = acceptedTime(next);
          if (time !== value) onChange(time);
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
