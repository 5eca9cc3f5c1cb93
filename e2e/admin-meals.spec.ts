// The head asks for the month's meal invoices before the daily fee is set and is told, in words, where to set it; she
// sets the fee and the kindergarten's details on the Settings page, then downloads the accountant's list (XLSX) and the
// invoices (PDF, A4, a page per family with days attended, rendered to an image) from the табель tab.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './support/kiosk-test.js';
import { firstSheetRows } from './support/workbook-rows.js';
import { demoMorningThenConsole } from './support/staff-steps.js';

test('the admin sets the meal fee, then downloads the invoices and the accountant’s list', async ({ kiosk }, testInfo) => {
  const { page } = kiosk;
  // Әлихан and Айару have only their grandmother on the roster: one family.
  await demoMorningThenConsole(kiosk);

  await page.getByTestId('admin-tab-tabel').click();
  await page.getByTestId('meal-export-pdf').click();
  await expect(page.getByTestId('meal-exported')).toHaveText('Бір күнгі тамақтану ақысы әлі белгіленбеген. Алдымен оны «Баптаулар» бетіндегі «Тамақтану шоттары» бөлімінде көрсетіңіз.');

  await page.getByTestId('admin-tab-settings').click();
  await expect(page.getByTestId('setting-mealFeeTengePerDay')).toHaveValue('0');
  await page.getByTestId('setting-mealFeeTengePerDay').fill('1500');
  await page.getByTestId('setting-kindergartenBin').fill('12345');
  await expect(page.getByTestId('meal-settings-invalid')).toBeVisible();
  await expect(page.getByTestId('meal-settings-save')).toBeDisabled();
  await page.getByTestId('setting-kindergartenBin').fill('123456789012');
  await page.getByTestId('setting-kindergartenAddress').fill('Алматы қ., Абай даңғылы, 10');
  await page.getByTestId('meal-settings-save').click();
  await expect(page.getByTestId('meal-settings-message')).toHaveText('Сақталды.');
  await page.getByTestId('meal-settings').screenshot({ path: join(testInfo.outputDir, 'meal-settings.png') });

  await page.getByTestId('admin-tab-tabel').click();
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('meal-export-xlsx').click()]);
  await expect(page.getByTestId('meal-exported')).toHaveText(`«${xlsx.suggestedFilename()}» файлы осы браузердің «Жүктеулер» қалтасына сақталды.`);
  await page.getByTestId('meal-export').screenshot({ path: join(testInfo.outputDir, 'meal-export.png') });
  expect(xlsx.suggestedFilename()).toMatch(/^meal-list-\d{4}-\d{2}-kk-.+\.xlsx$/);
  const rows = await firstSheetRows(await xlsx.path());
  expect(rows[0]?.[0]).toBe('Тамақтану ақысының бухгалтерге арналған тізімі');
  expect(rows.map((r) => r[0])).toContain('БСН: 123456789012');
  // Every child of the kindergarten has a row; the three who came today have a day each at 1 500 ₸.
  const row = (child: string) => rows.find((r) => r[2] === child);
  expect(row('Иванова Алиса')?.slice(1)).toEqual(['Иванова Елена', 'Иванова Алиса', expect.any(String), 1, 1500, 1500]);
  const alikhan = row('Жұмабаев Әлихан');
  const ayaru = row('Жұмабаева Айару');
  expect(alikhan?.slice(1)).toEqual(['Жұмабаева Бибігүл', 'Жұмабаев Әлихан', expect.any(String), 1, 1500, 1500]);
  // The cousins' grandmother is their only companion: one family, one invoice, its total below them.
  expect(ayaru?.[0]).toBe(alikhan?.[0]);
  const invoice = Number(alikhan?.[0]);
  const familyTotal = rows.find((r) => r[1] === `№ ${invoice} шот бойынша барлығы`);
  expect(familyTotal?.slice(4)).toEqual([2, '', 3000]);
  expect(rows.find((r) => r[1] === 'Барлығы')?.slice(4)).toEqual([3, '', 4500]);

  await page.getByTestId('tabel-file-language').selectOption('ru');
  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('meal-export-pdf').click()]);
  expect(pdf.suggestedFilename()).toMatch(/^meal-invoices-\d{4}-\d{2}-ru-.+\.pdf$/);
  const pdfPath = await pdf.path();
  const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
  expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
  // Two families came: two pages.
  expect(info).toMatch(/Pages:\s+2\n/);
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }).replaceAll('\u00a0', ' ');
  expect(text).toContain('Счёт на оплату питания № ');
  expect(text).toContain('Плательщик: Жұмабаева Бибігүл');
  expect(text).toContain('Плательщик: Иванова Елена');
  expect(text).toMatch(/Итого к оплате\s+3 000 ₸/);
  expect(text).toContain('БИН: 123456789012');
  expect(text).toContain('Заведующая: ____________________ (подпись)');
  expect(text).toContain('Бухгалтер: ____________________ (подпись)');
  mkdirSync(testInfo.outputDir, { recursive: true });
  const png = join(testInfo.outputDir, 'meal-invoice');
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdfPath, png]);
  expect(existsSync(`${png}.png`)).toBe(true);
});
