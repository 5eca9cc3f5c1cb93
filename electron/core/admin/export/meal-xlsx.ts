// The accountant's list of the month's meal fees as an Excel workbook: the kindergarten and the month, a row per child
// (the invoice it is on, the payer, the days attended, the fee and the amount), each family's total in bold below its
// siblings, the grand total, how the amounts are counted and the signature lines; A4 portrait, one page wide.
// exceljs is loaded when a workbook is asked for (at start-up it would slow the door).
import type ExcelJS from 'exceljs';
import type { MealList } from './meal-table.js';

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF9A9A9A' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } };
const WIDTHS = [9, 30, 30, 16, 12, 12, 14];

export async function mealListXlsx(list: MealList, sheetTitle: string): Promise<Buffer> {
  const { Workbook } = (await import('exceljs')).default;
  const workbook = new Workbook();
  workbook.creator = 'Esik';
  const sheet = workbook.addWorksheet(sheetTitle.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31).trim() || 'Meals', {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.addRow([list.title]).font = { bold: true, size: 14 };
  for (const fact of list.facts) sheet.addRow([fact]);
  sheet.addRow([]);
  const header = sheet.addRow(list.header);
  header.font = { bold: true };
  header.height = 32;
  for (const row of list.rows) {
    const added = sheet.addRow(row.cells);
    if (row.total) added.font = { bold: true };
  }
  const total = sheet.addRow(list.total);
  total.font = { bold: true };
  for (let r = header.number; r <= total.number; r++) {
    for (let c = 1; c <= list.header.length; c++) {
      const cell = sheet.getRow(r).getCell(c);
      cell.border = BOX;
      if (r === header.number) {
        cell.fill = HEADER_FILL;
        cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      }
    }
  }
  WIDTHS.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  // Money as whole tenge with thousands grouped.
  sheet.getColumn(6).numFmt = '#,##0';
  sheet.getColumn(7).numFmt = '#,##0';
  sheet.addRow([]);
  for (const line of list.statements) sheet.addRow([line]);
  sheet.addRow([]);
  for (const line of list.signatures) {
    sheet.addRow([line]);
    sheet.addRow([]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
