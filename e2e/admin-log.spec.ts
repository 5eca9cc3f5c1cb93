// The head of the kindergarten at the kiosk: signs in with her PIN, records an override through the staff screens,
// opens the admin console and finds that override with its reason in the log, narrowed to one child; then exports
// the month's табель, and the test opens the downloaded XLSX with exceljs and renders the PDF.
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { toLocalTime } from '../shared/domain/local-time.js';
import { catalogs } from '../shared/i18n/catalogs.js';
import { documentMonth } from '../shared/i18n/admin/tabel-print-catalogs.js';
import { expect, test, type Kiosk } from './support/kiosk-test.js';
import { demoStaff, signInByName } from './support/staff-steps.js';

const GRANDMOTHER_TWO_GROUPS = '0004512345';
const MOTHER_ONE_CHILD = '0004512346';
const ALIKHAN = 'ch0001';

/** The demo morning: Алиса by her mother's card, Әлихан and Айару by their grandmother's; then the head signs in. */
async function morningThenAdmin(kiosk: Kiosk): Promise<void> {
  const { page } = kiosk;
  await kiosk.typeCard(MOTHER_ONE_CHILD, 5);
  await expect(page.getByTestId('receipt-entry')).toHaveCount(1);
  await kiosk.typeCard(GRANDMOTHER_TWO_GROUPS, 5);
  await page.getByTestId('confirm-button').click();
  await expect(page.getByTestId('receipt-entry')).toHaveCount(2);
  await signInByName(page, demoStaff.admin.id, demoStaff.admin.pin);
}

