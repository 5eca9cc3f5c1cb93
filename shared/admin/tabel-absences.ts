// Which absence covers each day of the табель's month for one child, and which sick days no certificate excuses.
//
// The absence recorded last wins where two overlap (ids are uuid v7: later sorts later), so staff who add the
// certificate later record the days again with it. An illness is a run of sick days, with weekends inside it not
// breaking it (sick Friday, sick again Monday is one illness); it may begin in the month before. Its first
// `allowed` school days need no certificate (Almaty: three); past them, an illness with no certificate anywhere in it
// has its days marked 'sick-uncertified', which count as unexcused.
import type { AbsenceReason } from '../staff/staff-domain.js';
import type { CalendarDay } from './work-calendar.js';

export interface AbsenceForTabel {
  id: string;
  firstDate: string;
  lastDate: string;
  reason: AbsenceReason;
  certified: boolean;
}

export type AbsenceMark = AbsenceReason | 'sick-uncertified';

const DAY_MS = 86_400_000;
const dayNumber = (date: string): number => Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
const isWeekend = (day: number): boolean => {
  const weekday = new Date(day * DAY_MS).getUTCDay();
  return weekday === 0 || weekday === 6;
};

export function absenceDays(absences: readonly AbsenceForTabel[], days: readonly CalendarDay[], allowed: number): Map<string, AbsenceMark> {
  // Every day any absence covers (the month's and, for an illness, the days before it), the latest record winning.
  const covering = new Map<number, { reason: AbsenceReason; certified: boolean }>();
  const ordered = [...absences].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const a of ordered) {
    for (let d = dayNumber(a.firstDate); d <= dayNumber(a.lastDate); d++) covering.set(d, { reason: a.reason, certified: a.certified });
  }
  const kindOf = new Map(days.map((d) => [dayNumber(d.date), d.kind]));
  // A school day counts towards the allowance: a working day of the month, or Monday to Friday outside it.
  const isSchoolDay = (day: number): boolean => {
    const kind = kindOf.get(day);
    return kind === undefined ? !isWeekend(day) : kind === 'working';
  };

  const uncertified = new Set<number>();
  const sickDays = [...covering].filter(([, c]) => c.reason === 'sick').map(([day]) => day).sort((a, b) => a - b);
  let run: number[] = [];
  const closeRun = (): void => {
    if (run.length > 0 && !run.some((day) => covering.get(day)?.certified === true)) {
      let schoolDays = 0;
      for (const day of run) {
        if (isSchoolDay(day)) schoolDays += 1;
        if (schoolDays > allowed) uncertified.add(day);
      }
    }
    run = [];
  };
  for (const day of sickDays) {
    const previous = run[run.length - 1];
    // Only a weekend between two sick days keeps them one illness.
    let joined = previous !== undefined;
    for (let gap = (previous ?? day) + 1; joined && gap < day; gap++) joined = isWeekend(gap);
    if (!joined) closeRun();
    run.push(day);
  }
  closeRun();

  const byDate = new Map<string, AbsenceMark>();
  for (const d of days) {
    const day = dayNumber(d.date);
    const c = covering.get(day);
    if (c) byDate.set(d.date, uncertified.has(day) ? 'sick-uncertified' : c.reason);
  }
  return byDate;
}
