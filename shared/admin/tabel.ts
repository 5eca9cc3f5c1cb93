// The monthly табель (attendance timesheet) of one group: a row per child, a column per day, and the totals the
// monthly act and the parents' invoices are built from. Pure: the core reads the records, this decides each cell.
//
// A cell, in order of precedence:
//   present   — any arrival or departure that no correction withdrew (even on a day off: a duty group);
//   not-enrolled — a day before the child joined or after they left (a blank: not an absence, not counted);
//   weekend / holiday — a day the kindergarten is closed (calendar plus the admin's transfers);
//   an absence reason (sick, vacation, sanatorium, family, other) — an absence covering the day, not withdrawn;
//   sick-uncertified — a sick day past the days allowed without a doctor's certificate, in an illness with none;
//   no-records — before the kiosk kept any records (installed mid-month): nothing to say about the day;
//   future    — from `asOf` on, with nothing recorded yet (the day is not over, or has not come);
//   unmarked  — a past working day with no record at all: an absence nobody explained.
// Unexcused days are 'family' (the parents' own reasons), 'unmarked' ones and sick days past the allowance without a
// certificate (isUnexcused: the one rule the staff screens and every paper count by); more than the limit (3 a month
// in Almaty, Order No. 254) raises the child's flag.
import { z } from 'zod';
import { CalendarDaySchema, LocalDateSchema, MonthSchema, type CalendarDay } from './work-calendar.js';
import { absenceDays, type AbsenceForTabel, type AbsenceMark } from './tabel-absences.js';

export const TabelMarkSchema = z.enum([
  'present',
  'not-enrolled',
  'weekend',
  'holiday',
  'sick',
  'sick-uncertified',
  'vacation',
  'sanatorium',
  'family',
  'other',
  'no-records',
  'future',
  'unmarked',
]);
export type TabelMark = z.infer<typeof TabelMarkSchema>;

export const TabelTotalsSchema = z.object({
  present: z.number().int().nonnegative(),
  sick: z.number().int().nonnegative(),
  /** Sick days past the allowance in an illness with no certificate: unexcused. */
  sickUncertified: z.number().int().nonnegative(),
  vacation: z.number().int().nonnegative(),
  sanatorium: z.number().int().nonnegative(),
  family: z.number().int().nonnegative(),
  other: z.number().int().nonnegative(),
  unmarked: z.number().int().nonnegative(),
  /** family + unmarked + sickUncertified. */
  unexcused: z.number().int().nonnegative(),
});
export type TabelTotals = z.infer<typeof TabelTotalsSchema>;

export const TabelRowSchema = z.lazy(() => z.object({
  childId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  marks: z.array(TabelMarkSchema),
  totals: TabelTotalsSchema,
  /** More unexcused days than the month allows. */
  overLimit: z.boolean(),
}));
export type TabelRow = z.infer<typeof TabelRowSchema>;

export const TabelSheetSchema = z.lazy(() => z.object({
  month: MonthSchema,
  groupId: z.string(),
  groupName: z.string(),
  kindergartenName: z.string(),
  /** Days from here on are not over yet: nothing recorded there is 'future', not 'unmarked'. */
  asOf: LocalDateSchema,
  /** The first day the kiosk kept records: days before it with nothing recorded are 'no-records'. */
  recordsSince: LocalDateSchema,
  unexcusedLimit: z.number().int().nonnegative(),
  /** Sick days an illness may have without a certificate before the rest count as unexcused. */
  sickDaysWithoutCertificate: z.number().int().nonnegative(),
  days: z.array(CalendarDaySchema),
  rows: z.array(TabelRowSchema),
  totals: TabelTotalsSchema.extend({
    workingDays: z.number().int().nonnegative(),
    /** Children present per day (the column sums). */
    presentByDay: z.array(z.number().int().nonnegative()),
    /** Child-days for the monthly act of completed work: every day a child was there. */
    childDays: z.number().int().nonnegative(),
    overLimitChildren: z.number().int().nonnegative(),
  }),
}));
export type TabelSheet = z.infer<typeof TabelSheetSchema>;

export interface TabelChild {
  id: string;
  firstName: string;
  lastName: string;
}

/** Days a child was enrolled, both ends included; null: open on that side (since before records, or still enrolled). */
export interface EnrolmentPeriod {
  from: string | null;
  until: string | null;
}

/** An absence as the табель reads it (tabel-absences.ts decides which covers each day). */
export interface TabelAbsence extends AbsenceForTabel {
  childId: string;
}