test('the admin finds an override and its reason in the log filtered to one child', async ({ kiosk }) => {
  const { page } = kiosk;
  await morningThenAdmin(kiosk);
  // Әлихан is collected early by an aunt who is not on the roster: the head records it by hand, with a reason.
  await page.getByTestId('staff-menu-override').click();
  await page.getByTestId('staff-search').fill('алихан');
  await page.locator(`[data-testid="staff-child"][data-child-id="${ALIKHAN}"]`).click();
  await expect(page.getByTestId('override-kind-departure')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('override-reason-other').click();
  await page.getByTestId('override-note').fill('Тәтесі дәрігерге алып кетті');
  await page.getByTestId('override-save').click();
  await expect(page.getByTestId('staff-saved')).toContainText('Әлихан');

  await page.getByTestId('admin-open').click();
  await expect(page.getByTestId('admin-console')).toBeVisible();
  // Today: Алиса and Айару are in; Әлихан has left; the override is listed with its reason.
  await expect(page.getByTestId('admin-today')).toContainText('Қазір балабақшада: 2');
  await expect(page.getByTestId('admin-today').getByTestId('log-override')).toContainText('Басқа');

  await page.getByTestId('admin-tab-log').click();
  const entries = page.getByTestId('log-entry');
  await expect(entries).toHaveCount(4);
  // Typed without Kazakh letters; the grandmother's taps match too (she is Әлихан's and Айару's companion "Бибігүл").
  await page.getByTestId('log-search').fill('алихан');
  await expect(entries).toHaveCount(2);
  await entries.first().getByTestId('log-child').click();
  await expect(page.getByTestId('log-child-chip')).toContainText('Әлихан');
  await page.getByTestId('log-search').fill('');
  await expect(entries).toHaveCount(2);
  await expect(entries.locator('[data-testid="log-child"]')).toHaveText(['Әлихан Жұмабаев', 'Әлихан Жұмабаев']);

  const override = page.locator('[data-testid="log-entry"][data-method="override"]');
  await expect(override).toHaveCount(1);
  await expect(override).toContainText('кетті');
  await expect(override.getByTestId('log-override')).toContainText('Басқа');
  await expect(override.getByTestId('log-override')).toContainText('«Тәтесі дәрігерге алып кетті»');
  await expect(override.getByTestId('log-override')).toContainText('белгілеген: Жанна Сейітова');
  await expect(override.getByTestId('log-sync')).toContainText('жіберілуін күтуде');
  const tap = page.locator('[data-testid="log-entry"][data-method="rfid"]');
  await expect(tap).toContainText('Бибігүл');

  // Narrowed further to overrides only, then the filter chip removed: the whole day is back.
  await page.getByTestId('log-method').selectOption('override');
  await expect(entries).toHaveCount(1);
  await page.getByTestId('log-child-chip').click();
  await page.getByTestId('log-method').selectOption('');
  await expect(entries).toHaveCount(4);
});

test('the admin exports the табель: the XLSX holds the counts on screen, the PDF names the group and the month', async ({ kiosk }) => {
  const { page } = kiosk;
  await morningThenAdmin(kiosk);
  await page.getByTestId('admin-open').click();
  await page.getByTestId('admin-tab-tabel').click();

  const month = toLocalTime(new Date()).localDate.slice(0, 7);
  const kk = catalogs.kk.admin;
  const monthName = `${kk.months[`m${month.slice(5, 7)}` as keyof typeof kk.months]} ${month.slice(0, 4)}`;
  await expect(page.getByTestId('tabel-month')).toHaveText(monthName);
  await expect(page.getByTestId('tabel-group')).toHaveValue('g01');
  const rows = page.getByTestId('tabel-row');
  await expect(rows.first()).toBeVisible();
  const children = await rows.count();
  expect(children).toBeGreaterThan(20);
  // Today Әлихан came (the only child of Балапан the demo morning brought): one child-day for the act.
  await expect(page.getByTestId('tabel-child-days')).toHaveText('Орындалған жұмыс актісіне бала-күндер: 1');
  const alikhanRow = rows.filter({ hasText: 'Әлихан' });
  await expect(alikhanRow.locator('[data-column="present"]')).toHaveText('1');

  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('tabel-export-xlsx').click()]);
  // Said in words: the file's name and the Downloads folder, not the kiosk's path.
  await expect(page.getByTestId('tabel-exported')).toHaveText(`«${xlsx.suggestedFilename()}» файлы осы браузердің «Жүктеулер» қалтасына сақталды.`);
  expect(xlsx.suggestedFilename()).toMatch(new RegExp(`^tabel-${month}-g01-kk-.+\\.xlsx$`));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await xlsx.path());
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no worksheet');
  const values = (n: number): unknown[] => {
    const v = sheet.getRow(n).values;
    return Array.isArray(v) ? v.slice(1) : [];
  };
  const all = Array.from({ length: sheet.rowCount }, (_, i) => values(i + 1));
  expect(all[0]?.[0]).toBe(`Келу табелі — ${documentMonth(month, 'kk')}`);
  const header = all.findIndex((r) => r[0] === '№');
  const days = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
  const presentColumn = 2 + days;
  const childRows = all.slice(header + 2, header + 2 + children);
  expect(childRows.map((r) => r[0])).toEqual(Array.from({ length: children }, (_, i) => i + 1));
  expect(childRows.find((r) => String(r[1]).includes('Әлихан'))?.[presentColumn]).toBe(1);
  expect(childRows.reduce((sum, r) => sum + Number(r[presentColumn]), 0)).toBe(1);
  expect(all[header + 2 + children]?.[presentColumn]).toBe(1);

  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('tabel-export-pdf').click()]);
  const pdfPath = await pdf.path();
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  expect(text).toContain(`Келу табелі — ${documentMonth(month, 'kk')}`);
  expect(text).toContain('Топ: Балапан');
  // The page renders: pdftoppm draws it as an A4 landscape image.
  const png = join(kiosk.host.dataDir, 'tabel-page');
  execFileSync('pdftoppm', ['-png', '-r', '30', '-f', '1', '-l', '1', '-singlefile', pdfPath, png]);
  expect(existsSync(`${png}.png`)).toBe(true);
  expect(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' })).toMatch(/Page size:\s+841\.89 x 595\.28 pts \(A4\)/);

  // The whole kindergarten in one PDF: every group of the demo roster on its own page(s).
  const [whole] = await Promise.all([page.waitForEvent('download'), page.getByTestId('tabel-export-all-pdf').click()]);
  expect(whole.suggestedFilename()).toMatch(new RegExp(`^tabel-${month}-all-kk-.+\\.pdf$`));
  const wholeText = execFileSync('pdftotext', [await whole.path(), '-'], { encoding: 'utf8' });
  const groups = await page.getByTestId('tabel-group').locator('option').allTextContents();
  expect(groups.length).toBeGreaterThan(1);
  for (const group of groups) expect(wholeText).toContain(`Топ: ${group}`);
});
