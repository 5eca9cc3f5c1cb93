// The month's meal invoices, written into the data folder's exports/: every group's табель (TabelService.sheet, the
// one count of days attended) and the roster's live links made into families (shared/admin/meal-invoices.ts), then the
// invoices' PDF (a page per family with something to pay) or the accountant's XLSX (every child).
import type { Database } from 'better-sqlite3';
import { buildMealInvoices, type FamilyLink, type MealInvoices } from '../../../../shared/admin/meal-invoices.js';
import type { Language } from '../../../../shared/domain/attendance.js';
import type { LocalTime } from '../../../../shared/domain/local-time.js';
import { actCatalogs } from '../../../../shared/i18n/admin/act-catalogs.js';
import { mealsCatalogs } from '../../../../shared/i18n/admin/meals-catalogs.js';
import type { TabelService } from '../tabel-service.js';
import { monthInWords } from './act-table.js';
import { exportStamp, writeExport, type ExportedFile } from './exports-dir.js';
import { mealInvoicesPdf } from './meal-pdf.js';
import { invoicePage, invoicesToPrint, mealList, type KindergartenDetails } from './meal-table.js';
import { mealListXlsx } from './meal-xlsx.js';

// The live links: not blocked, the companion still on the roster. Mothers first, then fathers, then the others, so an
// invoice names its payers in that order.
const LINKS_SQL = `SELECT l.child_id AS childId, l.companion_id AS companionId, c.relation, c.first_name AS firstName, c.last_name AS lastName
                     FROM companion_children l JOIN companions c ON c.id = l.companion_id
                    WHERE l.blocked = 0 AND c.active = 1
                    ORDER BY CASE c.relation WHEN 'mother' THEN 0 WHEN 'father' THEN 1 ELSE 2 END, c.last_name, c.first_name, c.id`;

/** Every group's children of the month (the groups' own order), in families, as of `asOf` (today). */
export function monthlyMeals(deps: { db: Database; tabels: TabelService }, month: string, asOf: string, feeTengePerDay: number, language: Language): MealInvoices {
  const groups = deps.db.prepare<[], { id: string }>('SELECT id FROM groups ORDER BY sort_order, id').all();
  const sheets = groups.flatMap(({ id }) => deps.tabels.sheet(id, month, asOf, language) ?? []);
  const links = deps.db.prepare<[], FamilyLink>(LINKS_SQL).all();
  return buildMealInvoices(sheets, links, feeTengePerDay, { month, asOf });
}

/** The invoices' PDF, or null when no family has anything to pay; the accountant's list is always written. */
export async function exportMeals(meals: MealInvoices, kindergarten: KindergartenDetails, format: 'xlsx' | 'pdf', language: Language, where: { dataDir: string; at: LocalTime }): Promise<ExportedFile | null> {
  const t = mealsCatalogs[language];
  const month = monthInWords(meals.month, actCatalogs[language]);
  const formedOn = where.at.localDate;
  const stamp = `${meals.month}-${language}-${exportStamp(where.at)}`;
  if (format === 'xlsx') return writeExport(where.dataDir, `meal-list-${stamp}.xlsx`, await mealListXlsx(mealList(meals, kindergarten, language, formedOn), month));
  const printed = invoicesToPrint(meals);
  if (printed.length === 0) return null;
  const pages = printed.map((invoice) => invoicePage(meals, invoice, kindergarten, language, formedOn));
  return writeExport(where.dataDir, `meal-invoices-${stamp}.pdf`, await mealInvoicesPdf(pages, `${t.settingsTitle}: ${month}`));
}
