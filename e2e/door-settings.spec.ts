// The door's settings from the console: an HID reader added by its lsusb ids (opened at once: here, with no such
// device plugged in, staff see it as not connected), a malformed id refused in words; the default language the door
// returns to a minute after a companion switched it.
import { expect, readDatabase, test } from './support/kiosk-test.js';
import { demoStaff, signInByName } from './support/staff-steps.js';

function setting(databasePath: string, key: string): unknown {
  const [row] = readDatabase<{ value: string }>(databasePath, `SELECT value FROM settings WHERE key = '${key}'`);
  return row ? (JSON.parse(row.value) as unknown) : undefined;
}

test('the admin adds an HID reader and makes Russian the default; the door goes back to it after a minute idle', async ({ kiosk }) => {
  const { page } = kiosk;
  await page.clock.install();
  await signInByName(page, demoStaff.admin.id, demoStaff.admin.pin);
  await page.getByTestId('admin-open').click();
  await page.getByTestId('admin-tab-settings').click();
  const door = page.getByTestId('door-settings');
  await door.getByTestId('door-defaultLanguage').selectOption('ru');
  await door.getByTestId('door-sound').selectOption('quiet');
  await door.getByTestId('hid-add').click();
  const row = door.getByTestId('hid-reader-0');
  await row.getByTestId('hid-vendor').fill('ffff');
  await row.getByTestId('hid-product').fill('35g');
  await row.getByTestId('hid-name').fill('Кіреберіс');
  await expect(door.getByTestId('door-problem')).toContainText('4 он алтылық цифр');
  await expect(door.getByTestId('door-save')).toBeDisabled();
  await row.getByTestId('hid-product').fill('0035');
  await door.getByTestId('door-save').click();
  await expect(door.getByTestId('door-message')).toContainText('Сақталды');

  expect(setting(kiosk.host.databasePath, 'defaultLanguage')).toBe('ru');
  expect(setting(kiosk.host.databasePath, 'sound')).toBe('quiet');
  expect(setting(kiosk.host.databasePath, 'hidReaders')).toEqual([
    { vendorId: 0xffff, productId: 0x35, name: 'Кіреберіс', report: 'keyboard', reportId: null, format: 'auto', displayFormat: 'canonical' },
  ]);
  expect(readDatabase<{ action: string }>(kiosk.host.databasePath, 'SELECT action FROM admin_audit')).toEqual([{ action: 'settings-changed' }]);

  await page.getByTestId('admin-sign-out').click();
  const idle = page.getByTestId('idle-screen');
  // The reader was opened without a restart: no such device here, so staff see it missing.
  await expect(page.locator('[data-testid="reader-problem"][data-reader-id="hid:ffff:0035"]')).toContainText('Кіреберіс');
  // The door still speaks Kazakh (nobody switched it); a minute idle takes it to the new default.
  await expect(idle).toContainText('Картаңызды тигізіңіз');
  await page.clock.fastForward(30_000);
  await expect(idle).toContainText('Картаңызды тигізіңіз');
  await page.clock.fastForward(31_000);
  await expect(idle).toContainText('Приложите карту');

  // A companion switches to English; a touch within the minute keeps it, a minute untouched returns to Russian.
  await page.getByTestId('language-en').click();
  await expect(idle).toContainText('Tap your card');
  await page.clock.fastForward(50_000);
  await idle.click({ position: { x: 5, y: 5 } });
  await page.clock.fastForward(50_000);
  await expect(idle).toContainText('Tap your card');
  await page.clock.fastForward(11_000);
  await expect(idle).toContainText('Приложите карту');
  // The screen switches first; the core stores it a moment later.
  await expect.poll(() => setting(kiosk.host.databasePath, 'language')).toBe('ru');
});
