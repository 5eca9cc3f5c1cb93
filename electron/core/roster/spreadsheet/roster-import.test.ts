import { describe, expect, it } from 'vitest';
import { adminKit, value } from '../../admin/testing/admin-kit.js';
import { readSheetRoster } from './current-roster.js';
import { bytesOf, downloadedWorkbook, previewed, sheet, upload } from './testing/roster-files.js';

/** Everything of the roster tables, to compare before and after. */
function tables(kit: ReturnType<typeof adminKit>) {
  const all = (sql: string) => kit.db.prepare(sql).all();
  return {
    groups: all('SELECT * FROM groups ORDER BY id'),
    children: all('SELECT * FROM children ORDER BY id'),
    companions: all('SELECT * FROM companions ORDER BY id'),
    links: all('SELECT * FROM companion_children ORDER BY companion_id, child_id'),
    credentials: all('SELECT * FROM credentials ORDER BY id'),
  };
}

const NONE = { added: 0, changed: 0, removed: 0 };

describe('the roster spreadsheet', () => {
  it('reads back the roster it wrote, in Kazakh and in Russian: the preview shows nothing to change and the apply changes nothing', async () => {
    const kit = adminKit();
    const sessionId = await kit.signIn();
    const before = tables(kit);
    for (const language of ['kk', 'ru'] as const) {
      const workbook = await downloadedWorkbook(kit, sessionId, language);
      const uploadId = upload(kit, sessionId, await bytesOf(workbook));
      const p = await previewed(kit, sessionId, uploadId);
      expect(p.problems).toEqual([]);
      expect(p.unchanged).toBe(true);
      expect(p.counts).toEqual({ groups: NONE, children: NONE, companions: NONE, cards: NONE, links: NONE });
      value(await kit.call('adminRosterImportApply', { sessionId, uploadId, skipProblemRows: false, expected: p.counts }));
      expect(tables(kit)).toEqual(before);
    }
    const audit = kit.db.prepare("SELECT action, staff_id AS staffId, detail FROM admin_audit WHERE action LIKE 'roster-%' ORDER BY occurred_ms, rowid").all() as { action: string; staffId: string; detail: string }[];
    expect(audit.map((a) => a.action)).toEqual(['roster-exported', 'roster-imported', 'roster-exported', 'roster-imported']);
    expect(audit.every((a) => a.staffId === 'head')).toBe(true);
    expect(JSON.parse(audit[1]?.detail ?? '{}')).toMatchObject({ fileName: 'roster.xlsx', counts: { children: NONE } });
  });

  it('keeps a card number as printed, ten digits with the leading zeros, as text', async () => {
    const kit = adminKit();
    const sessionId = await kit.signIn();
    const cards = sheet(await downloadedWorkbook(kit, sessionId), 'Карты');
    const numbers = cards.getColumn(5).values.slice(2);
    expect(numbers).toEqual(['0004512345', '0004512346', '']);
    expect(cards.getCell('E2').numFmt).toBe('@');
  });

  it('adds, changes and deactivates as the file says, and a second import of the same file changes nothing', async () => {
    const kit = adminKit();
    const sessionId = await kit.signIn();
    const alisaEvent = kit.event('alisa', 'arrival', '2027-01-05T03:00:00.000Z');
    const workbook = await downloadedWorkbook(kit, sessionId);
    // Алиса leaves (her row goes); a new child and her mother with a card; Әлихан moves group and gets a birth date.
    const children = sheet(workbook, 'Дети');
    const alisaRow = children.getColumn(1).values.indexOf('alisa');
    children.spliceRows(alisaRow, 1);
    // Her mother goes with her, and her card.
    const companions = sheet(workbook, 'Сопровождающие');
    companions.spliceRows(companions.getColumn(1).values.indexOf('elena'), 1);
    const cards = sheet(workbook, 'Карты');
    cards.spliceRows(cards.getColumn(1).values.indexOf('cr-elena'), 1);
    children.addRow(['', 'Сәрсенова', 'Дана', 'Жұлдыз', '14.02.2022', 'девочка']);
    const alikhan = children.getRow(children.getColumn(1).values.indexOf('alikhan'));
    alikhan.getCell(4).value = 'Жұлдыз';
    alikhan.getCell(5).value = '08.03.2021';
    companions.addRow(['', 'Сәрсенова', 'Гүлмира', 'мать', '+7 701 555 12 34']);
    cards.addRow(['', 'Сәрсенова Гүлмира', '', 'карта', '0004512400', 'нет']);
    const pickup = sheet(workbook, 'Кто приводит и забирает');
    pickup.spliceRows(pickup.getColumn(2).values.indexOf('alisa'), 1);
    pickup.addRow(['Сәрсенова Дана', '', 'Сәрсенова Гүлмира', '', 'да', 'да', 'нет']);
    const bytes = await bytesOf(workbook);

    const uploadId = upload(kit, sessionId, bytes);
    const p = await previewed(kit, sessionId, uploadId);
    expect(p.problems).toEqual([]);
    expect(p.counts).toEqual({
      groups: NONE,
      children: { added: 1, changed: 1, removed: 1 },
      companions: { added: 1, changed: 0, removed: 1 },
      cards: { added: 1, changed: 0, removed: 1 },
      links: { added: 1, changed: 0, removed: 1 },
    });
    // Nothing changed by the preview.
    expect(kit.db.prepare("SELECT active FROM children WHERE id = 'alisa'").get()).toEqual({ active: 1 });
    value(await kit.call('adminRosterImportApply', { sessionId, uploadId, skipProblemRows: false, expected: p.counts }));

    // Алиса is kept for her history, inactive; her mother's card is revoked (it opened the door in her history).
    expect(kit.db.prepare("SELECT active FROM children WHERE id = 'alisa'").get()).toEqual({ active: 0 });
    expect(kit.db.prepare('SELECT child_id AS childId FROM attendance_events WHERE id = ?').get(alisaEvent.id)).toEqual({ childId: 'alisa' });
    expect(kit.db.prepare("SELECT revoked_at IS NOT NULL AS revoked FROM credentials WHERE id = 'cr-elena'").get()).toEqual({ revoked: 1 });
    expect(kit.db.prepare("SELECT group_id AS g, birth_date AS b FROM children WHERE id = 'alikhan'").get()).toEqual({ g: 'g2', b: '2021-03-08' });
    const dana = readSheetRoster(kit.db).children.find((c) => c.firstName === 'Дана');
    expect(dana).toMatchObject({ lastName: 'Сәрсенова', groupId: 'g2', birthDate: '2022-02-14', gender: 'female' });
    expect(kit.db.prepare("SELECT c.kind, p.phone FROM credentials c JOIN companions p ON p.id = c.companion_id WHERE c.value = '4512400'").get()).toEqual({ kind: 'rfid', phone: '+7 701 555 12 34' });

    // The same file again: nothing to change.
    const after = tables(kit);
    const again = upload(kit, sessionId, bytes);
    const second = await previewed(kit, sessionId, again);
    expect(second.unchanged).toBe(true);
    value(await kit.call('adminRosterImportApply', { sessionId, uploadId: again, skipProblemRows: false, expected: second.counts }));
    expect(tables(kit)).toEqual(after);
  });
});
