// Counting absence days for the табель's limits: vacation days in a year (calendar days) and unexcused days in a
// month (working days, Monday to Friday, since the kindergarten is closed at weekends).
import type { AbsenceReason } from './staff-domain.js';

export interface AbsenceSpan {
  firstDate: string;
  lastDate: string;
  reason: AbsenceReason;
}

const DAY_MS = 86_400_000;

function dayNumber(localDate: string): number {
  const [y, m, d] = localDate.split('-').map(Number);
  return Math.floor(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1) / DAY_MS);
}

function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The days from `first` to `last`, both included. */
export function daysBetween(first: string, last: string): string[] {
  const days: string[] = [];
  for (let d = dayNumber(first); d <= dayNumber(last); d++) days.push(dateOf(d));
  return days;
}

/** Monday to Friday. */
export function isWorkingDay(localDate: string): boolean {
  const weekday = new Date(dayNumber(localDate) * DAY_MS).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The distinct days of the given reason that fall in [from, to]; overlapping absences count a day once. */
function reasonDays(absences: readonly AbsenceSpan[], reason: AbsenceReason, from: string, to: string, workingOnly: boolean): number {
  const days = new Set<string>();
  for (const a of absences) {
    if (a.reason !== reason) continue;
    const first = a.firstDate > from ? a.firstDate : from;
    const last = a.lastDate < to ? a.lastDate : to;
    if (first > last) continue;
    for (const day of daysBetween(first, last)) if (!workingOnly || isWorkingDay(day)) days.add(day);
  }
  return days.size;
}

/** Vacation days (calendar days) in the calendar year of `localDate`. */
export function vacationDaysInYear(absences: readonly AbsenceSpan[], localDate: string): number {
  const year = localDate.slice(0, 4);
  return reasonDays(absences, 'vacation', `${year}-01-01`, `${year}-12-31`, false);
}

/** Unexcused ('family') working days in the month of `localDate`. */
export function unexcusedDaysInMonth(absences: readonly AbsenceSpan[], localDate: string): number {
  const month = localDate.slice(0, 7);
  return reasonDays(absences, 'family', `${month}-01`, `${month}-31`, true);
}
