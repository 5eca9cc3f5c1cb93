// A demo kiosk put aside from the console, as an admin finds it: the city refuses the demo in words that name the page
// and the button, the admin follows them to This computer → Start afresh, reads what is kept and where, a wrong PIN is
// refused with nothing moved, the right one puts the demo aside and the door shows the first-run setup. The demo's
// file is then looked for in the set-aside folder, whole.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, readDatabase, test } from './support/kiosk-test.js';
import { demoStaff, signInByName } from './support/staff-steps.js';

test('Start afresh puts the demo aside with the admin’s PIN and the door opens the first-run setup', async ({ kiosk }) => {
  const { page, host } = kiosk;
  const setAside = join(host.dataDir, 'set-aside');
  const demoDevice = readDatabase<{ id: string }>(host.databasePath, 'SELECT id FROM device');

  await page.getByTestId('language-kk').click();
  await signInByName(page, demoStaff.admin.id, demoStaff.admin.pin);
  await page.getByTestId('admin-open').click();

  // Enrolling the demo is refused before any city is asked; the words say where to go.
  await page.getByTestId('admin-tab-sync').click();
  await page.getByTestId('sync-server-url').fill('http://127.0.0.1:9/');
  await page.getByTestId('sync-code').fill('ABC-123');
  await page.getByTestId('sync-enroll').click();
  await expect(page.getByTestId('sync-outcome')).toContainText('«Осы компьютер» беті, «Жаңадан бастау»');

  await page.getByRole('tab', { name: 'Осы компьютер' }).click();
  const section = page.getByTestId('start-afresh');
  await expect(section.getByRole('heading')).toHaveText('Жаңадан бастау');
  await page.getByTestId('start-afresh-open').click();
  // What is kept and where, that nothing is deleted, and that the door opens the setup.
  const confirm = page.getByTestId('start-afresh-confirm');
  await expect(page.getByTestId('start-afresh-kept')).toContainText(setAside);
  await expect(confirm).toContainText('Ештеңе жойылмайды');
  await expect(confirm).toContainText('алғашқы баптау басталады');

  await page.getByTestId('start-afresh-pin').fill('9999');
  await page.getByTestId('start-afresh-button').click();
  await expect(page.getByTestId('start-afresh-result')).toHaveText('PIN қате. Қалған әрекет: 4.');
  expect(readdirSync(host.dataDir)).not.toContain('set-aside');
  expect(readDatabase<{ demo: number }>(host.databasePath, 'SELECT demo FROM kindergarten')).toEqual([{ demo: 1 }]);

  await page.getByTestId('start-afresh-pin').fill(demoStaff.admin.pin);
  await page.getByTestId('start-afresh-button').click();
  await expect(page.getByTestId('admin-console')).toBeHidden();
  await expect(page.getByTestId('setup-screen')).toHaveAttribute('data-step', 'language');

  // The demo is kept whole in its own folder, with the admin's act in its own trail; the kiosk's file is new and empty.
  const folders = readdirSync(setAside);
  expect(folders).toHaveLength(1);
  expect(folders[0]).toMatch(/^demo-\d{8}T\d{9}Z$/);
  const kept = join(setAside, folders[0] ?? '', 'esik.sqlite');
  expect(readDatabase<{ demo: number }>(kept, 'SELECT demo FROM kindergarten')).toEqual([{ demo: 1 }]);
  expect(readDatabase<{ id: string }>(kept, 'SELECT id FROM device')).toEqual(demoDevice);
  expect(readDatabase<{ staff_id: string }>(kept, "SELECT staff_id FROM admin_audit WHERE action = 'start-afresh'")).toEqual([{ staff_id: demoStaff.admin.id }]);
  expect(readDatabase(host.databasePath, 'SELECT id FROM kindergarten')).toEqual([]);
  expect(readDatabase<{ id: string }>(host.databasePath, 'SELECT id FROM device')).not.toEqual(demoDevice);

  // A reload stays on the setup: the demo is not made again in this folder.
  await page.goto(host.url);
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  await expect(page.getByTestId('setup-screen')).toHaveAttribute('data-step', 'language');
});
