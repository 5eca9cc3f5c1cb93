// The nurse's headcount (the staff screens and the console's Today page): English, the shape kk and ru fill. Apart
// from the main catalogs, whose typed keys sit at TypeScript's limit; sentences with a time are functions, so Kazakh
// can put its case ending on the time (shared/text/kazakh-endings.ts).
import type { AbsenceReason } from '../../staff/staff-domain.js';

export interface HeadcountTexts {
  title: string;
  /** The printed page's heading, with the day as DD.MM.YYYY. */
  heading: (date: string) => string;
  /** Reception ends at the cut-off. */
  cutOff: (time: string) => string;
  /** The snapshot, taken at the cut-off while the kiosk ran. */
  counted: (time: string) => string;
  /** The snapshot, taken later because the kiosk was off at the cut-off. */
  countedLate: (time: string, cutOff: string) => string;
  notYetCounted: (cutOff: string) => string;
  notSchoolDay: string;
  /** A snapshot an earlier version kept: present children only. */
  notDetailed: string;
  /** The column of the count right now. */
  now: (time: string) => string;
  columns: { group: string; present: string; expected: string; excused: string; notYetIn: string };
  reasons: Record<AbsenceReason, string>;
  /** Came and already went home. */
  left: (count: number) => string;
  everyoneIn: string;
  total: string;
  print: string;
  countNow: string;
  countedByHand: (time: string) => string;
}

export const headcountEn: HeadcountTexts = {
  title: 'Headcount for the nurse',
  heading: (date) => `Headcount, ${date}`,
  cutOff: (time) => `Reception until ${time}`,
  counted: (time) => `Counted at ${time}`,
  countedLate: (time, cutOff) => `Counted at ${time}: the kiosk was off at ${cutOff}`,
  notYetCounted: (cutOff) => `Not counted yet: the kiosk counts at ${cutOff}`,
  notSchoolDay: 'Not a school day: nobody is expected and no count is taken',
  notDetailed: 'Kept by an earlier version: present children only',
  now: (time) => `Now, ${time}`,
  columns: { group: 'Group', present: 'Present', expected: 'Expected', excused: 'Excused absences', notYetIn: 'Not yet in' },
  reasons: { sick: 'sick', vacation: 'vacation', sanatorium: 'sanatorium', other: 'other reason', family: 'family reasons' },
  left: (count) => `already left: ${count}`,
  everyoneIn: 'everyone is in',
  total: 'Total',
  print: 'Print',
  countNow: 'Count now',
  countedByHand: (time) => `Counted by hand at ${time}`,
};
