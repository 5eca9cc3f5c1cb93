// The "done means": on a fresh data folder with the demo off, a person following only the screens reaches a
// working door with a roster from a spreadsheet. Language, name, zone, the first admin, a roster of its own: the
// template downloaded and filled (exceljs, as a spreadsheet program would), a broken file and a file with a problem
// refused in words, the good one previewed and applied; the readers test with a card from that spreadsheet; the
// checklist; and the door records that card's child.
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test } from '@playwright/test';
import { cardKeys, typeAsReader } from './support/card-reader.js';
import { setUpToRoster } from './support/first-run-steps.js';
import { startKioskHost, withoutEveningPickup } from './support/kiosk-host.js';
import { expect, openKiosk, readDatabase, type StoredEvent } from './support/kiosk-test.js';

const CARD = '0004519999';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`the template has no sheet ${name}`);
  return found;
}

/** The kindergarten's roster typed into the downloaded template: one group, a child, the mother with her card. */
async function filledTemplate(page: Page, childGroup: string): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('roster-template-ru').click()]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(await download.path()) as unknown as ExcelJS.Buffer);
  expect(workbook.worksheets.map((s) => s.name)).toEqual(['Инструкция', 'Группы', 'Дети', 'Сопровождающие', 'Карты', 'Кто приводит и забирает']);
  sheet(workbook, 'Группы').addRow(['', 'Балапан', 1]);
  sheet(workbook, 'Дети').addRow(['', 'Сәрсенов', 'Әлихан', childGroup, '08.03.2021', 'мальчик']);
  sheet(workbook, 'Сопровождающие').addRow(['', 'Сәрсенова', 'Гүлмира', 'мать', '']);
  sheet(workbook, 'Карты').addRow(['', 'Сәрсенова Гүлмира', '', 'карта', CARD, 'нет']);
  sheet(workbook, 'Кто приводит и забирает').addRow(['Сәрсенов Әлихан', '', 'Сәрсенова Гүлмира', '', 'да', 'да', 'нет']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

test('from a fresh folder to a working door with a roster from a spreadsheet, following only the screens', async ({ page }, testInfo) => {
  test.setTimeout(150_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const host = withoutEveningPickup(await startKioskHost(testInfo.outputPath('data'), ['--no-demo']));
  try {
    await openKiosk(page, host);
    await setUpToRoster(page);
    const screen = page.getByTestId('setup-screen');

    // A roster of its own: the spreadsheet import opens in the step itself.
    await page.getByTestId('setup-roster-own').click();
    await expect(screen).toHaveAttribute('data-step', 'roster');
    await expect(page.getByTestId('roster-import')).toBeVisible();

    // A broken file (the workbook cut off half-way, as a failed copy leaves it): refused in words, nothing changed.
    const good = await filledTemplate(page, 'Балапан');
    await page.getByTestId('roster-import-file').setInputFiles({ name: 'roster-broken.xlsx', mimeType: XLSX, buffer: good.subarray(0, Math.floor(good.length / 2)) });
    const refused = page.getByTestId('roster-import-refused');
    await expect(refused).toHaveAttribute('data-refusal', 'damaged', { timeout: 30_000 });
    await expect(refused).toContainText('The file is damaged and cannot be read.');

    // A child in a group the file does not have: the problem at its sheet, row and column; nothing can be applied.
    const wrongGroup = await filledTemplate(page, 'Күншуақ');
    await page.getByTestId('roster-import-file').setInputFiles({ name: 'roster-wrong-group.xlsx', mimeType: XLSX, buffer: wrongGroup });
    const preview = page.getByTestId('roster-import-preview');
    await expect(preview).toContainText('roster-wrong-group.xlsx', { timeout: 30_000 });
    await expect(preview).toHaveAttribute('data-can-apply', 'false');
    await expect(page.getByTestId('roster-import-problem').first()).toHaveAttribute('data-kind', 'unknown-group');
    await expect(page.getByTestId('roster-import-problem').first()).toContainText('Күншуақ');
    expect(readDatabase(host.databasePath, 'SELECT 1 FROM children')).toEqual([]);

    // The good file: previewed with its counts, then applied.
    await page.getByTestId('roster-import-file').setInputFiles({ name: 'roster.xlsx', mimeType: XLSX, buffer: good });
    await expect(preview).toContainText('roster.xlsx', { timeout: 30_000 });
    await expect(preview).toHaveAttribute('data-can-apply', 'true');
    await expect(page.getByTestId('roster-count-children')).toContainText('Children100');
    await expect(page.getByTestId('roster-count-cards')).toContainText('Cards100');
    await page.getByTestId('roster-import-apply').click();
    await expect(page.getByTestId('roster-import-applied')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('setup-roster-done')).toContainText('Works on its own: 1 children in 1 groups');
    const [child] = readDatabase<{ id: string; first_name: string }>(host.databasePath, 'SELECT id, first_name FROM children WHERE active = 1');
    expect(child?.first_name).toBe('Әлихан');

    // The readers test with the card from the spreadsheet.
    await page.getByTestId('setup-skip').click();
    await expect(screen).toHaveAttribute('data-step', 'readers');
    await typeAsReader(page, cardKeys(CARD), 5);
    await expect(page.getByTestId('setup-reader-number')).toHaveText('Read: 4519999');

    // The checklist: everything but the camera (none in this browser) is set; finishing opens the door.
    await page.getByTestId('setup-step-checklist').click();
    for (const step of ['language', 'role', 'name', 'timeZone', 'admin', 'roster', 'readers']) await expect(page.getByTestId(`setup-check-${step}`)).toHaveAttribute('data-done', 'true');
    await page.getByTestId('setup-finish').click();
    await expect(page.getByTestId('idle-screen')).toBeVisible();
    await expect(page.getByTestId('idle-screen')).toContainText('Kindergarten No. 7 "Balapan"');

    // At the door the mother's card records her child's arrival.
    await typeAsReader(page, cardKeys(CARD), 5);
    await expect(page.getByTestId('done-screen')).toHaveAttribute('data-outcome', 'recorded');
    await expect(page.getByTestId('receipt-entry')).toContainText('Әлихан');
    const events = readDatabase<StoredEvent>(host.databasePath, 'SELECT child_id, kind, method, companion_id FROM attendance_events');
    expect(events.map((e) => [e.child_id, e.kind, e.method])).toEqual([[child?.id, 'arrival', 'rfid']]);
    // The file's group, child, companion and right are each the setup admin's roster change, then the import itself.
    const audit = readDatabase<{ action: string }>(host.databasePath, "SELECT action FROM admin_audit WHERE action LIKE 'roster-%' ORDER BY rowid");
    expect(audit.map((a) => a.action)).toEqual(['roster-changed', 'roster-changed', 'roster-changed', 'roster-changed', 'roster-imported']);
    expect(pageErrors).toEqual([]);
  } finally {
    await host.stop();
  }
});
