// The monthly act of completed work: the document's words and the console's. English is the shape kk and ru fill; kept
// apart from the main catalogs, whose key types are at TypeScript's depth limit (as rules-en.ts is).
export const actEn = {
  // The console.
  section: 'The act of completed work for the month (all groups)',
  exportXlsx: 'Act: Excel',
  exportPdf: 'Act: PDF',
  // The document.
  title: 'Act of completed work (services rendered)',
  period: 'Period',
  kindergarten: 'Kindergarten',
  formedOn: 'Drawn up on',
  norm: 'Monthly per-capita norm for one child: {{norm}} ₸',
  columns: {
    group: 'Group',
    children: 'Children on the roll',
    workingDays: 'Working days',
    enrolledDays: 'Possible child-days',
    childDays: 'Child-days attended',
    sick: 'Excused: illness',
    vacation: 'Excused: holiday',
    sanatorium: 'Excused: sanatorium',
    other: 'Excused: other',
    unexcused: 'Unexcused days',
    countedDays: 'Days paid for',
    earned: 'Amount, ₸',
  },
  total: 'Total',
  ruleAttended:
    'The amount is counted for each child: the norm × the days the child attended ÷ the working days of the month ({{workingDays}}); the days attended are never more than the working days the child was enrolled.',
  ruleEnrolled: 'The amount is counted for each child: the norm × the working days the child was enrolled ÷ the working days of the month ({{workingDays}}), attended or not.',
  countedNone: 'Excused absences are not counted as days attended.',
  countedSome: 'Also counted as days attended: {{reasons}}.',
  reasons: { sick: 'illness', vacation: 'holiday', sanatorium: 'sanatorium', other: 'other excused reasons' },
  joined: 'A child who joined or left during the month counts only for the working days they were enrolled.',
  rounding: "Each child's amount is rounded to the whole tenge (half a tenge up); the totals are the sums of the rows.",
  unfinished: 'The month is not over: the figures are as of {{date}}.',
  head: 'Head',
  accountant: 'Accountant',
  signature: 'signature',
  months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  /** "5 January 2027" */
  date: '{{day}} {{month}} {{year}}',
  /** "December 2026" */
  monthYear: '{{month}} {{year}}',
  /** The month as the date writes it ("5 января"): the genitive where the language has one. */
  monthsInDate: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

export type ActTexts = typeof actEn;
