// A guarded workbook (file-guard.ts) into the text of its roster sheets: each sheet found by its tab name and each
// column by its header, in Kazakh or Russian; every cell as the text it shows, or the reason it cannot be taken (a
// formula, an error value, a merged range). Values are never guessed from formulas: the kiosk would apply a number the
// admin never saw. exceljs is loaded only when a file comes in (it costs the door most of a second at start-up).
import type ExcelJS from 'exceljs';
import { COLUMNS, columnByHeader, REQUIRED, SHEET_BY_NAME, SHEET_KEYS, WORDS, wordKey, type ColumnKey, type SheetKey, type SheetLanguage } from './sheet-layout.js';

/** More rows than a kindergarten has people: a sheet over it is not a roster (and would cost time to read). */
export const MAX_ROWS_PER_SHEET = 10_000;

export type CellIssue = 'formula' | 'error-value' | 'merged-cells';

export type CellText = { text: string } | { issue: CellIssue };

export interface SheetRow<S extends SheetKey> {
  /** The row's number as the spreadsheet shows it. */
  row: number;
  cells: Partial<Record<ColumnKey<S>, CellText>>;
}

export interface SheetColumn {
  letter: string;
  header: string;
}

export interface RosterSheet<S extends SheetKey> {
  /** The tab's name as written in the file: problems name it so. */
  name: string;
  language: SheetLanguage;
  columns: Partial<Record<ColumnKey<S>, SheetColumn>>;
  rows: SheetRow<S>[];
}

export type RosterSheets = { [S in SheetKey]: RosterSheet<S> };

export type WorkbookRefusal =
  | { refusal: 'damaged'; detail: string }
  | { refusal: 'sheet-missing'; sheet: string }
  | { refusal: 'column-missing'; sheet: string; column: string }
  | { refusal: 'too-many-rows'; sheet: string; limit: number };

export async function readRosterWorkbook(bytes: Uint8Array): Promise<{ ok: true; sheets: RosterSheets } | ({ ok: false } & WorkbookRefusal)> {
  const { Workbook } = (await import('exceljs')).default;
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (error) {
    return { ok: false, refusal: 'damaged', detail: error instanceof Error ? error.message.slice(0, 300) : String(error) };
  }
  const found = new Map<SheetKey, ExcelJS.Worksheet>();
  for (const sheet of workbook.worksheets) {
    const key = SHEET_BY_NAME.get(wordKey(sheet.name));
    if (key && !found.has(key)) found.set(key, sheet);
  }
  const language = languageOf([...found.values()].map((s) => s.name));
  const sheets: Partial<Record<SheetKey, RosterSheet<SheetKey>>> = {};
  for (const key of SHEET_KEYS) {
    const sheet = found.get(key);
    if (!sheet) return { ok: false, refusal: 'sheet-missing', sheet: WORDS[language].sheets[key] };
    const read = readSheet(key, sheet);
    if ('refusal' in read) return { ok: false, ...read };
    sheets[key] = read;
  }
  return { ok: true, sheets: sheets as RosterSheets };
}

function languageOf(names: string[]): SheetLanguage {
  const kk = names.filter((n) => Object.values(WORDS.kk.sheets).some((w) => wordKey(w) === wordKey(n))).length;
  const ru = names.filter((n) => Object.values(WORDS.ru.sheets).some((w) => wordKey(w) === wordKey(n))).length;
  return kk > ru ? 'kk' : 'ru';
}

function readSheet<S extends SheetKey>(key: S, sheet: ExcelJS.Worksheet): RosterSheet<S> | WorkbookRefusal {
  const language: SheetLanguage = wordKey(WORDS.kk.sheets[key]) === wordKey(sheet.name) ? 'kk' : 'ru';
  if (sheet.actualRowCount > MAX_ROWS_PER_SHEET + 1 || sheet.rowCount > MAX_ROWS_PER_SHEET * 10) {
    return { refusal: 'too-many-rows', sheet: sheet.name, limit: MAX_ROWS_PER_SHEET };
  }
  const byHeader = columnByHeader(key);
  const columns: Partial<Record<ColumnKey<S>, SheetColumn & { index: number }>> = {};
  sheet.getRow(1).eachCell((cell, index) => {
    const text = cellText(cell);
    const column = 'text' in text ? byHeader.get(wordKey(text.text)) : undefined;
    if (column !== undefined && columns[column] === undefined) columns[column] = { index, letter: columnLetter(index), header: 'text' in text ? text.text.trim() : '' };
  });
  for (const column of REQUIRED[key]) {
    if (columns[column] === undefined) return { refusal: 'column-missing', sheet: sheet.name, column: (WORDS[language].headers[key] as Record<ColumnKey<S>, string>)[column] };
  }
  const merged = mergedStarts(sheet);
  const rows: SheetRow<S>[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number === 1) return;
    const cells: Partial<Record<ColumnKey<S>, CellText>> = {};
    let any = false;
    for (const column of COLUMNS[key] as readonly ColumnKey<S>[]) {
      const at = columns[column];
      if (!at) continue;
      const cell = row.getCell(at.index);
      const text: CellText = merged.has(`${number}:${at.index}`) ? { issue: 'merged-cells' } : cellText(cell);
      if ('text' in text && text.text.trim() === '') continue;
      cells[column] = text;
      any = true;
    }
    if (any) rows.push({ row: number, cells });
  });
  const shown: Partial<Record<ColumnKey<S>, SheetColumn>> = {};
  for (const column of Object.keys(columns) as ColumnKey<S>[]) {
    const at = columns[column];
    if (at) shown[column] = { letter: at.letter, header: at.header };
  }
  return { name: sheet.name, language, columns: shown, rows };
}

/** Every cell inside a merged range, as "row:column": a merge hides all but its first cell's value. */
function mergedStarts(sheet: ExcelJS.Worksheet): Set<string> {
  const cells = new Set<string>();
  for (const range of sheet.model.merges as unknown[]) {
    const match = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(String(range));
    if (!match) continue;
    const [top, bottom] = [Number(match[2]), Number(match[4])];
    const [left, right] = [columnIndex(match[1] ?? 'A'), columnIndex(match[3] ?? 'A')];
    // A range over a whole sheet would be millions of cells: only the roster's columns matter.
    for (let r = top; r <= Math.min(bottom, top + MAX_ROWS_PER_SHEET); r++) for (let c = left; c <= Math.min(right, left + 40); c++) cells.add(`${r}:${c}`);
  }
  return cells;
}

function cellText(cell: ExcelJS.Cell): CellText {
  const value = cell.value;
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'number') return { text: Number.isInteger(value) ? String(value) : String(value) };
  if (typeof value === 'boolean') return { text: value ? '1' : '0' };
  if (value instanceof Date) return { text: Number.isNaN(value.getTime()) ? '' : dateText(value) };
  if ('formula' in value || 'sharedFormula' in value) return { issue: 'formula' };
  if ('error' in value) return { issue: 'error-value' };
  if ('richText' in value) return { text: value.richText.map((part) => part.text).join('') };
  if ('text' in value && typeof value.text === 'string') return { text: value.text };
  return { issue: 'error-value' };
}

/** A date cell as the template asks dates to be written. Excel's dates are days without a zone: exceljs gives UTC midnight. */
function dateText(date: Date): string {
  const dd = String(date.getUTCDate()).padStart(2, '0');
  const mm = String(date.getUTCMonth() + 1).padStart(2, '0');
  return `${dd}.${mm}.${date.getUTCFullYear()}`;
}

export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function columnIndex(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + (ch.charCodeAt(0) - 64), 0);
}
