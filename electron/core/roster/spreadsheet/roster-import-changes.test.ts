// A spreadsheet's roster goes through the same paths as the admin's hand edits: real SQLite, real workbooks written by
// exceljs and sent in pieces as the console sends them. Its changes are roster_changes rows naming the admin, queued
// for the city and audited; its cards are credential changes; a child left out leaves with her days kept in the табель
// and comes back with a new period; a file is applied whole or not at all; where the city keeps the roster it is refused.
import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { adminKit, value } from '../../admin/testing/admin-kit.js';
import { SYNC_KEYS, SyncStateStore } from '../../ledger/sync-state.js';
import { bytesOf, downloadedWorkbook, previewed, sheet, upload } from './testing/roster-files.js';

type Kit = ReturnType<typeof adminKit>;
const count = (kit: Kit, sql: string): number => kit.db.prepare(sql).pluck().get() as number;

/** The file the admin sends back with a new child in Жұлдыз, her aunt, the aunt's card and printed QR card, and her right. */
async function withNewFamily(kit: Kit, sessionId: string, card = '0004512400'): Promise<ExcelJS.Workbook> {
  const workbook = await downloadedWorkbook(kit, sessionId);
  sheet(workbook, 'Дети').addRow(['', 'Сәрсенова', 'Дана', 'Жұлдыз', '14.02.2022', 'девочка']);
  sheet(workbook, 'Сопровождающие').addRow(['', 'Сәрсенова', 'Гүлмира', 'тётя', '+7 701 555 12 34']);
  sheet(workbook, 'Карты').addRow(['', 'Сәрсенова Гүлмира', '', 'карта', card, 'нет']);
  sheet(workbook, 'Карты').addRow(['', 'Сәрсенова Гүлмира', '', 'QR', '', 'нет']);
  sheet(workbook, 'Кто приводит и забирает').addRow(['Сәрсенова Дана', '', 'Сәрсенова Гүлмира', '', 'да', 'да', 'нет']);
  return workbook;
}

/** Previews the file and applies it as previewed. */
async function imported(kit: Kit, sessionId: string, bytes: Uint8Array) {
  const uploadId = upload(kit, sessionId, bytes);
  const p = await previewed(kit, sessionId, uploadId);
  expect(p.problems).toEqual([]);
  return { preview: p, applied: await kit.call('adminRosterImportApply', { sessionId, uploadId, skipProblemRows: false, expected: p.counts }) };
}

/** Rows a file might leave behind: the roster, its change logs, the outbox and the admin's trail. */
function everything(kit: Kit) {
  const all = (sql: string) => kit.db.prepare(sql).all();
  return {
    groups: all('SELECT * FROM groups ORDER BY id'),
    children: all('SELECT * FROM children ORDER BY id'),
    enrolments: all('SELECT * FROM child_enrolments ORDER BY id'),
    companions: all('SELECT * FROM companions ORDER BY id'),
    links: all('SELECT * FROM companion_children ORDER BY companion_id, child_id'),
    credentials: all('SELECT * FROM credentials ORDER BY id'),
    rosterChanges: all('SELECT * FROM roster_changes ORDER BY id'),
    cardChanges: all('SELECT * FROM credential_changes ORDER BY id'),
    outbox: all('SELECT record_id, record_type FROM sync_outbox ORDER BY seq'),
    audit: all("SELECT action, staff_id FROM admin_audit WHERE action <> 'roster-exported' ORDER BY rowid"),
  };
}

