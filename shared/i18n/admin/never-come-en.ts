// The console's "Never come" page (issue 16 §3): English, the shape kk and ru fill. Apart from the main catalogs, whose
// typed keys sit at TypeScript's limit; the sentences with a count are functions, so each language builds its own
// endings.
export interface NeverComeTexts {
  tab: string;
  /** What the list holds, with the setting's number of school days. */
  intro: (days: number) => string;
  none: string;
  columns: { group: string; child: string; lastSeen: string; days: string };
  /** Last seen: never (since the enrolment, or since the kiosk kept records). */
  never: string;
  /** A run longer than the kiosk reads back. */
  atLeast: (days: number) => string;
}

export const neverComeEn: NeverComeTexts = {
  tab: 'Never come',
  intro: (days) =>
    `Children on the roll who have been neither here nor excused for ${days} school ${days === 1 ? 'day' : 'days'} in a row or more (weekends, holidays and transferred days off are not counted).`,
  none: 'No such children: every child on the roll came or was excused.',
  columns: { group: 'Group', child: 'Child', lastSeen: 'Last here', days: 'School days missed' },
  never: 'never',
  atLeast: (days) => `at least ${days}`,
};
