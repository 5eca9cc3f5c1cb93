// The kiosk rules on the console's Settings page: English, the shape kk and ru fill. Kept apart from the main catalogs, whose
// key types are at TypeScript's depth limit, as the Backups page's texts are (backups-en.ts).
export const rulesEn = {
  title: "The kiosk's rules",
  autoConfirmSeconds: 'The children screen confirms by itself after (seconds, 0: only by the button)',
  repeatWindowSeconds: 'The same card again within (seconds) shows the earlier receipt',
  departureGuardMinutes: 'A departure this soon after the child\'s arrival asks "is the child leaving?" first (minutes, 0: never)',
  staffIdleSeconds: 'A staff session ends after this long untouched (seconds)',
  consoleIdleSeconds: 'The admin console signs out after this long untouched, with a warning first (seconds, 60–3600)',
  staffSignInMode: 'Staff sign in',
  signInModes: { 'name-or-card': 'by name or staff card, with the PIN', 'card-only': 'only with a staff card and the PIN' },
  headcountCutOff: 'Reception ends, the headcount is taken at',
  closingTime: 'Closing time',
  collectCheckFrom: 'From this time a child not yet seen today is checked as going home (who may collect them); empty: off',
  summerHolidayDays: 'Holiday days in summer (June–August) that keep the place',
  winterHolidayDays: 'Holiday days in winter (December–February) that keep the place',
  sickDaysWithoutCertificate: 'Sick days allowed without a doctor\'s certificate (the days after count as unexcused)',
  unexcusedDaysPerMonth: 'Unexcused days allowed a month',
  returnCheckAfterDays: 'A child back after this many school days away, sick or unexplained: staff are asked to check the doctor\'s certificate',
  neverComeAfterDays: 'A child on the roll neither here nor excused for this many school days in a row is listed as never coming',
  outboxKeepSentDays: 'Copies the city has confirmed are deleted from the sending queue after (days; the records stay)',
  perCapitaNormTenge: 'Monthly per-capita norm for one child (₸), for the act of completed work',
  actEarnedRule: 'The act counts the money earned',
  actEarnedRules: { attended: 'by the days attended: norm × days attended ÷ working days', enrolled: 'by the days on the roll: norm × days enrolled ÷ working days' },
  actCountedReasons: 'Excused absences the act also counts as days attended',
  actReasons: { sick: 'Illness', vacation: 'Holiday', sanatorium: 'Sanatorium', other: 'Other excused reasons' },
  save: 'Save',
  saved: 'Saved',
};

export type RulesTexts = typeof rulesEn;
