// The head sets the per-capita norm and counts illness as attended on the Settings page, then downloads the month's
// act of completed work from the табель tab: the XLSX holds the morning's child-days and the money by that rule, the
// PDF (A4, rendered to an image) names the act, the rule and both signature lines.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './support/kiosk-test.js';
import { firstSheetRows } from './support/workbook-rows.js';
import { demoMorningThenConsole } from './support/staff-steps.js';

test('the admin downloads the monthly act as XLSX and PDF, with the norm she set', async ({ kiosk }, testInfo) => {
  const { page } = kiosk;
  await demoMorningThenConsole(kiosk);

  await page.getByTestId('admin-tab-settings').click();
  await expect(page.getByTestId('setting-perCapitaNormTenge')).toHaveValue('41197');
  await page.getByTestId('setting-perCapitaNormTenge').fill('42000');
  await page.getByTestId('setting-actCountedReasons-sick').check();
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('settings-message')).toBeVisible();
  await expect(page.getByTestId('setting-actCountedReasons-sick')).toBeChecked();

  await page.getByTestId('admin-tab-tabel').click();
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('act-export-xlsx').click()]);
  // Said in words: the file's name and the Downloads folder, not the kiosk's path.
  await expect(page.getByTestId('act-exported')).toHaveText(`«${xlsx.suggestedFilename()}» файлы осы браузердің «Жүктеулер» қалтасына сақталды.`);
  expect(xlsx.suggestedFilename()).toMatch(/^act-\d{4}-\d{2}-kk-.+\.xlsx$/);
  const rows = await firstSheetRows(await xlsx.path());
  expect(rows[0]?.[0]).toBe('Орындалған жұмыстар (көрсетілген қызметтер) актісі');
  const total = rows.find((r) => r[0] === 'Барлығы');
  if (!total) throw new Error('no total row');
  const workingDays = Number(total[2]);
  expect(workingDays).toBeGreaterThan(15);
  // Three child-days, each child's 42 000 × 1 ÷ working days rounded to the tenge.
  expect(total[4]).toBe(3);
  expect(total[11]).toBe(3 * Math.floor((2 * 42000 + workingDays) / (2 * workingDays)));
  expect(rows.map((r) => r[0])).toContain('Бір балаға айлық норматив: 42\u00a0000 ₸');
  expect(rows.map((r) => r[0])).toContain('Келген күн ретінде мыналар да есептеледі: ауру.');

  await page.getByTestId('tabel-file-language').selectOption('ru');
  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('act-export-pdf').click()]);
  expect(pdf.suggestedFilename()).toMatch(/^act-\d{4}-\d{2}-ru-.+\.pdf$/);
  const pdfPath = await pdf.path();
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  expect(text).toContain('Акт выполненных работ (оказанных услуг)');
  expect(text).toContain('Заведующая: ____________________ (подпись)');
  expect(text).toContain('Бухгалтер: ____________________ (подпись)');
  expect(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' })).toMatch(/Page size:\s+841\.89 x 595\.28 pts \(A4\)/);
  mkdirSync(testInfo.outputDir, { recursive: true });
  const png = join(testInfo.outputDir, 'act-page');
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdfPath, png]);
  expect(existsSync(`${png}.png`)).toBe(true);
});
