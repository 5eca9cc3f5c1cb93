import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AdminAudit } from '../../ledger/admin-audit.js';
import { SyncStateStore } from '../../ledger/sync-state.js';
import { RosterEditor } from '../../roster/edit/roster-editor.js';
import { at, value } from '../testing/admin-kit.js';
import { december } from '../testing/december.js';

/** Where the rendered pages are kept for a person to look at (test-results/ is not committed). */
const ARTEFACTS = resolve('test-results', 'act');

/**
 * December 2026 (the 16th Independence Day) with the 31st moved to a day off: 21 working days. Group Балапан: Әлихан
 * 19 days there (one of them the 31st, now a day off) and 3 sick; Айару 13 there and 8 on holiday; Ерасыл 18 there,
 * 2 family, 2 unexplained. Group Жұлдыз: Алиса and Інжу never came; Томирис joined on Thursday the 10th (14 working
 * days enrolled) and came 4 of them.
 */
async function scene() {
  const kit = december();
  const sessionId = await kit.signIn();
  value(kit.call('adminSetTransfer', { sessionId, date: '2026-12-31', kind: 'day-off', note: 'Перенос' }));
  const editor = new RosterEditor({ db: kit.db, audit: new AdminAudit(kit.db), deviceId: kit.deviceId, settings: kit.settings, sync: new SyncStateStore(kit.db) });
  const tomiris = { id: 'tomiris', groupId: 'g2', firstName: 'Томирис', lastName: 'Әбенова' };
  value(editor.apply('head', 'console', [{ kind: 'child', child: tomiris, joinedOn: '2026-12-10' }], at('2026-12-09T10:00:00.000+05:00')));
  for (const d of ['10', '11', '14', '15']) kit.event('tomiris', 'arrival', `2026-12-${d}T08:20:00.000+05:00`);
  const act = async (format: 'xlsx' | 'pdf', language: 'kk' | 'ru') => value(await kit.call('adminExportAct', { sessionId, month: '2026-12', format, language }));
  return { kit, act };
}

function rowsOf(sheet: ExcelJS.Worksheet): unknown[][] {
  return Array.from({ length: sheet.rowCount }, (_, i) => {
    const values = sheet.getRow(i + 1).values;
    return Array.isArray(values) ? values.slice(1) : [];
  });
}

async function workbookRows(path: string): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no worksheet');
  return rowsOf(sheet);
}

function pageImages(pdfPath: string, name: string): string {
  mkdirSync(ARTEFACTS, { recursive: true });
  const prefix = join(ARTEFACTS, name);
  execFileSync('pdftoppm', ['-png', '-r', '110', '-f', '1', '-l', '1', '-singlefile', pdfPath, prefix]);
  return `${prefix}.png`;
}

