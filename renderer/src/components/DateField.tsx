// A day typed as the UI language writes it (dd.MM.yyyy), whatever the browser's locale: a native date input shows
// 12/02/2026 to a Kazakh head on an en-US machine, who reads it as the 12th of February. The parent gets YYYY-MM-DD,
// or '' while the text is not a whole, possible day inside the bounds; the field says why under it.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dateFieldTexts } from '../../../shared/i18n/dates/dates-catalogs.js';
import { formatDay, maskDay } from '../../../shared/text/date-format.js';
import { acceptedDay, dayProblem } from './date-field-rules.js';
import './date-field.css';

interface Props {
  /** YYYY-MM-DD, or '' for none. */
  value: string;
  onChange: (day: string) => void;
  min?: string | undefined;
  max?: string | undefined;
  testId?: string;
}

export function DateField({ value, onChange, min, max, testId }: Props) {
  const { i18n } = useTranslation();
  const x = dateFieldTexts(i18n.language);
  const problemId = useId();
  const [text, setText] = useState(() => (value === '' ? '' : formatDay(value)));
  const [left, setLeft] = useState(false);
  // The parent may set the day itself (a filter cleared, a form reset): show it unless the text already says it.
  const [shownValue, setShownValue] = useState(value);
  if (value !== shownValue) {
    setShownValue(value);
    if (value !== acceptedDay(text, { min, max })) setText(value === '' ? '' : formatDay(value));
  }
  const problem = dayProblem(text, { min, max }, left, x);
  return (
    <span className="date-field">
      <input
        type="text"
        inputMode="numeric"
        autoComplete="off"
        className="date-field-input date-field-day"
        data-testid={testId}
        placeholder={x.dayPattern}
        maxLength={10}
        value={text}
        aria-invalid={problem !== null}
        aria-describedby={problem === null ? undefined : problemId}
        onChange={(e) => {
          const next = maskDay(text, e.target.value);
          setText(next);
          setLeft(false);
          const day = acceptedDay(next, { min, max });
          if (day !== value) onChange(day);
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
