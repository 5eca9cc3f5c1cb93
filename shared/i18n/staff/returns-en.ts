// A child back after a long absence (the staff screens' alert, the console's Returns page): English, the shape kk and
// ru fill. Apart from the main catalogs, whose typed keys sit at TypeScript's limit; the sentence with a count is a
// function, so each language builds its own case endings and plurals.
export interface ReturnTexts {
  title: string;
  /** "Әлихан is back after 7 days — ask for the certificate". */
  backAfter: (name: string, days: number) => string;
  lastSeen: (date: string) => string;
  seen: string;
  missing: string;
  adminTab: string;
  adminIntro: string;
  adminNone: string;
  columns: { child: string; group: string; back: string; days: string; lastSeen: string; certificate: string; markedBy: string };
  notAsked: string;
  isMissing: string;
  never: string;
}

export const returnsEn: ReturnTexts = {
  title: 'Back after an absence',
  backAfter: (name, days) => `${name} is back after ${days} ${days === 1 ? 'day' : 'days'} — ask for the certificate`,
  lastSeen: (date) => `Last here: ${date}`,
  seen: 'Certificate seen',
  missing: 'No certificate',
  adminTab: 'Returns',
  adminIntro: 'Children back after a run of sickness or unexplained absence whose doctor\'s certificate is missing or was not asked for.',
  adminNone: 'Every child back after an absence has shown a certificate.',
  columns: { child: 'Child', group: 'Group', back: 'Back on', days: 'School days away', lastSeen: 'Last here', certificate: 'Certificate', markedBy: 'Marked by' },
  notAsked: 'not asked yet',
  isMissing: 'missing',
  never: 'never',
};