describe('a roster spreadsheet applied through the roster editor and the card enrolment', () => {
  it('records each change as the admin’s, queues it for the city and audits it; the same file again changes nothing', async () => {
    const kit = adminKit();
    const sessionId = await kit.signIn();
    const bytes = await bytesOf(await withNewFamily(kit, sessionId));
    const { preview, applied } = await imported(kit, sessionId, bytes);
    expect(value(applied)).toEqual({ outcome: 'applied', counts: preview.counts, skippedRows: 0 });

    const changes = kit.db.prepare('SELECT id, batch_id AS batchId, kind, source, staff_id AS staffId FROM roster_changes ORDER BY rowid').all() as {
      id: string;
      batchId: string;
      kind: string;
      source: string;
      staffId: string;
    }[];
    expect(changes.map((c) => c.kind)).toEqual(['child', 'companion', 'link']);
    expect(changes.every((c) => c.source === 'spreadsheet' && c.staffId === 'head')).toBe(true);
    expect(new Set(changes.map((c) => c.batchId)).size).toBe(1);
    // Each change is a roster-change record for the city under the change's own id; the card is a credential change.
    const queued = kit.db.prepare('SELECT record_id AS id, record_type AS type FROM sync_outbox ORDER BY seq').all() as { id: string; type: string }[];
    expect(queued.filter((r) => r.type === 'roster-change').map((r) => r.id)).toEqual(changes.map((c) => c.id));
    const cardChange = kit.db.prepare('SELECT id, credential_id AS credentialId, action, kind, value, staff_id AS staffId FROM credential_changes ORDER BY rowid').all() as {
      id: string;
      credentialId: string;
    }[];
    expect(cardChange).toEqual([
      expect.objectContaining({ action: 'enrol', kind: 'rfid', value: '4512400', staffId: 'head' }),
      // A printed QR card's credential names itself: the card's signed code carries that id.
      expect.objectContaining({ action: 'enrol', kind: 'qr', value: cardChange[1]?.credentialId, staffId: 'head' }),
    ]);
    expect(queued.filter((r) => r.type === 'credential-change').map((r) => r.id)).toEqual(cardChange.map((c) => c.id));
    const audit = kit.db.prepare("SELECT action, staff_id AS staffId, detail FROM admin_audit WHERE action <> 'roster-exported' ORDER BY rowid").all() as {
      action: string;
      staffId: string;
      detail: string;
    }[];
    expect(audit.map((a) => a.action)).toEqual(['roster-changed', 'roster-changed', 'roster-changed', 'card-enrolled', 'card-enrolled', 'roster-imported']);
    expect(audit.every((a) => a.staffId === 'head')).toBe(true);
    expect(JSON.parse(audit[5]?.detail ?? '{}')).toMatchObject({ batchId: changes[0]?.batchId, rosterChanges: 3, cardChanges: 2 });
    // What only a spreadsheet has is written beside the editor's rows.
    expect(kit.db.prepare("SELECT birth_date AS b, gender AS g, active FROM children WHERE first_name = 'Дана'").get()).toEqual({ b: '2022-02-14', g: 'female', active: 1 });
    expect(kit.db.prepare("SELECT phone FROM companions WHERE first_name = 'Гүлмира'").pluck().get()).toBe('+7 701 555 12 34');

    // The same file again: no change, no record, only the import itself audited.
    const before = everything(kit);
    const again = await imported(kit, sessionId, bytes);
    expect(again.preview.unchanged).toBe(true);
    value(again.applied);
    const after = everything(kit);
    expect({ ...after, audit: after.audit.slice(0, -1) }).toEqual(before);
    expect(after.audit.at(-1)).toEqual({ action: 'roster-imported', staff_id: 'head' });
  });

  it('lets a child left out of the file leave: her period closes, the табель keeps her days, and she comes back with a new period', async () => {
    const kit = adminKit(); // Tuesday 5 January 2027, 10:00 in Almaty
    let sessionId = await kit.signIn();
    kit.event('alisa', 'arrival', '2027-01-04T03:00:00.000Z');
    const workbook = await downloadedWorkbook(kit, sessionId);
    const children = sheet(workbook, 'Дети');
    children.spliceRows(children.getColumn(1).values.indexOf('alisa'), 1);
    const pickup = sheet(workbook, 'Кто приводит и забирает');
    pickup.spliceRows(pickup.getColumn(2).values.indexOf('alisa'), 1);
    const { preview, applied } = await imported(kit, sessionId, await bytesOf(workbook));
    expect(preview.counts.children).toEqual({ added: 0, changed: 0, removed: 1 });
    value(applied);

    expect(kit.db.prepare("SELECT active FROM children WHERE id = 'alisa'").pluck().get()).toBe(0);
    expect(kit.db.prepare("SELECT until_day FROM child_enrolments WHERE child_id = 'alisa'").pluck().all()).toEqual(['2027-01-05']);
    expect(kit.db.prepare("SELECT kind, source FROM roster_changes WHERE entity_key = 'alisa'").all()).toEqual([{ kind: 'child-left', source: 'spreadsheet' }]);
    // Her rights went with her; her mother's card stays live (the file still lists it).
    expect(count(kit, "SELECT count(*) FROM companion_children WHERE child_id = 'alisa'")).toBe(0);
    expect(kit.db.prepare("SELECT revoked_at FROM credentials WHERE id = 'cr-elena'").pluck().get()).toBeNull();

    kit.clock.advance(7 * 24 * 60 * 60 * 1000);
    sessionId = await kit.signIn();
    const tabel = value(kit.call('adminTabel', { sessionId, groupId: 'g2', month: '2027-01', language: 'ru' }));
    const row = tabel.rows.find((r) => r.childId === 'alisa');
    expect(row?.marks[3]).toBe('present'); // Monday the 4th
    expect(row?.marks[4]).not.toBe('not-enrolled'); // the 5th, her last day
    expect(row?.marks.slice(5, 12).every((m) => m === 'not-enrolled')).toBe(true);

    // A week later the file has her again (the template's own row for her): a new period from today.
    const back = await downloadedWorkbook(kit, sessionId);
    sheet(back, 'Дети').addRow(['alisa', 'Иванова', 'Алиса', 'Жұлдыз', '', '']);
    sheet(back, 'Кто приводит и забирает').addRow(['', 'alisa', '', 'elena', 'да', 'да', 'нет']);
    const rejoined = await imported(kit, sessionId, await bytesOf(back));
    expect(rejoined.preview.counts.children).toEqual({ added: 1, changed: 0, removed: 0 });
    value(rejoined.applied);
    expect(kit.db.prepare("SELECT from_day AS fromDay, until_day AS untilDay FROM child_enrolments WHERE child_id = 'alisa' ORDER BY id").all()).toEqual([
      { fromDay: null, untilDay: '2027-01-05' },
      { fromDay: '2027-01-12', untilDay: null },
    ]);
  });

  it('takes a file of a whole kindergarten, hundreds of changes, as one batch in one transaction', async () => {
    const kit = adminKit();
    const sessionId = await kit.signIn();
    const workbook = await downloadedWorkbook(kit, sessionId);
    for (let i = 1; i <= 120; i++) {
      sheet(workbook, 'Дети').addRow([`kid-${i}`, 'Бала', `Бала${i}`, i % 2 === 0 ? 'Балапан' : 'Жұлдыз', '', '']);
      sheet(workbook, 'Сопровождающие').addRow([`kin-${i}`, 'Ата', `Ата${i}`, 'дедушка', '']);
      sheet(workbook, 'Кто приводит и забирает').addRow(['', `kid-${i}`, '', `kin-${i}`, 'да', 'да', 'нет']);
    }
    const { applied } = await imported(kit, sessionId, await bytesOf(workbook));
    value(applied);
    expect(kit.db.prepare('SELECT count(*) AS n, count(DISTINCT batch_id) AS batches FROM roster_changes').get()).toEqual({ n: 360, batches: 1 });
    expect(count(kit, "SELECT count(*) FROM sync_outbox WHERE record_type = 'roster-change'")).toBe(360);
  });

  it('undoes the whole file when the card enrolment refuses one of its cards: nothing of it is applied or queued', async () => {
    const kit = adminKit();
    const sessionId = await kit.signIn();
    // A staff card handed back: the reading takes only live staff cards as taken, the enrolment refuses any staff card.
    kit.db.prepare("INSERT INTO staff_cards (id, staff_id, value, revoked_at) VALUES ('sc-old', 'duty', '4512401', '2026-12-01T10:00:00.000+05:00')").run();
    const bytes = await bytesOf(await withNewFamily(kit, sessionId, '0004512401'));
    const before = everything(kit);
    const { applied } = await imported(kit, sessionId, bytes);
    expect(value(applied)).toEqual({ outcome: 'refused', reason: 'card', detail: 'card 4512401: staff-card' });
    expect(everything(kit)).toEqual(before);
  });

  it('is refused where the city keeps the roster, and taken where the city leaves it to the kindergarten', async () => {
    const kit = adminKit();
    const sessionId = await kit.signIn();
    const bytes = await bytesOf(await withNewFamily(kit, sessionId));
    const uploadId = upload(kit, sessionId, bytes);
    const p = await previewed(kit, sessionId, uploadId);

    // The kiosk is enrolled with a city that keeps the roster (its default).
    new SyncStateStore(kit.db).set(SYNC_KEYS.serverUrl, 'https://city.example.kz');
    const before = everything(kit);
    expect(value(kit.call('adminRosterImportInfo', { sessionId })).allowed).toBe(false);
    const refused = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error?.code);
    expect(refused(kit.call('adminRosterImportBegin', { sessionId, fileName: 'roster.xlsx', bytes: bytes.length }))).toBe('ROSTER_MANAGED_BY_CITY');
    expect(refused(await kit.call('adminRosterImportPreview', { sessionId, uploadId, skipProblemRows: false }))).toBe('ROSTER_MANAGED_BY_CITY');
    expect(refused(await kit.call('adminRosterImportApply', { sessionId, uploadId, skipProblemRows: false, expected: p.counts }))).toBe('ROSTER_MANAGED_BY_CITY');
    expect(everything(kit)).toEqual(before);

    // The city's roster says the kindergarten keeps it: the same file goes through.
    kit.settings.set('rosterManagedBy', 'kindergarten');
    expect(value(kit.call('adminRosterImportInfo', { sessionId })).allowed).toBe(true);
    value(await kit.call('adminRosterImportApply', { sessionId, uploadId, skipProblemRows: false, expected: p.counts }));
    expect(count(kit, "SELECT count(*) FROM roster_changes WHERE source = 'spreadsheet'")).toBe(3);
  });
});
