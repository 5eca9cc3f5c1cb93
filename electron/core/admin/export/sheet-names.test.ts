import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { uniqueSheetNames } from './sheet-names.js';

describe('sheet names Excel accepts', () => {
  it('cuts to 31 characters, drops []:*?/\\ and edge apostrophes, and keeps names unique ignoring case', () => {
    const names = uniqueSheetNames([
      'Балапан',
      'балапан',
      'Ересектер тобы [1/2]: таңертеңгі ауысым*?',
      "'Күншуақ'",
      '   ',
      'Ересектер тобы 1 2 таңертеңгі ауысым',
    ]);
    expect(names).toEqual(['Балапан', 'балапан (2)', 'Ересектер тобы 1 2 таңертеңгі а', 'Күншуақ', 'Tabel', 'Ересектер тобы 1 2 таңертең (2)']);
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[[\]:*?/\\]/);
    }
    // exceljs checks the same rules when a sheet is added: every one of them is accepted.
    const workbook = new ExcelJS.Workbook();
    for (const name of names) workbook.addWorksheet(name);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(names);
  });
});
