// The meal invoices and the accountant's list as texts in one language: what the PDF (a page per family) and the XLSX
// (a row per child, a family's total under its siblings) print, so the two files say the same thing.
import type { MealInvoice, MealInvoices } from '../../../../shared/admin/meal-invoices.js';
import type { Language } from '../../../../shared/domain/attendance.js';
import { actCatalogs } from '../../../../shared/i18n/admin/act-catalogs.js';
import { mealsCatalogs } from '../../../../shared/i18n/admin/meals-catalogs.js';
import { dateInWords, monthInWords, tenge } from './act-table.js';
import { fillText as fill } from '../../../../shared/i18n/fill-text.js';

/** The kindergarten as the invoices name it: its name from the roster, the details from the settings ('' not entered). */
export interface KindergartenDetails {
  name: string;
  address: string;
  bin: string;
  iban: string;
  bank: string;
}

/** 41197 → "41 197 ₸" (no-break spaces: an amount never breaks across lines). */
export function tengeSign(amount: number): string {
  return `${tenge(amount)}\u00a0₸`;
}

export interface InvoicePage {
  /** The kindergarten's name and the details entered, one line each. */
  from: string[];
  title: string;
  period: string;
  /** Payer, the day it was drawn up. */
  facts: string[];
  header: string[];
  /** A row per child: №, name, group, days, fee, amount. */
  rows: string[][];
  totalLabel: string;
  total: string;
  statements: string[];
  signatures: string[];
}

export interface MealList {
  title: string;
  facts: string[];
  header: string[];
  /** A row per child (invoice №, payer, child, group, days, fee, amount), and a family's total below its siblings. */
  rows: { cells: (string | number)[]; total: boolean }[];
  total: (string | number)[];
  statements: string[];
  signatures: string[];
}

function detailsLines(kg: KindergartenDetails, language: Language): string[] {
  const t = mealsCatalogs[language];
  const lines = [`${t.kindergarten}: ${kg.name}`];
  if (kg.address !== '') lines.push(`${t.address}: ${kg.address}`);
  if (kg.bin !== '') lines.push(`${t.bin}: ${kg.bin}`);
  if (kg.iban !== '') lines.push(`${t.iban}: ${kg.iban}`);
  if (kg.bank !== '') lines.push(`${t.bank}: ${kg.bank}`);
  return lines;
}

function statementsOf(meals: MealInvoices, language: Language): string[] {
  const t = mealsCatalogs[language];
  const statements = [fill(t.rule, { fee: tengeSign(meals.feeTengePerDay) })];
  if (meals.unfinished) statements.push(fill(t.unfinished, { date: dateInWords(meals.asOf, actCatalogs[language]) }));
  return statements;
}

function signaturesOf(language: Language): string[] {
  const t = mealsCatalogs[language];
  return [`${t.head}: ____________________ (${t.signature})`, `${t.accountant}: ____________________ (${t.signature})`];
}

const childName = (c: { lastName: string; firstName: string }): string => `${c.lastName} ${c.firstName}`;

export function invoicePage(meals: MealInvoices, invoice: MealInvoice & { number: number }, kg: KindergartenDetails, language: Language, formedOn: string): InvoicePage {
  const t = mealsCatalogs[language];
  const a = actCatalogs[language];
  // Nobody linked to the children yet: a line for the head to write the payer in by hand.
  const facts = [`${t.payer}: ${invoice.payers.length > 0 ? invoice.payers.join(', ') : '____________________'}`, `${t.formedOn}: ${dateInWords(formedOn, a)}`];
  return {
    from: detailsLines(kg, language),
    title: fill(t.invoiceTitle, { number: invoice.number }),
    period: fill(t.invoicePeriod, { month: monthInWords(meals.month, a) }),
    facts,
    header: [t.columns.line, t.columns.child, t.columns.group, t.columns.days, t.columns.fee, t.columns.amount],
    rows: invoice.children.map((c, i) => [String(i + 1), childName(c), c.groupName, String(c.daysAttended), tenge(meals.feeTengePerDay), tenge(c.amountTenge)]),
    totalLabel: t.totalDue,
    total: tengeSign(invoice.totalTenge),
    statements: statementsOf(meals, language),
    signatures: signaturesOf(language),
  };
}

/** The invoices worth printing: the families with days attended, numbered (a family with none owes nothing). */
export function invoicesToPrint(meals: MealInvoices): (MealInvoice & { number: number })[] {
  return meals.invoices.flatMap((invoice) => (invoice.number === null ? [] : [{ ...invoice, number: invoice.number }]));
}

export function mealList(meals: MealInvoices, kg: KindergartenDetails, language: Language, formedOn: string): MealList {
  const t = mealsCatalogs[language];
  const a = actCatalogs[language];
  const rows: MealList['rows'] = [];
  for (const invoice of meals.invoices) {
    const payer = invoice.payers.join(', ');
    // A family with no days attended gets no invoice: no number, no total row.
    const number = invoice.number ?? '';
    for (const c of invoice.children) rows.push({ cells: [number, payer, childName(c), c.groupName, c.daysAttended, meals.feeTengePerDay, c.amountTenge], total: false });
    if (invoice.number !== null && invoice.children.length > 1) rows.push({ cells: [invoice.number, fill(t.familyTotal, { number: invoice.number }), '', '', invoice.daysAttended, '', invoice.totalTenge], total: true });
  }
  return {
    title: t.listTitle,
    facts: [...detailsLines(kg, language), `${t.period}: ${monthInWords(meals.month, a)}`, `${t.formedOn}: ${dateInWords(formedOn, a)}`],
    header: [t.listColumns.invoice, t.listColumns.payer, t.columns.child, t.columns.group, t.columns.days, t.columns.fee, t.columns.amount],
    rows,
    total: ['', t.total, '', '', meals.daysAttended, '', meals.totalTenge],
    statements: [...statementsOf(meals, language), t.listRule],
    signatures: signaturesOf(language),
  };
}
