// The console for a head who reads: it outlasts the door's staff idle limit and warns before it signs out; refused
// cards show their printed number and whose they are; today's records say who brought each child; the departure
// guard's minutes are a setting on the Settings page, on record.
import { expect, readDatabase, test } from './support/kiosk-test.js';
import { demoStaff, signInByName, staffAudit, writeSetting } from './support/staff-steps.js';

test('the console outlasts the door staff limit, warns in Kazakh before signing out, and stays on request', async ({ kiosk }) => {
  const { page } = kiosk;
  writeSetting(kiosk.host.databasePath, 'staffIdleSeconds', 5);
  writeSetting(kiosk.host.databasePath, 'consoleIdleSeconds', 60);
  // The page's timers run on a clock the test moves: minutes of reading pass in a moment.
  await page.clock.install();
  await signInByName(page, demoStaff.admin.id, demoStaff.admin.pin);
  await page.getByTestId('admin-open').click();
  await expect(page.getByTestId('admin-console')).toBeVisible();
  // Past the door's 5 s: the console stays, with no warning yet.
  await page.clock.fastForward(10_000);
  await expect(page.getByTestId('admin-console')).toBeVisible();
  const warning = page.getByTestId('admin-idle-warning');
  await expect(warning).toHaveCount(0);
  // 30 s before the 60 s limit the warning comes, counting down.
  await page.clock.fastForward(21_000);
  await expect(warning).toBeVisible();
  await expect(page.getByTestId('admin-idle-seconds')).toContainText('секундтан кейін жабылады');
  await page.getByTestId('admin-idle-stay').click();
  await expect(warning).toHaveCount(0);
  await page.clock.fastForward(29_000);
  await expect(page.getByTestId('admin-console')).toBeVisible();
  expect(staffAudit(kiosk.host.databasePath).map((a) => a.action)).toEqual(['sign-in']);
  // Left alone for the whole limit, it signs out to the door, on record as a timeout.
  await page.clock.fastForward(32_000);
  await expect(page.getByTestId('idle-screen')).toBeVisible();
  await expect.poll(() => staffAudit(kiosk.host.databasePath).map((a) => a.action)).toEqual(['sign-in', 'session-timeout']);
});

test('refused cards are shown as printed with their holder, today names who brought each child, and the guard is a setting', async ({ kiosk }) => {
  const { page } = kiosk;
  // No closing time in the way, whatever the hour the test runs at (past it, the sign-in opens the Closing page).
  writeSetting(kiosk.host.databasePath, 'closingTime', '23:59');
  await page.getByTestId('language-ru').click();
  await kiosk.typeCard('0004512349', 5);
  await expect(page.getByTestId('error-message')).toBeVisible();
  await kiosk.typeCard('0009999999', 5);
  await expect(page.getByTestId('error-message')).toHaveAttribute('data-code', 'UNKNOWN_CARD');
  await expect.poll(() => kiosk.refusedAttempts().length).toBe(2);
  await kiosk.typeCard('0004512346', 5);
  await expect(page.getByTestId('receipt-entry')).toHaveCount(1);

  await signInByName(page, demoStaff.admin.id, demoStaff.admin.pin);
  await page.getByTestId('staff-menu-events').click();
  await expect(page.getByTestId('staff-event-companion')).toHaveText(' · Кто привёл: Елена Иванова');
  await page.getByTestId('staff-page-back').click();

  await page.getByTestId('admin-open').click();
  await page.getByTestId('admin-tab-refused').click();
  const cards = page.getByTestId('refused-card');
  await expect(cards.filter({ hasText: '0004512349' })).toHaveText('Карта 0004512349 · владелец: Асқар Омаров · отозвана');
  await expect(cards.filter({ hasText: '0009999999' })).toHaveText('Карта 0009999999 · ни за кем не зарегистрирована');

  await page.getByTestId('admin-tab-settings').click();
  await expect(page.getByTestId('setting-departureGuardMinutes')).toHaveValue('30');
  await expect(page.getByTestId('setting-consoleIdleSeconds')).toHaveValue('600');
  await page.getByTestId('setting-departureGuardMinutes').fill('45');
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('settings-message')).toHaveText('Сохранено');
  expect(readDatabase<{ value: string }>(kiosk.host.databasePath, "SELECT value FROM settings WHERE key = 'departureGuardMinutes'")).toEqual([{ value: '45' }]);
  const audit = readDatabase<{ detail: string }>(kiosk.host.databasePath, "SELECT detail FROM admin_audit WHERE action = 'settings-changed'");
  expect(audit.map((a) => JSON.parse(a.detail) as unknown)).toEqual([{ departureGuardMinutes: { from: 30, to: 45 } }]);
});
