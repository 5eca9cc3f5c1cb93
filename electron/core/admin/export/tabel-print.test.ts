// The табель on paper, per group and for the whole kindergarten: read back from the real PDF (pdftotext, with the
// words' positions) and the real workbook, and drawn as PNG pages into test-results/tabel-print/ to be looked at.
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogs } from '../../../../shared/i18n/catalogs.js';
import { value } from '../testing/admin-kit.js';
import { december } from '../testing/december.js';

type Language = 'kk' | 'ru';
const ARTEFACTS = resolve('test-results', 'tabel-print');

async function groupExport(format: 'xlsx' | 'pdf', language: Language) {
  const kit = december();
  const sessionId = await kit.signIn();
  return value(await kit.call('adminExportTabel', { sessionId, groupId: 'g1', month: '2026-12', format, language }));
}

async function wholeExport(format: 'xlsx' | 'pdf', language: Language) {
  const kit = december();
  const sessionId = await kit.signIn();
  return { kit, written: value(await kit.call('adminExportWholeTabel', { sessionId, month: '2026-12', format, language })) };
}

/** The PDF's pages as PNG images in the test artefacts, for a person to look at. */
function renderPages(pdf: string, name: string): void {
  mkdirSync(ARTEFACTS, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '110', pdf, join(ARTEFACTS, name)]);
}

interface Word {
  text: string;
  x: number;
  y: number;
}

/** The words of a PDF page with their centres, as pdftotext finds them. */
function wordsOf(pdf: string, page = 1): Word[] {
  const html = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    text: m[5] ?? '',
    x: (Number(m[1]) + Number(m[3])) / 2,
    y: (Number(m[2]) + Number(m[4])) / 2,
  }));
}

const sameLine = (a: Word, b: Word): boolean => Math.abs(a.y - b.y) < 2;

describe('the табель on paper', () => {
  for (const language of ['kk', 'ru'] as const) {
    it(`prints no zero under a weekend or the holiday, whole header words, a legend line per mark and both signatures (${language})`, async () => {
      const written = await groupExport('pdf', language);
      renderPages(written.path, `group-${language}`);
      const t = catalogs[language].admin.tabel;
      const words = wordsOf(written.path);

      // The weekday line names each of December's 31 days in order; its x positions are the day columns.
      const weekdayNames = new Set(Object.values(catalogs[language].admin.weekdays));
      const first = words.find((w) => weekdayNames.has(w.text));
      if (!first) throw new Error('no weekday line');
      const days = words.filter((w) => sameLine(w, first) && weekdayNames.has(w.text)).sort((a, b) => a.x - b.x);
      expect(days).toHaveLength(31);
      const weekend = new Set([catalogs[language].admin.weekdays.d6, catalogs[language].admin.weekdays.d7]);
      const daysOff = days.filter((d, i) => weekend.has(d.text) || i + 1 === 16);
      expect(daysOff).toHaveLength(9);

      const totalsLabel = words.find((w) => w.text === t.presentPerDay);
      if (!totalsLabel) throw new Error('no totals row');
      const totals = words.filter((w) => sameLine(w, totalsLabel));
      const under = (day: Word) => totals.filter((w) => Math.abs(w.x - day.x) < 6).map((w) => w.text);
      for (const day of daysOff) expect(under(day), `day ${days.indexOf(day) + 1}`).toEqual([]);
      // Working days keep their count: all three children came on the 1st, none of them is at a weekend's place.
      expect(under(days[0] as Word)).toEqual(['3']);

      // Every word of every column name is on the page whole, and nothing was cut with an ellipsis.
      const texts = new Set(words.map((w) => w.text));
      for (const name of Object.values(t.columns)) for (const word of name.split(' ')) expect(texts.has(word), word).toBe(true);
      expect(words.filter((w) => w.text.includes('…'))).toEqual([]);

      const lines = execFileSync('pdftotext', ['-raw', written.path, '-'], { encoding: 'utf8' }).split('\n').map((l) => l.trim());
      for (const mark of ['present', 'sick', 'sick-uncertified', 'vacation', 'family', 'unmarked', 'weekend', 'holiday'] as const) {
        expect(lines, mark).toContain(`${t.codes[mark]} — ${t.marks[mark]}`);
      }
      const text = lines.join('\n');
      expect(text).toContain(language === 'kk' ? 'Топ тәрбиешісі: ____________________ (қолы)' : 'Воспитатель группы: ____________________ (подпись)');
      expect(text).toContain(`${t.head}: ____________________ (${t.signature})`);
      expect(text).toContain(language === 'kk' ? 'Келу табелі — 2026 жылғы желтоқсан' : 'Табель посещаемости — декабрь 2026');
    });
  }

  it('leaves the day cells of the workbook blank, not 0, under the weekends and the holiday', async () => {
    const written = await groupExport('xlsx', 'ru');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(written.path);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no worksheet');
    let totalsRow: ExcelJS.Row | null = null;
    sheet.eachRow((row) => {
      if (row.getCell(2).value === 'Присутствовало') totalsRow = row;
    });
    if (!totalsRow) throw new Error('no totals row');
    const found: ExcelJS.Row = totalsRow;
    // Columns: №, child, then the 1st December in the third column.
    const dayCell = (day: number) => found.getCell(2 + day).value;
    for (const day of [5, 6, 12, 13, 16, 19, 20, 26, 27]) expect([null, ''], `day ${day}`).toContain(dayCell(day));
    expect(dayCell(1)).toBe(3);
    expect(dayCell(21)).toBe(2);
  });

  it('writes the whole kindergarten as one workbook, a sheet per group named after it', async () => {
    const { written } = await wholeExport('xlsx', 'kk');
    expect(written.fileName).toMatch(/^tabel-2026-12-all-kk-20270105-100000-[0-9a-f]{4}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(written.path);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Балапан', 'Жұлдыз']);
    for (const sheet of workbook.worksheets) {
      expect(sheet.getRow(1).getCell(1).value).toBe('Келу табелі — 2026 жылғы желтоқсан');
      expect(sheet.getRow(3).getCell(1).value).toBe(`Топ: ${sheet.name}`);
    }
  });

  for (const language of ['kk', 'ru'] as const) {
    it(`prints the whole kindergarten as one PDF, each group on its own page (${language})`, async () => {
      const { kit, written } = await wholeExport('pdf', language);
      renderPages(written.path, `whole-${language}`);
      const group = catalogs[language].admin.tabel.group;
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [written.path], { encoding: 'utf8' }))?.[1]);
      expect(pages).toBe(2);
      const page = (n: number) => execFileSync('pdftotext', ['-f', String(n), '-l', String(n), written.path, '-'], { encoding: 'utf8' });
      expect(page(1)).toContain(`${group}: Балапан`);
      expect(page(1)).toContain('Жұмабаев Әлихан');
      expect(page(1)).not.toContain('Жұлдыз');
      expect(page(2)).toContain(`${group}: Жұлдыз`);
      expect(page(2)).toContain('Иванова Алиса');
      expect(kit.db.prepare("SELECT count(*) AS n FROM admin_audit WHERE action = 'tabel-export'").get()).toEqual({ n: 1 });
    });
  }
});
