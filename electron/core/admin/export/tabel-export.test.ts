import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExportFileNameSchema } from '../../../../shared/admin/admin-contract.js';
import { value } from '../testing/admin-kit.js';
import { december } from '../testing/december.js';

const exportOf = async (format: 'xlsx' | 'csv' | 'pdf', language: 'kk' | 'ru' | 'en') => {
  const kit = december();
  const sessionId = await kit.signIn();
  const written = value(await kit.call('adminExportTabel', { sessionId, groupId: 'g1', month: '2026-12', format, language }));
  return { kit, written };
};

/** The cells of a worksheet row as plain values. */
function rowValues(sheet: ExcelJS.Worksheet, n: number): unknown[] {
  const values = sheet.getRow(n).values;
  return Array.isArray(values) ? values.slice(1) : [];
}

describe('exports of the табель', () => {
  it('writes an Excel file whose counts are the month counted by hand', async () => {
    const { kit, written } = await exportOf('xlsx', 'ru');
    expect(dirname(written.path)).toBe(join(kit.dataDir, 'exports'));
    expect(ExportFileNameSchema.safeParse(basename(written.path)).success).toBe(true);
    expect(written.fileName).toMatch(/^tabel-2026-12-g1-ru-20270105-100000-[0-9a-f]{4}\.xlsx$/);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(written.path);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no worksheet');
    expect(rowValues(sheet, 1)[0]).toBe('Табель посещаемости — декабрь 2026');
    const rows = Array.from({ length: sheet.rowCount }, (_, i) => rowValues(sheet, i + 1));
    const header = rows.findIndex((r) => r[0] === '№');
    expect(rows[header]?.slice(1, 4)).toEqual(['Ребёнок', '1', '2']);
    expect(rows[header]?.slice(33)).toEqual(['Дней присутствия', 'Болезнь', 'Болезнь без справки', 'Отпуск', 'Санаторий', 'Семейные', 'Прочее', 'Не отмечено', 'Неуважительные']);
    // Per child: present, sick, sick with no certificate past the allowance, vacation, sanatorium, family, other, no reason, unexcused — as counted by hand.
    const children = rows.slice(header + 2, header + 5);
    expect(children.map((r) => r[1])).toEqual(['Жұмабаев Әлихан', 'Жұмабаева Айару', 'Нұрланов Ерасыл !']);
    expect(children.map((r) => r.slice(33))).toEqual([
      [19, 3, 0, 0, 0, 0, 0, 0, 0],
      [13, 0, 0, 9, 0, 0, 0, 0, 0],
      [18, 0, 0, 0, 0, 2, 0, 2, 4],
    ]);
    // Әлихан's 3rd–7th December: sick, sick, weekend, weekend, sick; the 16th a holiday for everyone.
    expect(children[0]?.slice(4, 9)).toEqual(['Б', 'Б', 'В', 'В', 'Б']);
    expect(children.map((r) => r[17])).toEqual(['П', 'П', 'П']);
    const totals = rows[header + 5];
    expect(totals?.[1]).toBe('Присутствовало');
    expect(totals?.slice(33)).toEqual([50, 3, 0, 9, 0, 2, 0, 2, 4]);
    expect(rows.some((r) => r[0] === 'Детодней для акта выполненных работ: 50')).toBe(true);
    expect(kit.db.prepare("SELECT action, staff_id FROM admin_audit WHERE action = 'tabel-export'").all()).toEqual([{ action: 'tabel-export', staff_id: 'head' }]);
  });

  it('writes CSV that Excel opens in Cyrillic and in columns: UTF-8 with a BOM, semicolons', async () => {
    const { written } = await exportOf('csv', 'kk');
    const bytes = readFileSync(written.path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('Келу табелі — 2026 жылғы желтоқсан');
    const yerasyl = lines.find((l) => l.startsWith('3;'))?.split(';');
    expect(yerasyl?.[1]).toBe('Нұрланов Ерасыл !');
    // 8th–11th December: family, family, no reason, no reason.
    expect(yerasyl?.slice(9, 13)).toEqual(['О', 'О', 'К', 'К']);
    expect(yerasyl?.slice(33)).toEqual(['18', '0', '0', '0', '0', '2', '0', '2', '4']);
    expect(lines).toContain('Бала-күндер: 50'.replace('Бала-күндер', 'Орындалған жұмыс актісіне бала-күндер'));
  });

  it('renders a printable A4 landscape PDF with the group and the month, its fonts embedded', async () => {
    const { written } = await exportOf('pdf', 'kk');
    const text = execFileSync('pdftotext', ['-layout', written.path, '-'], { encoding: 'utf8' });
    expect(text).toContain('Келу табелі — 2026 жылғы желтоқсан');
    expect(text).toContain('Топ: Балапан');
    expect(text).toContain('Жұмабаев Әлихан');
    expect(text).toContain('Тәуелсіздік күні');
    const info = execFileSync('pdfinfo', [written.path], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+841\.89 x 595\.28 pts \(A4\)/);
    const fonts = execFileSync('pdffonts', [written.path], { encoding: 'utf8' });
    expect(fonts).toMatch(/DejaVuSans/);
    // Every font in the file is embedded: the PDF prints the same on a machine without DejaVu.
    const rows = fonts.trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.split(/\s+/).at(-5), row).toBe('yes');
  });

  it('prints in Russian too', async () => {
    const { written } = await exportOf('pdf', 'ru');
    const text = execFileSync('pdftotext', [written.path, '-'], { encoding: 'utf8' });
    expect(text).toContain('Табель посещаемости — декабрь 2026');
    expect(text).toContain('Группа: Балапан');
  });
});
