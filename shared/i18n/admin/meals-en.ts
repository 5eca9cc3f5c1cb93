// The parents' meal invoices and the accountant's list: the documents' words and the console's. English is the shape
// kk and ru fill; kept apart from the main catalogs, whose key types are at TypeScript's depth limit (as act-en.ts is).
export const mealsEn = {
  // The console: the export beside the act.
  section: "Parents' meal invoices for the month (all groups)",
  exportPdf: 'Invoices: PDF',
  exportXlsx: "Accountant's list: Excel",
  feeNotSet: 'The daily meal fee is not set yet. Set it first on the Settings page, under Meal invoices.',
  nothingToInvoice: 'No child attended on any day of this month: there is nothing to invoice.',
  // The console: the settings.
  settingsTitle: 'Meal invoices',
  mealFeeTengePerDay: "Daily meal fee (₸) for the parents' invoices; 0: not set",
  kindergartenAddress: "The kindergarten's address",
  kindergartenBin: 'BIN (12 digits)',
  kindergartenIban: 'Account (IBAN, KZ…)',
  kindergartenBank: 'Bank and BIC',
  save: 'Save',
  saved: 'Saved.',
  invalid: 'Check the BIN (12 digits) and the account (KZ and 18 letters or digits).',
  // The documents.
  invoiceTitle: 'Invoice for meals No. {{number}}',
  invoicePeriod: 'for {{month}}',
  listTitle: 'Meal fees: the list for the accountant',
  kindergarten: 'Kindergarten',
  address: 'Address',
  bin: 'BIN',
  iban: 'Account (IBAN)',
  bank: 'Bank',
  period: 'Period',
  formedOn: 'Drawn up on',
  payer: 'Payer',
  columns: {
    line: 'No.',
    child: 'Child',
    group: 'Group',
    days: 'Days attended',
    fee: 'Fee per day, ₸',
    amount: 'Amount, ₸',
  },
  listColumns: {
    invoice: 'Invoice No.',
    payer: 'Payer',
  },
  totalDue: 'Total due',
  familyTotal: 'Total of invoice No. {{number}}',
  total: 'Total',
  rule: 'The amount is the days attended by the timesheet × the daily meal fee ({{fee}}).',
  listRule: 'One row per child; a family with several children has its invoice total below them. Invoices are numbered and printed only for families with days attended.',
  unfinished: 'The month is not over: the figures are as of {{date}}.',
  head: 'Head',
  accountant: 'Accountant',
  signature: 'signature',
};

export type MealsTexts = typeof mealsEn;
