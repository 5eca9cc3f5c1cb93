// The monthly act of completed work for the whole kindergarten: a line per group and the total, read off each group's
// табель (never counted again), and the per-capita money earned by the rule the head chose in the settings.
//
// The rule, as the document states it:
//   'attended' (default): per child, the norm × the days counted ÷ the month's working days. Days counted are the days
//     the child was there, plus the absences of the reasons the head counts as attended (none by default), never more
//     than the child's enrolled working days.
//   'enrolled': per child, the norm × the child's enrolled working days ÷ the month's working days (the place is paid
//     whether the child came or not).
// A child who joined or left during the month counts only for the days enrolled: the табель marks the other days
// 'not-enrolled', and they are neither the child's working days nor counted. The divisor stays the month's working
// days, so a child enrolled half the month earns at most half the norm.
// Money is whole tenge: each child's amount is rounded half up; a group's amount is the sum of its children's, the
// total the sum of the groups'.
import { z } from 'zod';
import type { TabelSheet, TabelTotals } from './tabel.js';

export const ActEarnedRuleSchema = z.enum(['attended', 'enrolled']);
export type ActEarnedRule = z.infer<typeof ActEarnedRuleSchema>;

/** The excused reasons a head may count as days attended. */
export const ActCountedReasonSchema = z.enum(['sick', 'vacation', 'sanatorium', 'other']);
export type ActCountedReason = z.infer<typeof ActCountedReasonSchema>;
export const ACT_COUNTED_REASONS = ActCountedReasonSchema.options;

export interface ActSettings {
  /** The monthly per-capita norm for one child, whole tenge. */
  normTenge: number;
  rule: ActEarnedRule;
  countedReasons: readonly ActCountedReason[];
}

export interface ActLine {
  groupId: string;
  groupName: string;
  /** Children on the табель: enrolled on at least one day of the month. */
  children: number;
  /** The kindergarten's working days in the month. */
  workingDays: number;
  /** The children's enrolled working days, summed: the child-days the group could have had. */
  enrolledDays: number;
  /** Child-days attended (the табель's child-days). */
  childDays: number;
  excused: Record<ActCountedReason, number>;
  unexcused: number;
  /** The days the money is counted on (by the rule). */
  countedDays: number;
  earnedTenge: number;
}

export interface MonthlyAct {
  month: string;
  kindergartenName: string;
  asOf: string;
  settings: ActSettings;
  workingDays: number;
  groups: ActLine[];
  total: Omit<ActLine, 'groupId' | 'groupName'>;
  /** Some days of the month are not over yet: the act is not final. */
  unfinished: boolean;
}

/** norm × days ÷ workingDays in whole tenge, half up, in integers (no floating-point drift on large norms). */
export function shareOfNorm(normTenge: number, days: number, workingDays: number): number {
  if (workingDays <= 0 || days <= 0) return 0;
  return Math.floor((2 * normTenge * days + workingDays) / (2 * workingDays));
}

function excusedOf(totals: TabelTotals): Record<ActCountedReason, number> {
  return { sick: totals.sick, vacation: totals.vacation, sanatorium: totals.sanatorium, other: totals.other };
}

/** One group's line of the act from its табель. */
export function actLine(sheet: TabelSheet, settings: ActSettings): ActLine {
  const workingDays = sheet.totals.workingDays;
  let enrolledDays = 0;
  let countedDays = 0;
  let earnedTenge = 0;
  for (const row of sheet.rows) {
    const enrolled = row.marks.filter((mark, i) => sheet.days[i]?.kind === 'working' && mark !== 'not-enrolled').length;
    const attended = row.totals.present + settings.countedReasons.reduce((sum, reason) => sum + row.totals[reason], 0);
    const counted = settings.rule === 'enrolled' ? enrolled : Math.min(attended, enrolled);
    enrolledDays += enrolled;
    countedDays += counted;
    earnedTenge += shareOfNorm(settings.normTenge, counted, workingDays);
  }
  return {
    groupId: sheet.groupId,
    groupName: sheet.groupName,
    children: sheet.rows.length,
    workingDays,
    enrolledDays,
    childDays: sheet.totals.childDays,
    excused: excusedOf(sheet.totals),
    unexcused: sheet.totals.unexcused,
    countedDays,
    earnedTenge,
  };
}

export function buildMonthlyAct(sheets: readonly TabelSheet[], settings: ActSettings, context: { month: string; kindergartenName: string; asOf: string; workingDays: number }): MonthlyAct {
  const groups = sheets.map((sheet) => actLine(sheet, settings));
  const sum = (pick: (line: ActLine) => number): number => groups.reduce((total, line) => total + pick(line), 0);
  return {
    ...context,
    settings,
    groups,
    total: {
      children: sum((l) => l.children),
      workingDays: context.workingDays,
      enrolledDays: sum((l) => l.enrolledDays),
      childDays: sum((l) => l.childDays),
      excused: { sick: sum((l) => l.excused.sick), vacation: sum((l) => l.excused.vacation), sanatorium: sum((l) => l.excused.sanatorium), other: sum((l) => l.excused.other) },
      unexcused: sum((l) => l.unexcused),
      countedDays: sum((l) => l.countedDays),
      earnedTenge: sum((l) => l.earnedTenge),
    },
    unfinished: sheets.some((sheet) => sheet.days.some((d) => d.date >= sheet.asOf)),
  };
}
