// The admin console's second half: printed QR cards for a companion without a smartphone, scanned back at the door;
// the kiosk's rules changed on the settings page; the sync panel of a kiosk not yet connected to the city.
import { execFileSync } from 'node:child_process';
import { scannerKeys, typeAsReader } from './support/card-reader.js';
import { expect, readDatabase, test } from './support/kiosk-test.js';
import { demoStaff, signInByName } from './support/staff-steps.js';

test("the admin prints Елена's QR card, and the code on it checks Алиса in at the door", async ({ kiosk }) => {
  const { page } = kiosk;
  await page.getByTestId('language-ru').click();
  await signInByName(page, demoStaff.admin.id, demoStaff.admin.pin);
  await page.getByTestId('admin-open').click();
  await page.getByTestId('admin-tab-cards').click();
  await page.getByTestId('cards-search').fill('елена');
  const elena = page.getByTestId('cards-holder').filter({ hasText: 'Елена' });
  await expect(elena).toHaveCount(1);
  await expect(elena).toContainText('Алиса');
  await elena.locator('input').check();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('cards-print').click()]);
  const pdf = await download.path();
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain('Покажите эту карту камере у входа');
  expect(text).toContain('Алиса');

  // The printed page, read back as a 2D scanner at the door would read the card.
  execFileSync('pdftoppm', ['-png', '-r', '200', '-singlefile', pdf, `${pdf}-page`]);
  const code = execFileSync('zbarimg', ['--quiet', '--raw', `${pdf}-page.png`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  expect(code).toMatch(/^ESK1:/);
  await page.getByTestId('admin-sign-out').click();
  await expect(page.getByTestId('idle-screen')).toBeVisible();
  await typeAsReader(page, scannerKeys(code), 3);
  await expect(page.getByTestId('done-screen')).toHaveAttribute('data-outcome', 'recorded');
  expect(kiosk.events().map((e) => [e.child_id, e.kind, e.method])).toEqual([['ch0003', 'arrival', 'qr']]);
  expect(readDatabase<{ action: string }>(kiosk.host.databasePath, 'SELECT action FROM admin_audit')).toEqual([{ action: 'qr-cards-printed' }]);
});

test('the admin changes the unexcused-days limit, and sees the kiosk is not connected to a city server yet', async ({ kiosk }) => {
  const { page } = kiosk;
  await signInByName(page, demoStaff.admin.id, demoStaff.admin.pin);
  await page.getByTestId('admin-open').click();
  await page.getByTestId('admin-tab-settings').click();
  await expect(page.getByTestId('setting-unexcusedDaysPerMonth')).toHaveValue('3');
  await page.getByTestId('setting-unexcusedDaysPerMonth').fill('4');
  await page.getByTestId('setting-closingTime').fill('18:30');
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('settings-message')).toHaveText('Сақталды');
  const settings = readDatabase<{ key: string; value: string }>(kiosk.host.databasePath, "SELECT key, value FROM settings WHERE key IN ('unexcusedDaysPerMonth', 'closingTime') ORDER BY key");
  expect(settings).toEqual([
    { key: 'closingTime', value: '"18:30"' },
    { key: 'unexcusedDaysPerMonth', value: '4' },
  ]);

  await page.getByTestId('admin-tab-sync').click();
  await expect(page.getByTestId('admin-sync')).toHaveAttribute('data-state', 'never-enrolled');
  await expect(page.getByTestId('sync-state')).toHaveText('Қалалық серверге қосылмаған');
  // The demo kiosk is refused with a message that points to "start afresh", not a crash.
  await page.getByTestId('sync-server-url').fill('ftp://example');
  await page.getByTestId('sync-code').fill('ABC-123');
  await page.getByTestId('sync-enroll').click();
  await expect(page.getByTestId('sync-outcome')).toContainText('Жаңадан бастау');
});
