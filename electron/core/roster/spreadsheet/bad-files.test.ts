// Every kind of file that is not a roster, sent as the console sends it (or to the guard that stands first in its way):
// each gets its own coded refusal, or its problem at its sheet, row and column, and the admin reads it in kk, ru and en.
// Real bytes throughout: workbooks written by exceljs, zips by fflate, a PDF's and a text file's own openings.
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { RosterFileRefusal, RosterProblemKind } from '../../../../shared/admin/roster-import-contract.js';
import type { ErrorCode } from '../../../../shared/api/result.js';
import { rosterImportCatalogs } from '../../../../shared/i18n/admin/roster-import-catalogs.js';
import { en } from '../../../../shared/i18n/en.js';
import { kk } from '../../../../shared/i18n/kk.js';
import { ru } from '../../../../shared/i18n/ru.js';
import { adminKit, value } from '../../admin/testing/admin-kit.js';
import { guardSpreadsheet, MAX_FILE_BYTES } from './file-guard.js';
import { MAX_ROWS_PER_SHEET } from './read-workbook.js';
import { WORDS } from './sheet-layout.js';
import { bytesOf, downloadedWorkbook, preview, previewed, sheet, upload } from './testing/roster-files.js';

type Kit = ReturnType<typeof adminKit>;
const LANGUAGES = ['kk', 'ru', 'en'] as const;

/** The words the panel shows for a refusal, in each language: there, and not the English left untranslated. */
function refusalTexts(refusal: RosterFileRefusal): string[] {
  const texts = LANGUAGES.map((l) => rosterImportCatalogs[l].refused[refusal]);
  for (const text of texts) expect(text.trim().length).toBeGreaterThan(10);
  expect(new Set(texts).size).toBe(3);
  return texts;
}

function problemTexts(kind: RosterProblemKind): void {
  const texts = LANGUAGES.map((l) => rosterImportCatalogs[l].problems[kind]);
  for (const text of texts) expect(text.trim().length).toBeGreaterThan(5);
  expect(new Set(texts).size).toBe(3);
}

function errorTexts(code: ErrorCode): void {
  const texts = [kk, ru, en].map((catalog) => catalog.errors[code]);
  for (const text of texts) expect(text.trim().length).toBeGreaterThan(10);
  expect(new Set(texts).size).toBe(3);
}

async function refusalOf(kit: Kit, sessionId: string, bytes: Uint8Array) {
  const p = await preview(kit, sessionId, upload(kit, sessionId, bytes));
  if (p.outcome !== 'refused') throw new Error(`expected a refusal, got a preview with ${p.problemCount} problems`);
  return p;
}

/** A workbook with exactly the roster's sheets and headers (Russian), rows as given. */
function rosterWorkbook(rows: Partial<Record<'children', unknown[][]>> = {}): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const words = WORDS.ru;
  for (const key of ['groups', 'children', 'companions', 'cards', 'pickup'] as const) {
    const ws = workbook.addWorksheet(words.sheets[key]);
    ws.addRow(Object.values(words.headers[key]));
  }
  for (const row of rows.children ?? []) sheet(workbook, words.sheets.children).addRow(row);
  return workbook;
}

