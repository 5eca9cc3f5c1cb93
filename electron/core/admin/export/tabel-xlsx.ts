// The табель as an Excel workbook: a sheet per group (one for a group's export, every group's for the whole
// kindergarten's), each with the title and facts on top, the grid with days off shaded and the
// children over the unexcused limit in red, the totals row, the legend; set to print on A4 landscape, one page wide.
// exceljs is loaded when a workbook is asked for: at start-up it would cost the door most of a second.
import type ExcelJS from 'exceljs';
import { uniqueSheetNames } from './sheet-names.js';
import type { TabelTable } from './tabel-table.js';

const DAY_OFF_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE4E4E4' } };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF9A9A9A' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** One workbook, a sheet for each табель, named as given (made valid and unique for Excel). */
export async function tabelXlsx(tables: readonly { table: TabelTable; sheetName: string }[]): Promise<Buffer> {
  const { Workbook } = (await import('exceljs')).default;
  const workbook = new Workbook();
  workbook.creator = 'Esik';
  const names = uniqueSheetNames(tables.map((t) => t.sheetName));
  tables.forEach(({ table }, i) => addSheet(workbook, table, names[i] ?? `Tabel ${i + 1}`));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addSheet(workbook: ExcelJS.Workbook, table: TabelTable, name: string): void {
  const sheet = workbook.addWorksheet(name, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const columns = table.header.length;
  const dayStart = table.firstDayColumn + 1;
  const dayEnd = table.firstDayColumn + table.dayCount;

  sheet.addRow([table.title]).font = { bold: true, size: 14 };
  for (const fact of table.facts) sheet.addRow([fact]);
  sheet.addRow([]);
  const headerRow = sheet.addRow(table.header);
  const weekdayRow = sheet.addRow(table.weekdays);
  headerRow.font = { bold: true };
  const gridTop = headerRow.number;
  for (const row of table.rows) {
    const added = sheet.addRow(row.cells);
    if (row.overLimit) added.font = { color: { argb: 'FFC00000' }, bold: true };
  }
  const totalsRow = sheet.addRow(table.totals);
  totalsRow.font = { bold: true };

  for (let r = gridTop; r <= totalsRow.number; r++) {
    const row = sheet.getRow(r);
    for (let c = 1; c <= columns; c++) {
      const cell = row.getCell(c);
      cell.border = BOX;
      if (c >= dayStart) cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: r === headerRow.number };
      // The totals' names stand upright, as on paper: a narrow column would otherwise cut a long word in two.
      if (c > dayEnd && r === headerRow.number) cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true, textRotation: 90 };
      if (c >= dayStart && c <= dayEnd && table.daysOff[c - dayStart] && r !== totalsRow.number) cell.fill = DAY_OFF_FILL;
    }
  }
  weekdayRow.font = { italic: true, size: 8 };

  sheet.getColumn(1).width = 4;
  sheet.getColumn(2).width = 28;
  for (let c = dayStart; c <= dayEnd; c++) sheet.getColumn(c).width = 3.6;
  for (let c = dayEnd + 1; c <= columns; c++) sheet.getColumn(c).width = 6;
  headerRow.height = 90;
  sheet.views = [{ state: 'frozen', xSplit: 2, ySplit: weekdayRow.number }];

  sheet.addRow([]);
  for (const note of [...table.notes, ...table.holidays]) sheet.addRow([note]);
  sheet.addRow([]);
  for (const line of table.legend) sheet.addRow([line]);
  for (const line of table.signatures) {
    sheet.addRow([]);
    sheet.addRow([line]);
  }
}
