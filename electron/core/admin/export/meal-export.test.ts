import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MealExportOutcome } from '../../../../shared/admin/meal-contract.js';
import { AdminAudit } from '../../ledger/admin-audit.js';
import { SyncStateStore } from '../../ledger/sync-state.js';
import { RosterEditor } from '../../roster/edit/roster-editor.js';
import { at, value } from '../testing/admin-kit.js';
import { december } from '../testing/december.js';

/** Where the rendered pages are kept for a person to look at (test-results/ is not committed). */
const ARTEFACTS = resolve('test-results', 'meals');

/**
 * December 2026 (Independence Day on the 16th) with the 31st moved to a day off, drawn up on 5 January 2027. Балапан:
 * Әлихан there 19 days (the 31st among them: he came on the moved day, and he ate), Айару 13, Ерасыл 18. Жұлдыз:
 * Алиса never came, Інжу came 2 days, Томирис joined on the 10th and came 4. Әлихан and Айару are cousins, each with
 * their own mother, both brought by their grandmother Бібігүл; Ерасыл (Балапан) and Інжу (Жұлдыз) are siblings, their
 * father Нұрлан linked to both; nobody is linked to Томирис yet.
 */
async function scene() {
  const kit = december();
  const sessionId = await kit.signIn();
  value(kit.call('adminSetTransfer', { sessionId, date: '2026-12-31', kind: 'day-off', note: 'Перенос' }));
  const editor = new RosterEditor({ db: kit.db, audit: new AdminAudit(kit.db), deviceId: kit.deviceId, settings: kit.settings, sync: new SyncStateStore(kit.db) });
  const link = (companionId: string, childId: string) => ({ kind: 'link' as const, link: { companionId, childId, mayBring: true, mayCollect: true, blocked: false } });
  value(
    editor.apply('head', 'console', [
      { kind: 'child', child: { id: 'tomiris', groupId: 'g2', firstName: 'Томирис', lastName: 'Әбенова' }, joinedOn: '2026-12-10' },
      { kind: 'companion', companion: { id: 'dana', firstName: 'Дана', lastName: 'Жұмабаева', relation: 'mother' } },
      { kind: 'companion', companion: { id: 'madina', firstName: 'Мадина', lastName: 'Сейітова', relation: 'mother' } },
      link('dana', 'alikhan'),
      link('madina', 'ayaru'),
    ], at('2026-12-09T10:00:00.000+05:00')),
  );
  for (const d of ['10', '11', '14', '15']) kit.event('tomiris', 'arrival', `2026-12-${d}T08:20:00.000+05:00`);
  for (const d of ['01', '02']) kit.event('inzhu', 'arrival', `2026-12-${d}T08:20:00.000+05:00`);
  const exportAs = async (format: 'xlsx' | 'pdf', language: 'kk' | 'ru', month = '2026-12'): Promise<MealExportOutcome> =>
    value(await kit.call('adminExportMealInvoices', { sessionId, month, format, language }));
  const exported = async (format: 'xlsx' | 'pdf', language: 'kk' | 'ru') => {
    const outcome = await exportAs(format, language);
    if (outcome.outcome !== 'exported') throw new Error(`not exported: ${outcome.outcome}`);
    return outcome;
  };
  const setMeals = (change: Record<string, unknown>) => kit.call('adminSetMealSettings', { sessionId, change });
  return { kit, sessionId, exportAs, exported, setMeals };
}

async function workbookRows(path: string): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no worksheet');
  return Array.from({ length: sheet.rowCount }, (_, i) => {
    const values = sheet.getRow(i + 1).values;
    return Array.isArray(values) ? values.slice(1) : [];
  });
}

function pageImages(pdfPath: string, name: string, pages: number): string[] {
  mkdirSync(ARTEFACTS, { recursive: true });
  const prefix = join(ARTEFACTS, name);
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', String(pages), pdfPath, prefix]);
  return Array.from({ length: pages }, (_, i) => `${prefix}-${i + 1}.png`);
}

const DETAILS = { kindergartenAddress: 'Алматы қ., Абай даңғылы, 10', kindergartenBin: '123456789012', kindergartenIban: 'kz12 3456 7890 1234 5678', kindergartenBank: 'Halyk Bank, HSBKKZKX' };

