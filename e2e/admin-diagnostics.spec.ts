// The admin's diagnostics page, and the support bundle it saves: the logs and the report, with nobody's name or PIN.
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { expect, readDatabase, test } from './support/kiosk-test.js';
import { demoStaff, signInByName } from './support/staff-steps.js';

test('the admin sees the kiosk diagnostics in Russian and saves a support bundle with the logs and no personal data', async ({ kiosk }) => {
  const { page } = kiosk;
  await page.getByTestId('language-ru').click();
  // A check-in first, so the records and the log have something in them.
  await kiosk.typeCard('0004512346', 5);
  await expect(page.getByTestId('done-screen')).toHaveAttribute('data-outcome', 'recorded');
  await expect(page.getByTestId('idle-screen')).toBeVisible();

  await signInByName(page, demoStaff.admin.id, demoStaff.admin.pin);
  await page.getByTestId('admin-open').click();
  await page.getByTestId('admin-tab-diagnostics').click();
  const version = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  await expect(page.getByTestId('diagnostics-version')).toContainText(`Версия${version.version} (веб-хост)`);
  const [device] = readDatabase<{ device_id: string }>(kiosk.host.databasePath, 'SELECT DISTINCT device_id FROM attendance_events');
  await expect(page.getByTestId('diagnostics-deviceId')).toContainText(device?.device_id ?? 'no device');
  await expect(page.getByTestId('diagnostics-dataDir')).toContainText(kiosk.host.dataDir);
  await expect(page.getByTestId('diagnostics-disk')).toContainText('свободно');
  await expect(page.getByTestId('diagnostics-counts')).toContainText('приходов и уходов: 1');
  await expect(page.getByTestId('diagnostics-chain')).toContainText('Цела');
  await expect(page.getByTestId('diagnostics-backups')).toContainText('второе место: не выбрано');
  await expect(page.getByTestId('diagnostics-readers')).toContainText('HID-считыватели не настроены');
  await expect(page.getByTestId('diagnostics-sync')).toContainText('Не подключён к городскому серверу');
  await expect(page.getByTestId('diagnostics-clock')).toContainText('часовой пояс');
  await expect(page.getByTestId('diagnostics-memory')).toContainText('МБ');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('diagnostics-bundle').click()]);
  expect(download.suggestedFilename()).toMatch(/^esik-support-\d{8}-\d{6}-[0-9a-f]{4}\.zip$/);
  // Said in words, the file by its name and the folder by what a person knows it as, never a path.
  await expect(page.getByTestId('diagnostics-bundle-saved')).toHaveText(/^Файл «esik-support-\d{8}-\d{6}-[0-9a-f]{4}\.zip» сохранён в папку «Загрузки» этого браузера\.$/);
  const entries = unzipSync(new Uint8Array(readFileSync(await download.path())));
  const names = Object.keys(entries);
  expect(names).toContain('diagnostics.json');
  expect(names.some((name) => /^logs\/esik-\d{4}-\d{2}-\d{2}\.log$/.test(name))).toBe(true);
  const report = JSON.parse(strFromU8(entries['diagnostics.json'] ?? new Uint8Array())) as { counts: { events: number }; screen: { userAgent: string } };
  expect(report.counts.events).toBe(1);
  expect(report.screen.userAgent).toContain('Chrome');
  const text = names.map((name) => strFromU8(entries[name] ?? new Uint8Array())).join('\n');
  expect(text).toContain('"proc":"web"');
  const people = readDatabase<{ first_name: string; last_name: string }>(
    kiosk.host.databasePath,
    'SELECT first_name, last_name FROM children UNION ALL SELECT first_name, last_name FROM companions UNION ALL SELECT first_name, last_name FROM staff',
  ).flatMap((row) => [row.first_name, row.last_name]);
  for (const name of people) expect(text).not.toContain(name);
  expect(text).not.toContain('0004512346');
  expect(text).not.toMatch(new RegExp(`(?<!\\d)${demoStaff.admin.pin}(?!\\d)`));
});
