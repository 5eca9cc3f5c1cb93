import { fillText } from '../../../../shared/i18n/fill-text.js';
// The табель as a table of texts in one language: what the XLSX, CSV and PDF exports all print, so the three files
// say the same thing. Days carry the mark codes of the catalog ("Б" sick, "О" vacation…) explained in the legend.
import type { TabelMark, TabelSheet, TabelTotals } from '../../../../shared/admin/tabel.js';
import type { Language } from '../../../../shared/domain/attendance.js';
import { documentDate, documentMonth, tabelPrintCatalogs } from '../../../../shared/i18n/admin/tabel-print-catalogs.js';
import { catalogs } from '../../../../shared/i18n/catalogs.js';

/** The per-child total columns, in print order. */
export const TOTAL_COLUMNS = ['present', 'sick', 'sickUncertified', 'vacation', 'sanatorium', 'family', 'other', 'unmarked', 'unexcused'] as const satisfies readonly (keyof TabelTotals)[];

const LEGEND_MARKS = ['present', 'sick', 'sick-uncertified', 'vacation', 'sanatorium', 'family', 'other', 'unmarked', 'weekend', 'holiday'] as const satisfies readonly TabelMark[];

export interface TabelTable {
  /** "Келу табелі — Желтоқсан 2026" */
  title: string;
  monthTitle: string;
  /** Kindergarten, group, working days, child-days. */
  facts: string[];
  /** "№", the child column, the days' numbers, the totals' names. */
  header: string[];
  /** The weekday of each day column, under the header (empty under the other columns). */
  weekdays: string[];
  /** Day columns that are days off (for shading). */
  daysOff: boolean[];
  rows: { cells: (string | number)[]; overLimit: boolean }[];
  /** The per-day present counts and the group's totals. */
  totals: (string | number)[];
  /** The first day column's index in header/rows. */
  firstDayColumn: number;
  dayCount: number;
  legend: string[];
  /** Days the law or the admin made days off, with their names. */
  holidays: string[];
  notes: string[];
  /** The signature lines: the group teacher's, then the head's. */
  signatures: string[];
}

/** A day's present count under the grid; blank, not 0, under a weekend, a holiday, or a day not yet begun. */
function presentCell(day: TabelSheet['days'][number] | undefined, asOf: string, count: number): number | '' {
  if (!day || day.kind !== 'working') return '';
  return day.date > asOf || (day.date === asOf && count === 0) ? '' : count;
}

export function tabelTable(sheet: TabelSheet, language: Language): TabelTable {
  const t = catalogs[language].admin.tabel;
  const weekdays = catalogs[language].admin.weekdays;
  // A document writes its month as its language does: "2026 жылғы желтоқсан", "декабрь 2026".
  const monthTitle = documentMonth(sheet.month, language);
  const blankBeforeDays = ['', ''];
  const blankAfterDays = TOTAL_COLUMNS.map(() => '');
  const notes = [fillText(t.workingDays, { count: sheet.totals.workingDays }), fillText(t.childDays, { count: sheet.totals.childDays })];
  if (sheet.totals.overLimitChildren > 0) notes.push(`! ${fillText(t.overLimit, { limit: sheet.unexcusedLimit })}`);
  if (sheet.days.some((d) => d.date >= sheet.asOf)) notes.push(fillText(t.asOf, { date: documentDate(sheet.asOf, language) }));
  if (sheet.days.some((d) => d.date < sheet.recordsSince)) notes.push(fillText(t.recordsSince, { date: documentDate(sheet.recordsSince, language) }));
  return {
    title: `${t.title} — ${monthTitle}`,
    monthTitle,
    facts: [`${t.kindergarten}: ${sheet.kindergartenName}`, `${t.group}: ${sheet.groupName}`],
    header: [t.number, t.child, ...sheet.days.map((d) => String(d.day)), ...TOTAL_COLUMNS.map((c) => t.columns[c])],
    weekdays: [...blankBeforeDays, ...sheet.days.map((d) => weekdays[`d${d.weekday}` as keyof typeof weekdays]), ...blankAfterDays],
    daysOff: sheet.days.map((d) => d.kind !== 'working'),
    rows: sheet.rows.map((row, i) => ({
      cells: [i + 1, `${row.lastName} ${row.firstName}${row.overLimit ? ' !' : ''}`, ...row.marks.map((m) => t.codes[m]), ...TOTAL_COLUMNS.map((c) => row.totals[c])],
      overLimit: row.overLimit,
    })),
    totals: ['', t.presentPerDay, ...sheet.totals.presentByDay.map((count, i) => presentCell(sheet.days[i], sheet.asOf, count)), ...TOTAL_COLUMNS.map((c) => sheet.totals[c])],
    firstDayColumn: blankBeforeDays.length,
    dayCount: sheet.days.length,
    legend: LEGEND_MARKS.map((m) => `${t.codes[m]} — ${t.marks[m]}`),
    holidays: sheet.days.filter((d) => d.kind === 'holiday' && d.label !== null).map((d) => `${d.day}: ${d.label ?? ''}`),
    notes,
    signatures: [tabelPrintCatalogs[language].teacher, t.head].map((who) => `${who}: ____________________ (${t.signature})`),
  };
}