describe('the monthly act of completed work', () => {
  it('counts each group off its табель and the money by days attended, across a holiday, a transfer and a child who joined mid-month', async () => {
    const { kit, act } = await scene();
    const file = await act('xlsx', 'ru');
    expect(file.fileName).toMatch(/^act-2026-12-ru-20270105-100000-[0-9a-f]{4}\.xlsx$/);
    const rows = await workbookRows(file.path);
    expect(rows[0]?.[0]).toBe('Акт выполненных работ (оказанных услуг)');
    expect(rows.slice(1, 4).map((r) => r[0])).toEqual(['Детский сад: Айгөлек', 'Период: декабрь 2026 г.', 'Составлен: 5 января 2027 г.']);
    const header = rows.findIndex((r) => r[0] === 'Группа');
    expect(rows[header]).toEqual([
      'Группа', 'Детей в списке', 'Рабочих дней', 'Возможных детодней', 'Детодней посещения', 'Уважит.: болезнь', 'Уважит.: отпуск', 'Уважит.: санаторий', 'Уважит.: прочее',
      'Неуважит. дней', 'Оплачиваемых дней', 'Сумма, ₸',
    ]);
    // By hand, 41 197 ₸ × days ÷ 21, each child rounded: Әлихан 19 → 37 273.48 → 37 273; Айару 13 → 25 502.90 → 25 503;
    // Ерасыл 18 → 35 311.71 → 35 312; Томирис 4 → 7 847.05 → 7 847; Алиса and Інжу 0. Жұлдыз's unexcused: 21 + 21 + Томирис's 10.
    expect(rows[header + 1]).toEqual(['Балапан', 3, 21, 63, 50, 3, 8, 0, 0, 4, 50, 98088]);
    expect(rows[header + 2]).toEqual(['Жұлдыз', 3, 21, 21 + 21 + 14, 4, 0, 0, 0, 0, 21 + 21 + 10, 4, 7847]);
    expect(rows[header + 3]).toEqual(['Итого', 6, 21, 119, 54, 3, 8, 0, 0, 56, 54, 98088 + 7847]);
    const text = rows.map((r) => r[0]);
    expect(text).toContain('Норматив на одного ребёнка в месяц: 41\u00a0197 ₸');
    expect(text).toContain(
      'Сумма начислена по каждому ребёнку: норматив × дни посещения ÷ рабочие дни месяца (21); дней посещения не больше, чем рабочих дней, в которые ребёнок был зачислен.',
    );
    expect(text).toContain('Дни отсутствия по уважительным причинам не засчитываются как посещение.');
    expect(text).toContain('Заведующая: ____________________ (подпись)');
    expect(text).toContain('Бухгалтер: ____________________ (подпись)');
    expect(kit.db.prepare("SELECT staff_id, json_extract(detail, '$.document') AS document, json_extract(detail, '$.earnedTenge') AS earned FROM admin_audit WHERE action = 'tabel-export'").all()).toEqual([
      { staff_id: 'head', document: 'act', earned: 105935 },
    ]);
  });

  it("counts the excused reasons the head chose as attended, never past a child's enrolled working days, and states it", async () => {
    const { kit, act } = await scene();
    kit.settings.set('actCountedReasons', ['sick', 'vacation']);
    const rows = await workbookRows((await act('xlsx', 'ru')).path);
    const header = rows.findIndex((r) => r[0] === 'Группа');
    // Әлихан 19 + 3 sick = 22, but 21 working days: the full norm, 41 197. Айару 13 + 8 = 21: 41 197. Ерасыл as before.
    expect(rows[header + 1]?.slice(10)).toEqual([21 + 21 + 18, 41197 + 41197 + 35312]);
    expect(rows.map((r) => r[0])).toContain('Как посещение засчитываются также: болезнь, отпуск.');
  });

  it('pays for the days on the roll when the head chooses that rule', async () => {
    const { kit, act } = await scene();
    kit.settings.set('actEarnedRule', 'enrolled');
    kit.settings.set('perCapitaNormTenge', 50000);
    const rows = await workbookRows((await act('xlsx', 'kk')).path);
    const header = rows.findIndex((r) => r[0] === 'Топ');
    // Every child of Балапан enrolled all 21 days: 3 × 50 000. Жұлдыз: 2 × 50 000 and Томирис 50 000 × 14 ÷ 21 = 33 333.33 → 33 333.
    expect(rows[header + 1]?.slice(10)).toEqual([63, 150000]);
    expect(rows[header + 2]?.slice(10)).toEqual([56, 133333]);
    expect(rows[header + 3]?.slice(10)).toEqual([119, 283333]);
    expect(rows.map((r) => r[0])).toContain(
      'Сома әр бала бойынша есептелді: норматив × бала тізімде болған жұмыс күндері ÷ айдың жұмыс күндері (21), келгеніне қарамастан.',
    );
    expect(rows.slice(1, 4).map((r) => r[0])).toEqual(['Балабақша: Айгөлек', 'Кезең: 2026 жылғы желтоқсан', 'Жасалған күні: 2027 жылғы 5 қаңтар']);
  });

  it('prints an A4 landscape PDF in Kazakh and in Russian with both signature lines, its pages kept as images', async () => {
    const { act } = await scene();
    for (const language of ['kk', 'ru'] as const) {
      const file = await act('pdf', language);
      const info = execFileSync('pdfinfo', [file.path], { encoding: 'utf8' });
      expect(info).toMatch(/Page size:\s+841\.89 x 595\.28 pts \(A4\)/);
      expect(info).toMatch(/Pages:\s+1\n/);
      const text = execFileSync('pdftotext', ['-layout', file.path, '-'], { encoding: 'utf8' });
      if (language === 'kk') {
        expect(text).toContain('Орындалған жұмыстар (көрсетілген қызметтер) актісі');
        expect(text).toContain('Кезең: 2026 жылғы желтоқсан');
        expect(text).toMatch(/Барлығы\s+6\s+21\s+119\s+54\s+3\s+8\s+0\s+0\s+56\s+54\s+105\u00a0?\s?935/);
        expect(text).toContain('Меңгеруші: ____________________ (қолы)');
        expect(text).toContain('Бухгалтер: ____________________ (қолы)');
      } else {
        expect(text).toContain('Составлен: 5 января 2027 г.');
        expect(text).toMatch(/Итого\s+6\s+21\s+119\s+54/);
        // The headers wrap between words only: the longest word of each stays whole.
        for (const word of ['Оплачиваемых', 'Возможных', 'посещения', 'санаторий']) expect(text).toContain(word);
        expect(text).toContain('Заведующая: ____________________ (подпись)');
      }
      expect(existsSync(pageImages(file.path, `act-${language}`))).toBe(true);
    }
  });

  it('says the month is not over when drawn up inside it', async () => {
    const { kit, act } = await scene();
    kit.clock.set('2026-12-22T05:00:00.000Z');
    const rows = await workbookRows((await act('xlsx', 'kk')).path);
    expect(rows.map((r) => r[0])).toContain('Ай әлі аяқталмаған: деректер 2026 жылғы 22 желтоқсан күнгі жағдай бойынша.');
    // The Russian date ends in "г.": the sentence ends there, not in a second full stop.
    const ru = await workbookRows((await act('xlsx', 'ru')).path);
    expect(ru.map((r) => r[0])).toContain('Месяц не закончился: данные на 22 декабря 2026 г.');
  });
});
