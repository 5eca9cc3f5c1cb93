// A day typed as the UI language writes it (dd.MM.yyyy), whatever the browser's locale: a native date input shows
// 12/02/2026 to a Kazakh head on an en-US machine, who reads it as the 12th of February. The parent gets YYYY-MM-DD,
// or '' while the text is not a whole, possible day inside the bounds; the field says why under it.
import { useTranslation } from 'react-i18next';
import { dateFieldTexts } from '../../../shared/i18n/dates/dates-catalogs.js';
import { formatDay, maskDay } from '../../../shared/text/date-format.js';
import { acceptedDay, dayProblem } from './date-field-rules.js';
import { MaskedField } from './MaskedField.js';

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
  const rules = {
    shown: (day: string) => (day === '' ? '' : formatDay(day)),
    mask: maskDay,
    accepted: (text: string) => acceptedDay(text, { min, max }),
    problem: (text: string, left: boolean) => dayProblem(text, { min, max }, left, x),
  };
  return <MaskedField value={value} onChange={onChange} rules={rules} kindClass="date-field-day" placeholder={x.dayPattern} maxLength={10} testId={testId} />;
}