describe('files that are not a roster', () => {
  it('refuses a PDF and a text file renamed .xlsx as no Excel workbook', async () => {
    const kit = adminKit();
    const sessionId = await kit.signIn();
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n%%EOF\n'.repeat(20));
    const text = Buffer.from('Тегі;Аты;Тобы\nЖұмабаев;Әлихан;Балапан\n'.repeat(50));
    for (const bytes of [pdf, text]) expect(await refusalOf(kit, sessionId, bytes)).toMatchObject({ refusal: 'not-xlsx' });
    refusalTexts('not-xlsx');
  });

  it('refuses a zip that holds no workbook (an archive of other files) as no Excel workbook', async () => {
    const kit = adminKit();
    const sessionId = await kit.signIn();
    const zip = zipSync({ 'roster.csv': strToU8('Жұмабаев;Әлихан\n'.repeat(100)), 'notes/readme.txt': strToU8('list') });
    expect(await refusalOf(kit, sessionId, zip)).toMatchObject({ refusal: 'not-xlsx' });
    refusalTexts('not-xlsx');
  });

  it('refuses a workbook cut short as damaged', async () => {
    const kit = adminKit();
    const sessionId = await kit.signIn();
    const whole = await bytesOf(await downloadedWorkbook(kit, sessionId));
    expect(await refusalOf(kit, sessionId, whole.subarray(0, Math.floor(whole.length * 0.6)))).toMatchObject({ refusal: 'damaged' });
    refusalTexts('damaged');
  });

  it('refuses a workbook without the roster’s sheets, naming the first one missing, and one without a required column', async () => {
    const kit = adminKit();
    const sessionId = await kit.signIn();
    const other = new ExcelJS.Workbook();
    other.addWorksheet('Sheet1').addRow(['Фамилия', 'Имя', 'Группа']);
    expect(await refusalOf(kit, sessionId, await bytesOf(other))).toMatchObject({ refusal: 'sheet-missing', sheet: 'Группы' });
    refusalTexts('sheet-missing');

    const noGroupColumn = rosterWorkbook();
    sheet(noGroupColumn, 'Дети').getCell('D1').value = 'Класс';
    expect(await refusalOf(kit, sessionId, await bytesOf(noGroupColumn))).toMatchObject({ refusal: 'column-missing', sheet: 'Дети', column: 'Группа' });
    refusalTexts('column-missing');
  });

  it('refuses 10 MB of junk before a byte of it is sent, and the guard refuses it as too large on its own', async () => {
    const kit = adminKit();
    const sessionId = await kit.signIn();
    const junk = new Uint8Array(10 * 1024 * 1024);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919) % 251;
    const begun = kit.call('adminRosterImportBegin', { sessionId, fileName: 'roster.xlsx', bytes: junk.length });
    expect(begun.ok ? 'begun' : begun.error.code).toBe('ROSTER_FILE_TOO_LARGE');
    errorTexts('ROSTER_FILE_TOO_LARGE');
    // Behind the upload's own limit, the guard: junk that even starts like a zip is refused by its size.
    junk.set([0x50, 0x4b, 0x03, 0x04]);
    expect(guardSpreadsheet(junk)).toMatchObject({ ok: false, refusal: 'too-large' });
    expect(junk.length).toBeGreaterThan(MAX_FILE_BYTES);
    refusalTexts('too-large');
  });

  it('refuses a zip bomb by what it unpacks to, counted while unpacking, whatever sizes it declares', async () => {
    const kit = adminKit();
    const sessionId = await kit.signIn();
    // 40 MB of one byte packs into a few tens of kilobytes: a "workbook" that would take the kiosk's memory.
    const bomb = zipSync(
      {
        '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
        'xl/workbook.xml': strToU8('<?xml version="1.0"?><workbook/>'),
        'xl/worksheets/sheet1.xml': new Uint8Array(40 * 1024 * 1024).fill(0x20),
      },
      { level: 9 },
    );
    expect(bomb.length).toBeLessThan(200 * 1024);
    expect(await refusalOf(kit, sessionId, bomb)).toMatchObject({ refusal: 'unpacks-too-large' });
    refusalTexts('unpacks-too-large');
  });

  it('refuses a sheet of more rows than a kindergarten has people', async () => {
    const kit = adminKit();
    const sessionId = await kit.signIn();
    const rows = Array.from({ length: MAX_ROWS_PER_SHEET + 1 }, (_, i) => ['', 'Бала', `Бала${i}`, 'Балапан', '', '']);
    const huge = rosterWorkbook({ children: rows });
    expect(await refusalOf(kit, sessionId, await bytesOf(huge))).toMatchObject({ refusal: 'too-many-rows', sheet: 'Дети', limit: MAX_ROWS_PER_SHEET });
    refusalTexts('too-many-rows');
  });

  it('names a formula and merged cells at their sheet, row and column, and applies nothing while they stand', async () => {
    const kit = adminKit();
    const sessionId = await kit.signIn();
    const workbook = await downloadedWorkbook(kit, sessionId);
    const children = sheet(workbook, 'Дети');
    children.getCell('C2').value = { formula: 'UPPER("Әлихан")', result: 'ӘЛИХАН', date1904: false };
    children.mergeCells('E3:F3');
    const uploadId = upload(kit, sessionId, await bytesOf(workbook));
    const p = await previewed(kit, sessionId, uploadId);
    expect(p.canApply).toBe(false);
    expect(p.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sheet: 'children', sheetName: 'Дети', row: 2, column: 'C', header: 'Имя', kind: 'formula' }),
        expect.objectContaining({ sheet: 'children', row: 3, column: 'E', header: 'Дата рождения', kind: 'merged-cells' }),
      ]),
    );
    problemTexts('formula');
    problemTexts('merged-cells');
    const before = kit.db.prepare('SELECT * FROM children ORDER BY id').all();
    const applied = await kit.call('adminRosterImportApply', { sessionId, uploadId, skipProblemRows: false, expected: p.counts });
    expect(applied.ok ? 'applied' : applied.error.code).toBe('ROSTER_HAS_PROBLEMS');
    errorTexts('ROSTER_HAS_PROBLEMS');
    expect(kit.db.prepare('SELECT * FROM children ORDER BY id').all()).toEqual(before);
    expect(value(kit.call('adminRosterImportInfo', { sessionId })).allowed).toBe(true);
  });
});
