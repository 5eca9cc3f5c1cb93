// Dates as the admin screens show them: "23.11.2026" for a local day (shared/text/date-format.ts, in every
// language), the month's name from the catalogs.
import type { TFunction } from 'i18next';
import { formatDay } from '../../../shared/text/date-format.js';

export const dayText = formatDay;

/** "Желтоқсан 2026" */
export function monthText(t: TFunction, month: string): string {
  const key = `m${month.slice(5, 7)}` as 'm01';
  return `${t(`admin.months.${key}`)} ${month.slice(0, 4)}`;
}

/** The local month of a local date. */
export function monthOf(localDate: string): string {
  return localDate.slice(0, 7);
}
