// A time of day typed as HH:mm (24 h), whatever the browser's locale: a native time input shows "07:00 PM" on an
// en-US machine. The parent gets HH:MM, or '' while the text is not a whole, possible time; the field says why.
import { useTranslation } from 'react-i18next';
import { dateFieldTexts } from '../../../shared/i18n/dates/dates-catalogs.js';
import { maskTime } from '../../../shared/text/date-format.js';
import { acceptedTime, timeProblem } from './date-field-rules.js';
import { MaskedField } from './MaskedField.js';

interface Props {
  /** HH:MM, or '' for none. */
  value: string;
  onChange: (time: string) => void;
  testId?: string;
}

export function TimeField({ value, onChange, testId }: Props) {
  const { i18n } = useTranslation();
  const x = dateFieldTexts(i18n.language);
  const rules = {
    shown: (time: string) => time,
    mask: maskTime,
    accepted: acceptedTime,
    problem: (text: string, left: boolean) => timeProblem(text, left, x),
  };
  return <MaskedField value={value} onChange={onChange} rules={rules} kindClass="date-field-time" placeholder={x.timePattern} maxLength={5} testId={testId} />;
}
