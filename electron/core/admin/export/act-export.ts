// The month's act of completed work for the whole kindergarten, written into the data folder's exports/: every
// group's табель (TabelService.sheet, the one count) made into the act's lines, then the PDF or the XLSX.
import type { Database } from 'better-sqlite3';
import { buildMonthlyAct, type ActSettings, type MonthlyAct } from '../../../../shared/admin/monthly-act.js';
import type { Language } from '../../../../shared/domain/attendance.js';
import type { LocalTime } from '../../../../shared/domain/local-time.js';
import { actCatalogs } from '../../../../shared/i18n/admin/act-catalogs.js';
import type { TabelService } from '../tabel-service.js';
import { actPdf } from './act-pdf.js';
import { actTable, monthInWords } from './act-table.js';
import { actXlsx } from './act-xlsx.js';
import { exportStamp, writeExport, type ExportedFile } from './exports-dir.js';

/** The act of every group of the kindergarten, in the groups' own order, as of `asOf` (today). */
export function monthlyAct(deps: { db: Database; tabels: TabelService; kindergartenName: string }, month: string, asOf: string, settings: ActSettings, language: Language): MonthlyAct {
  const groups = deps.db.prepare<[], { id: string }>('SELECT id FROM groups ORDER BY sort_order, id').all();
  const sheets = groups.flatMap(({ id }) => deps.tabels.sheet(id, month, asOf, language) ?? []);
  const workingDays = sheets[0]?.totals.workingDays ?? 0;
  return buildMonthlyAct(sheets, settings, { month, kindergartenName: deps.kindergartenName, asOf, workingDays });
}

export async function exportAct(act: MonthlyAct, format: 'xlsx' | 'pdf', language: Language, where: { dataDir: string; at: LocalTime }): Promise<ExportedFile> {
  const table = actTable(act, language, where.at.localDate);
  const body = format === 'pdf' ? await actPdf(table) : await actXlsx(table, monthInWords(act.month, actCatalogs[language]));
  return writeExport(where.dataDir, `act-${act.month}-${language}-${exportStamp(where.at)}.${format}`, body);
}
