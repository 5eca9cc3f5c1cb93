// The табель as an Excel workbook: one sheet, the title and facts on top, the grid with days off shaded and the
// children over the unexcused limit in red, the totals row, the legend; set to print on A4 landscape, one page wide.
// exceljs is loaded when a workbook is asked for: at start-up it would cost the door most of a second.
import type ExcelJS from 'exceljs';
import type { TabelTable } from './tabel-table.js';

const DAY_OFF_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE4E4E4' } };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF9A9A9A' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Excel refuses sheet names over 31 characters or with []:*?/\ in them. */
function sheetName(text: string): string {
  return text.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31).trim() || 'Tabel';
}

export async function tabelXlsx(table: TabelTable, groupName: string): Promise<Buffer> {
  const { Workbook } = (await import('exceljs')).default;
  const workbook = new Workbook();
  workbook.creator = 'Esik';
  const sheet = workbook.addWorksheet(sheetName(`${groupName} ${table.monthTitle}`), {
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
      if (c >= dayStart && c <= dayEnd && table.daysOff[c - dayStart] && r !== totalsRow.number) cell.fill = DAY_OFF_FILL;
    }
  }
  weekdayRow.font = { italic: true, size: 8 };

  sheet.getColumn(1).width = 4;
  sheet.getColumn(2).width = 28;
  for (let c = dayStart; c <= dayEnd; c++) sheet.getColumn(c).width = 3.6;
  for (let c = dayEnd + 1; c <= columns; c++) sheet.getColumn(c).width = 10;
  sheet.views = [{ state: 'frozen', xSplit: 2, ySplit: weekdayRow.number }];

  sheet.addRow([]);
  for (const note of [...table.notes, ...table.holidays]) sheet.addRow([note]);
  sheet.addRow([]);
  for (const line of table.legend) sheet.addRow([line]);
  sheet.addRow([]);
  sheet.addRow([table.signature]);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
