// Writes an export of the табель into the data folder's exports/ folder and says where: XLSX, CSV or PDF, in the
// language asked for; for one group, or for every group at once (a sheet or pages per group).
import type { ExportFormat } from '../../../../shared/admin/admin-contract.js';
import type { TabelSheet } from '../../../../shared/admin/tabel.js';
import type { Language } from '../../../../shared/domain/attendance.js';
import type { LocalTime } from '../../../../shared/domain/local-time.js';
import { exportStamp, writeExport, type ExportedFile } from './exports-dir.js';
import { tabelCsv } from './tabel-csv.js';
import { tabelPdf } from './tabel-pdf.js';
import { tabelTable } from './tabel-table.js';
import { tabelXlsx } from './tabel-xlsx.js';

/** "tabel-2026-12-g01-kk-20261223-101530-3fa2.xlsx": safe on every file system and in a URL as it is. */
export function exportFileName(sheet: TabelSheet, format: ExportFormat, language: Language, at: LocalTime): string {
  const group = sheet.groupId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 40);
  return `tabel-${sheet.month}-${group}-${language}-${exportStamp(at)}.${format}`;
}

export async function exportTabel(sheet: TabelSheet, format: ExportFormat, language: Language, where: { dataDir: string; at: LocalTime }): Promise<ExportedFile> {
  const table = tabelTable(sheet, language);
  const body =
    format === 'csv'
      ? tabelCsv(table)
      : format === 'xlsx'
        ? await tabelXlsx([{ table, sheetName: `${sheet.groupName} ${table.monthTitle}` }])
        : await tabelPdf([table], `${table.title} — ${sheet.groupName}`);
  return writeExport(where.dataDir, exportFileName(sheet, format, language, where.at), body);
}

/** Every group's табель of a month in one file: a workbook with a sheet per group, or one PDF with each group on its own pages. */
export async function exportWholeTabel(
  month: string,
  sheets: readonly TabelSheet[],
  format: 'xlsx' | 'pdf',
  language: Language,
  where: { dataDir: string; at: LocalTime },
): Promise<ExportedFile> {
  const tables = sheets.map((sheet) => ({ sheet, table: tabelTable(sheet, language) }));
  const body =
    format === 'xlsx'
      ? await tabelXlsx(tables.map(({ sheet, table }) => ({ table, sheetName: sheet.groupName })))
      : await tabelPdf(
          tables.map((t) => t.table),
          tables[0]?.table.title ?? month,
        );
  return writeExport(where.dataDir, `tabel-${month}-all-${language}-${exportStamp(where.at)}.${format}`, body);
}
