// The first sheet of a downloaded workbook as rows of cell values (ExcelJS counts columns from 1; the rows here from 0).
import ExcelJS from 'exceljs';

export async function firstSheetRows(path: string): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no worksheet');
  return Array.from({ length: sheet.rowCount }, (_, i) => {
    const v = sheet.getRow(i + 1).values;
    return Array.isArray(v) ? v.slice(1) : [];
  });
}
