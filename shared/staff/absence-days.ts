// The days of an absence. The counts built on them live with their rules: unexcused days in the табель
// (shared/admin/tabel.ts), holiday allowances by season (holiday-seasons.ts).
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
