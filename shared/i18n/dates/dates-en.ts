// What the date and time fields say (renderer/src/components/DateField.tsx, TimeField.tsx), in English: the pattern
// a field shows while empty and why a typed day or time is refused. Apart from the main catalogs, which are at
// TypeScript's type-depth limit. Every language types dd.MM.yyyy and HH:mm (shared/text/date-format.ts).

export interface DateFieldTexts {
  /** The day pattern shown in an empty field, in the language's letters. */
  dayPattern: string;
  /** The time pattern shown in an empty field. */
  timePattern: string;
  /** A day typed only in part, or in another form. */
  dayIncomplete: string;
  /** A day no calendar has (31.02.2026). */
  dayImpossible: (typed: string) => string;
  /** A day before the first one the field takes (shown as dd.MM.yyyy). */
  dayTooEarly: (first: string) => string;
  /** A day after the last one the field takes. */
  dayTooLate: (last: string) => string;
  timeIncomplete: string;
  /** A time no clock shows (24:00, 19:60). */
  timeImpossible: (typed: string) => string;
}

export const datesEn: DateFieldTexts = {
  dayPattern: 'dd.mm.yyyy',
  timePattern: 'hh:mm',
  dayIncomplete: 'Write the date as dd.mm.yyyy, for example 05.03.2026',
  dayImpossible: (typed) => `There is no such date: ${typed}`,
  dayTooEarly: (first) => `The date cannot be before ${first}`,
  dayTooLate: (last) => `The date cannot be after ${last}`,
  timeIncomplete: 'Write the time as hh:mm (24-hour), for example 19:00',
  timeImpossible: (typed) => `There is no such time: ${typed}`,
};
