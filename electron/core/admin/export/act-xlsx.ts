// The monthly act as an Excel workbook: the title and facts, the table (a row per group, the total in bold, money as
// whole tenge with thousands grouped), the rule of the money in words and the signature lines; set to print on A4
// landscape, one page wide. exceljs is loaded when a workbook is asked for (at start-up it would slow the door).
import type ExcelJS from 'exceljs';
import type { ActTable } from './act-table.js';

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF9A9A9A' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } };

export async function actXlsx(table: ActTable, sheetTitle: string): Promise<Buffer> {
  const { Workbook } = (await import('exceljs')).default;
  const workbook = new Workbook();
  workbook.creator = 'Esik';
  const sheet = workbook.addWorksheet(sheetTitle.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31).trim() || 'Act', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const columns = table.header.length;
  sheet.addRow([table.title]).font = { bold: true, size: 14 };
  for (const fact of table.facts) sheet.addRow([fact]);
  sheet.addRow([]);
  const header = sheet.addRow(table.header);
  header.font = { bold: true };
  header.height = 42;
  for (const cells of table.rows) sheet.addRow(cells);
  const total = sheet.addRow(table.total);
  total.font = { bold: true };
  for (let r = header.number; r <= total.number; r++) {
    for (let c = 1; c <= columns; c++) {
      const cell = sheet.getRow(r).getCell(c);
      cell.border = BOX;
      if (r === header.number) {
        cell.fill = HEADER_FILL;
        cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      }
    }
  }
  sheet.getColumn(1).width = 28;
  for (let c = 2; c <= columns; c++) sheet.getColumn(c).width = 13;
  sheet.getColumn(columns).numFmt = '#,##0';
  sheet.addRow([]);
  for (const line of table.statements) sheet.addRow([line]);
  sheet.addRow([]);
  for (const line of table.signatures) {
    sheet.addRow([line]);
    sheet.addRow([]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
