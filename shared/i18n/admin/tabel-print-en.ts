// The printed табель's own texts: months and dates as a document writes them, the signatures, the whole
// kindergarten's export. Apart from the main catalogs, which are at TypeScript's instantiation-depth limit.
export interface TabelPrintTexts {
  /** "{{month}} {{year}}": the month in a document's title. */
  monthTitle: string;
  /** "{{day}} {{month}} {{year}}": a day in a document's note, with the month's name from `monthsOfDate`. */
  date: string;
  /** The month's names as a title writes them (m01…m12). */
  months: Record<MonthKey, string>;
  /** The month's names inside a date (Russian: genitive, "3 декабря"). */
  monthsOfDate: Record<MonthKey, string>;
  /** The group teacher's signature line's label. */
  teacher: string;
  /** The button and the file for every group at once. */
  allGroups: string;
}

export type MonthKey = 'm01' | 'm02' | 'm03' | 'm04' | 'm05' | 'm06' | 'm07' | 'm08' | 'm09' | 'm10' | 'm11' | 'm12';

const MONTHS: Record<MonthKey, string> = {
  m01: 'January',
  m02: 'February',
  m03: 'March',
  m04: 'April',
  m05: 'May',
  m06: 'June',
  m07: 'July',
  m08: 'August',
  m09: 'September',
  m10: 'October',
  m11: 'November',
  m12: 'December',
};

export const tabelPrintEn: TabelPrintTexts = {
  monthTitle: '{{month}} {{year}}',
  date: '{{day}} {{month}} {{year}}',
  months: MONTHS,
  monthsOfDate: MONTHS,
  teacher: 'Group teacher',
  allGroups: 'All groups',
};