export interface TabelInput {
  month: string;
  groupId: string;
  groupName: string;
  kindergartenName: string;
  asOf: string;
  recordsSince: string;
  unexcusedLimit: number;
  sickDaysWithoutCertificate: number;
  days: readonly CalendarDay[];
  children: readonly TabelChild[];
  /** Every (child, day) with an attendance event no correction withdrew. */
  presentDays: ReadonlyMap<string, ReadonlySet<string>>;
  /** Absences no correction withdrew, with those of the year before the month (an illness may begin before it). */
  absences: readonly TabelAbsence[];
  /** Each listed child's enrolment periods touching the month; a child absent from the map is enrolled every day. */
  enrolments?: ReadonlyMap<string, readonly EnrolmentPeriod[]>;
}

function enrolledOn(periods: readonly EnrolmentPeriod[] | undefined, date: string): boolean {
  return periods === undefined || periods.some((p) => (p.from === null || p.from <= date) && (p.until === null || date <= p.until));
}

function emptyTotals(): TabelTotals {
  return { present: 0, sick: 0, sickUncertified: 0, vacation: 0, sanatorium: 0, family: 0, other: 0, unmarked: 0, unexcused: 0 };
}

/** The one rule for unexcused days: the табель, the staff screens and the reports all count by it. */
export function isUnexcused(mark: TabelMark): boolean {
  return mark === 'family' || mark === 'unmarked' || mark === 'sick-uncertified';
}

function markOf(day: CalendarDay, present: boolean, enrolled: boolean, absence: AbsenceMark | undefined, input: TabelInput): TabelMark {
  if (present) return 'present';
  if (!enrolled) return 'not-enrolled';
  if (day.kind !== 'working') return day.kind;
  if (absence) return absence;
  if (day.date < input.recordsSince) return 'no-records';
  return day.date >= input.asOf ? 'future' : 'unmarked';
}

const TOTAL_OF: Partial<Record<TabelMark, Exclude<keyof TabelTotals, 'unexcused'>>> = {
  present: 'present',
  sick: 'sick',
  'sick-uncertified': 'sickUncertified',
  vacation: 'vacation',
  sanatorium: 'sanatorium',
  family: 'family',
  other: 'other',
  unmarked: 'unmarked',
};

function count(totals: TabelTotals, mark: TabelMark): void {
  // Days off and days still to come are not counted: the totals are of days that happened.
  const key = TOTAL_OF[mark];
  if (key !== undefined) totals[key] += 1;
  if (isUnexcused(mark)) totals.unexcused += 1;
}

export function buildTabel(input: TabelInput): TabelSheet {
  const { days } = input;
  const absencesByChild = new Map<string, TabelAbsence[]>();
  for (const a of input.absences) absencesByChild.set(a.childId, [...(absencesByChild.get(a.childId) ?? []), a]);

  const groupTotals = emptyTotals();
  const presentByDay = days.map(() => 0);
  const rows = input.children.map((child): TabelRow => {
    const present = input.presentDays.get(child.id) ?? new Set<string>();
    const absent = absenceDays(absencesByChild.get(child.id) ?? [], days, input.sickDaysWithoutCertificate);
    const periods = input.enrolments?.get(child.id);
    const totals = emptyTotals();
    const marks = days.map((day, i) => {
      const mark = markOf(day, present.has(day.date), enrolledOn(periods, day.date), absent.get(day.date), input);
      count(totals, mark);
      count(groupTotals, mark);
      if (mark === 'present') presentByDay[i] = (presentByDay[i] ?? 0) + 1;
      return mark;
    });
    return { childId: child.id, firstName: child.firstName, lastName: child.lastName, marks, totals, overLimit: totals.unexcused > input.unexcusedLimit };
  });

  return {
    month: input.month,
    groupId: input.groupId,
    groupName: input.groupName,
    kindergartenName: input.kindergartenName,
    asOf: input.asOf,
    recordsSince: input.recordsSince,
    unexcusedLimit: input.unexcusedLimit,
    sickDaysWithoutCertificate: input.sickDaysWithoutCertificate,
    days: [...days],
    rows,
    totals: {
      ...groupTotals,
      workingDays: days.filter((d) => d.kind === 'working').length,
      presentByDay,
      childDays: groupTotals.present,
      overLimitChildren: rows.filter((r) => r.overLimit).length,
    },
  };
}
