// The monthly act as texts in one language: what the PDF and the XLSX both print, so the two files say the same
// thing — the heading, the table (a row per group, the total), the rule of the money in words, and the signatures.
import { ACT_COUNTED_REASONS, type ActLine, type MonthlyAct } from '../../../../shared/admin/monthly-act.js';
import type { Language } from '../../../../shared/domain/attendance.js';
import { actCatalogs } from '../../../../shared/i18n/admin/act-catalogs.js';
import type { ActTexts } from '../../../../shared/i18n/admin/act-en.js';
import { fillText as fill } from '../../../../shared/i18n/fill-text.js';

export const ACT_COLUMNS = ['group', 'children', 'workingDays', 'enrolledDays', 'childDays', 'sick', 'vacation', 'sanatorium', 'other', 'unexcused', 'countedDays', 'earned'] as const;

export interface ActTable {
  title: string;
  /** Kindergarten, period, the day it was drawn up. */
  facts: string[];
  header: string[];
  /** A row per group: the group's name, then numbers. */
  rows: (string | number)[][];
  total: (string | number)[];
  /** The norm, the rule in words, what else counts, the joined/left rule, the rounding, and "not over yet". */
  statements: string[];
  signatures: string[];
}

/** "2026 жылғы 5 қаңтар", "5 января 2027 г.": a date in the document's language. */
export function dateInWords(date: string, t: ActTexts): string {
  return fill(t.date, { day: Number(date.slice(8, 10)), month: t.monthsInDate[Number(date.slice(5, 7)) - 1] ?? '', year: date.slice(0, 4) });
}

export function monthInWords(month: string, t: ActTexts): string {
  return fill(t.monthYear, { month: t.months[Number(month.slice(5, 7)) - 1] ?? '', year: month.slice(0, 4) });
}

/** 41197 → "41 197" (a no-break space between thousands, so an amount never breaks across lines). */
export function tenge(amount: number): string {
  return String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
}

function cells(name: string, line: Omit<ActLine, 'groupId' | 'groupName'>): (string | number)[] {
  return [name, line.children, line.workingDays, line.enrolledDays, line.childDays, ...ACT_COUNTED_REASONS.map((r) => line.excused[r]), line.unexcused, line.countedDays, line.earnedTenge];
}

export function actTable(act: MonthlyAct, language: Language, formedOn: string): ActTable {
  const t = actCatalogs[language];
  const { settings } = act;
  const statements = [
    fill(t.norm, { norm: tenge(settings.normTenge) }),
    fill(settings.rule === 'enrolled' ? t.ruleEnrolled : t.ruleAttended, { workingDays: act.workingDays }),
  ];
  if (settings.rule === 'attended') {
    const counted = ACT_COUNTED_REASONS.filter((r) => settings.countedReasons.includes(r));
    statements.push(counted.length === 0 ? t.countedNone : fill(t.countedSome, { reasons: counted.map((r) => t.reasons[r]).join(', ') }));
  }
  statements.push(t.joined, t.rounding);
  if (act.unfinished) statements.push(fill(t.unfinished, { date: dateInWords(act.asOf, t) }));
  return {
    title: t.title,
    facts: [`${t.kindergarten}: ${act.kindergartenName}`, `${t.period}: ${monthInWords(act.month, t)}`, `${t.formedOn}: ${dateInWords(formedOn, t)}`],
    header: ACT_COLUMNS.map((c) => t.columns[c]),
    rows: act.groups.map((line) => cells(line.groupName, line)),
    total: cells(t.total, act.total),
    statements,
    signatures: [`${t.head}: ____________________ (${t.signature})`, `${t.accountant}: ____________________ (${t.signature})`],
  };
}
