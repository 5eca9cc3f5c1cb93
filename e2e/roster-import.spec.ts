// The roster from a spreadsheet against the real core, real files and real Chromium: the workbook downloaded filled
// with the roster (cards as printed, text), a file that is no workbook refused in words, and a good file previewed,
// applied, and its new card then opening the door.
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { expect, readDatabase, test } from './support/kiosk-test.js';
import { demoStaff, signInByName } from './support/staff-steps.js';

const NEW_CARD = '0004519999';

test('the admin downloads the roster, is told a broken file is no workbook, imports a good one, and the door knows its new card', async ({ kiosk }) => {
  // Two workbooks written and read, one of them twice, on a shared machine: more than the default half minute.
  test.setTimeout(90_000);
  const { page } = kiosk;
  await page.getByTestId('language-en').click();
  await signInByName(page, demoStaff.admin.id, demoStaff.admin.pin);
  await page.getByTestId('admin-open').click();
  await page.getByTestId('admin-tab-rosterImport').click();
  await expect(page.getByTestId('roster-import')).toContainText('Roster from a spreadsheet');

  // The roster as it stands, in Russian: every sheet, the cards as printed on them.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('roster-filled-ru').click()]);
  expect(download.suggestedFilename()).toMatch(/^roster-ru-\d{8}-\d{6}-[0-9a-f]{4}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(await download.path()) as unknown as ExcelJS.Buffer);
  expect(workbook.worksheets.map((s) => s.name)).toEqual(['Инструкция', 'Группы', 'Дети', 'Сопровождающие', 'Карты', 'Кто приводит и забирает']);
  const cards = workbook.getWorksheet('Карты');
  const children = workbook.getWorksheet('Дети');
  if (!cards || !children) throw new Error('sheets missing');
  expect(cards.getColumn(5).values).toContain('0004512345');

  // Not a workbook at all: refused in words, nothing changed.
  await page.getByTestId('roster-import-file').setInputFiles({ name: 'roster.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('Әлихан;Балапан\n'.repeat(200)) });
  await expect(page.getByTestId('roster-import-refused')).toHaveAttribute('data-refusal', 'not-xlsx');
  await expect(page.getByTestId('roster-import-refused')).toContainText('This is not an Excel workbook (.xlsx)');

  // A new companion with a card, allowed to bring and collect the first child of the file.
  const childCode = children.getRow(2).getCell(1).text;
  workbook.getWorksheet('Сопровождающие')?.addRow(['', 'Сәрсенова', 'Гүлмира', 'тётя', '']);
  cards.addRow(['', 'Сәрсенова Гүлмира', '', 'карта', NEW_CARD, 'нет']);
  workbook.getWorksheet('Кто приводит и забирает')?.addRow(['', childCode, 'Сәрсенова Гүлмира', '', 'да', 'да', 'нет']);
  await page.getByTestId('roster-import-file').setInputFiles({
    name: 'roster-new-aunt.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(await workbook.xlsx.writeBuffer()),
  });
  const preview = page.getByTestId('roster-import-preview');
  await expect(preview).toContainText('roster-new-aunt.xlsx', { timeout: 30_000 });
  await expect(preview).toHaveAttribute('data-can-apply', 'true');
  await expect(page.getByTestId('roster-count-companions')).toContainText('Companions100');
  await expect(page.getByTestId('roster-count-cards')).toContainText('Cards100');
  await expect(page.getByTestId('roster-count-children')).toContainText('Children000');
  expect(readDatabase(kiosk.host.databasePath, "SELECT 1 FROM credentials WHERE value = '4519999'")).toEqual([]);
  await page.getByTestId('roster-import-apply').click();
  await expect(page.getByTestId('roster-import-applied')).toContainText('The roster is imported.');
  // The aunt and her right are the admin's roster changes, her card a card enrolment, each audited and queued for the city.
  expect(readDatabase<{ action: string }>(kiosk.host.databasePath, "SELECT action FROM admin_audit WHERE action LIKE 'roster-%' OR action LIKE 'card-%' ORDER BY occurred_ms, rowid")).toEqual([
    { action: 'roster-exported' },
    { action: 'roster-changed' },
    { action: 'roster-changed' },
    { action: 'card-enrolled' },
    { action: 'roster-imported' },
  ]);
  expect(readDatabase(kiosk.host.databasePath, "SELECT kind, source, staff_id AS staffId FROM roster_changes ORDER BY rowid")).toEqual([
    { kind: 'companion', source: 'spreadsheet', staffId: demoStaff.admin.id },
    { kind: 'link', source: 'spreadsheet', staffId: demoStaff.admin.id },
  ]);

  // At the door, the new card is the aunt's: it records her child.
  await page.getByTestId('admin-sign-out').click();
  await expect(page.getByTestId('staff-open')).toBeVisible();
  await kiosk.typeCard(NEW_CARD, 5);
  await expect(page.getByTestId('done-screen')).toHaveAttribute('data-outcome', 'recorded');
  expect(kiosk.events().map((e) => e.child_id)).toEqual([childCode]);
});