describe("the parents' meal invoices", () => {
  it('refuses in words until the daily fee is set, then keeps the fee and the details on record', async () => {
    const { kit, sessionId, exportAs, setMeals } = await scene();
    expect(value(kit.call('adminMealSettings', { sessionId }))).toEqual({ mealFeeTengePerDay: 0, kindergartenAddress: '', kindergartenBin: '', kindergartenIban: '', kindergartenBank: '' });
    expect(await exportAs('pdf', 'ru')).toEqual({ outcome: 'fee-not-set' });
    expect(await exportAs('xlsx', 'kk')).toEqual({ outcome: 'fee-not-set' });
    for (const bad of [{ kindergartenBin: '12345' }, { kindergartenIban: 'DE12345678901234567890' }, { mealFeeTengePerDay: -1 }, { mealFeeTengePerDay: 1.5 }]) {
      // Refused at the edge (the contract's schema), nothing written.
      expect(() => setMeals(bad), JSON.stringify(bad)).toThrow();
    }
    const saved = value(setMeals({ mealFeeTengePerDay: 1200, ...DETAILS }));
    // The account is kept as banks print it: capitals, no spaces.
    expect(saved).toEqual({ mealFeeTengePerDay: 1200, ...DETAILS, kindergartenIban: 'KZ123456789012345678' });
    const audit = kit.db.prepare<[], { detail: string }>("SELECT detail FROM admin_audit WHERE action = 'settings-changed'").all();
    expect(audit.map((r) => Object.keys(JSON.parse(r.detail) as object).sort())).toEqual([['kindergartenAddress', 'kindergartenBank', 'kindergartenBin', 'kindergartenIban', 'mealFeeTengePerDay']]);
  });

  it("lists every child for the accountant: days by the табель across a holiday, a transfer and a mid-month joiner, siblings in two groups on one invoice, cousins apart", async () => {
    const { kit, exported, setMeals } = await scene();
    value(setMeals({ mealFeeTengePerDay: 1200, ...DETAILS }));
    const file = await exported('xlsx', 'ru');
    expect(file.fileName).toMatch(/^meal-list-2026-12-ru-20270105-100000-[0-9a-f]{4}\.xlsx$/);
    const rows = await workbookRows(file.path);
    expect(rows[0]?.[0]).toBe('Ведомость оплаты питания для бухгалтера');
    expect(rows.slice(1, 8).map((r) => r[0])).toEqual([
      'Детский сад: Айгөлек', 'Адрес: Алматы қ., Абай даңғылы, 10', 'БИН: 123456789012', 'ИИК: KZ123456789012345678', 'Банк: Halyk Bank, HSBKKZKX', 'Период: декабрь 2026 г.', 'Составлен: 5 января 2027 г.',
    ]);
    const header = rows.findIndex((r) => r[0] === 'Счёт №');
    expect(rows[header]).toEqual(['Счёт №', 'Плательщик', 'Ребёнок', 'Группа', 'Дней посещения', 'Плата за день, ₸', 'Сумма, ₸']);
    const body = rows.slice(header + 1, header + 9);
    expect(body).toEqual([
      [1, 'Жұмабаева Дана', 'Жұмабаев Әлихан', 'Балапан', 19, 1200, 22800],
      [2, 'Сейітова Мадина', 'Жұмабаева Айару', 'Балапан', 13, 1200, 15600],
      [3, 'Нұрланов Нұрлан', 'Нұрланов Ерасыл', 'Балапан', 18, 1200, 21600],
      [3, 'Нұрланов Нұрлан', 'Нұрланова Інжу', 'Жұлдыз', 2, 1200, 2400],
      [3, 'Итого по счёту № 3', '', '', 20, '', 24000],
      [4, '', 'Әбенова Томирис', 'Жұлдыз', 4, 1200, 4800],
      // Алиса never came: no invoice, so no number (the numbers run without gaps over the invoices printed).
      ['', 'Иванова Елена', 'Иванова Алиса', 'Жұлдыз', 0, 1200, 0],
      ['', 'Итого', '', '', 56, '', 22800 + 15600 + 24000 + 4800],
    ]);
    const text = rows.map((r) => r[0]);
    expect(text).toContain('Сумма: дни посещения по табелю × плата за питание за один день (1\u00a0200\u00a0₸).');
    expect(text).toContain('Заведующая: ____________________ (подпись)');
    expect(text).toContain('Бухгалтер: ____________________ (подпись)');
    expect(kit.db.prepare("SELECT json_extract(detail, '$.document') AS document, json_extract(detail, '$.totalTenge') AS total FROM admin_audit WHERE action = 'tabel-export'").all()).toEqual([
      { document: 'meal-list', total: 67200 },
    ]);
  });

  it('prints one A4 page per family with days attended, in Kazakh and in Russian, with both signature lines; its pages kept as images', async () => {
    const { exported, setMeals } = await scene();
    value(setMeals({ mealFeeTengePerDay: 1200, ...DETAILS }));
    for (const language of ['kk', 'ru'] as const) {
      const file = await exported('pdf', language);
      expect(file.fileName).toMatch(new RegExp(`^meal-invoices-2026-12-${language}-.+\\.pdf$`));
      const info = execFileSync('pdfinfo', [file.path], { encoding: 'utf8' });
      expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
      // Алиса never came: her mother gets no invoice of 0 ₸.
      expect(info).toMatch(/Pages:\s+4\n/);
      const pages = [1, 2, 3, 4].map((p) => execFileSync('pdftotext', ['-layout', '-f', String(p), '-l', String(p), file.path, '-'], { encoding: 'utf8' }).replaceAll('\u00a0', ' '));
      const siblings = pages[2] ?? '';
      if (language === 'kk') {
        expect(siblings).toContain('Тамақтану ақысын төлеуге арналған № 3 шот');
        expect(siblings).toContain('2026 жылғы желтоқсан үшін');
        expect(siblings).toContain('Төлеуші: Нұрланов Нұрлан');
        expect(siblings).toContain('БСН: 123456789012');
        expect(siblings).toMatch(/Төлеуге барлығы\s+24 000 ₸/);
        expect(siblings).toContain('Меңгеруші: ____________________ (қолы)');
        expect(siblings).toContain('Бухгалтер: ____________________ (қолы)');
      } else {
        expect(siblings).toContain('Счёт на оплату питания № 3');
        expect(siblings).toContain('за декабрь 2026 г.');
        expect(siblings).toContain('Составлен: 5 января 2027 г.');
        expect(siblings).toMatch(/Нұрланов Ерасыл\s+Балапан\s+18\s+1 200\s+21 600/);
        expect(siblings).toMatch(/Нұрланова Інжу\s+Жұлдыз\s+2\s+1 200\s+2 400/);
        expect(siblings).toMatch(/Итого к оплате\s+24 000 ₸/);
        expect(siblings).toContain('Заведующая: ____________________ (подпись)');
        expect(pages[3]).toContain('Әбенова Томирис');
        expect(pages[3]).toContain('Плательщик: ____________________');
      }
      for (const png of pageImages(file.path, `invoices-${language}`, 4)) expect(existsSync(png)).toBe(true);
    }
  });

  it('takes no family from a blocked link: a parent banned from one child neither joins the siblings nor is named as payer', async () => {
    const { kit, exported, setMeals } = await scene();
    value(setMeals({ mealFeeTengePerDay: 1200 }));
    const editor = new RosterEditor({ db: kit.db, audit: new AdminAudit(kit.db), deviceId: kit.deviceId, settings: kit.settings, sync: new SyncStateStore(kit.db) });
    value(editor.apply('head', 'console', [{ kind: 'link', link: { companionId: 'nurlan', childId: 'inzhu', mayBring: false, mayCollect: false, blocked: true } }], at('2027-01-05T09:00:00.000+05:00')));
    const rows = await workbookRows((await exported('xlsx', 'ru')).path);
    expect(rows.filter((r) => r[2] === 'Нұрланов Ерасыл' || r[2] === 'Нұрланова Інжу').map((r) => r.slice(0, 3))).toEqual([
      [3, 'Нұрланов Нұрлан', 'Нұрланов Ерасыл'],
      [5, '', 'Нұрланова Інжу'],
    ]);
  });

  it('says there is nothing to invoice in a month nobody came, and that a month not over is not final', async () => {
    const { kit, exportAs, exported, setMeals } = await scene();
    value(setMeals({ mealFeeTengePerDay: 1000 }));
    expect(await exportAs('pdf', 'kk', '2026-11')).toEqual({ outcome: 'nothing-to-invoice' });
    kit.clock.set('2026-12-22T05:00:00.000Z');
    const rows = await workbookRows((await exported('xlsx', 'kk')).path);
    expect(rows.map((r) => r[0])).toContain('Ай әлі аяқталмаған: деректер 2026 жылғы 22 желтоқсан күнгі жағдай бойынша.');
    // The Russian date ends in "г.": the sentence ends there, not in a second full stop.
    const ru = await workbookRows((await exported('xlsx', 'ru')).path);
    expect(ru.map((r) => r[0])).toContain('Месяц ещё не закончился: данные на 22 декабря 2026 г.');
    // Without the details, only the kindergarten's name is printed.
    expect(rows[1]?.[0]).toBe('Балабақша: Айгөлек');
    expect(rows[2]?.[0]).toBe('Кезең: 2026 жылғы желтоқсан');
  });
});
