// The kindergarten's clock on the screens: the admin sets the zone in the console, and the pages tell times in it even
// when the browser is in another zone (New York here, ten hours behind Almaty). The warning about the OS zone stands
// while the OS's offset is not the kindergarten's.
import { toLocalTime } from '../shared/domain/local-time.js';
import { expect, readDatabase, test } from './support/kiosk-test.js';
import { demoStaff, signInByName } from './support/staff-steps.js';

test.use({ timezoneId: 'America/New_York' });

/** "03.12.2026 20:15" in Almaty now, and a minute on (the page may be read across a minute's turn). */
function almatyNow(): string[] {
  return [0, 60_000].map((ahead) => {
    const at = toLocalTime(new Date(Date.now() + ahead), 'Asia/Almaty');
    return `${at.localDate.slice(8, 10)}.${at.localDate.slice(5, 7)}.${at.localDate.slice(0, 4)} ${at.hhmm}`;
  });
}

test("the console sets the kindergarten's zone and shows Almaty's time in a browser set to New York", async ({ kiosk }) => {
  const { page } = kiosk;
  await page.getByTestId('language-en').click();
  // The browser's own clock is New York's: what the pages show must not come from it.
  expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('America/New_York');
  await signInByName(page, demoStaff.admin.id, demoStaff.admin.pin);
  await page.getByTestId('admin-open').click();
  await page.getByTestId('admin-tab-settings').click();
  await expect(page.getByTestId('time-zone-section')).toContainText('The kindergarten’s clock');
  // Kazakhstan's zones come first, by their names.
  await expect(page.getByTestId('time-zone-picker').locator('option').first()).toHaveText('Astana, Almaty, Shymkent and most regions — Asia/Almaty (UTC+05:00)');
  await page.getByTestId('time-zone-picker').selectOption('Asia/Almaty');
  await page.getByTestId('time-zone-save').click();
  await expect(page.getByTestId('time-zone-message')).toContainText('Saved: the kiosk now counts days and times in Asia/Almaty.');
  await expect(page.getByTestId('time-zone-now')).toContainText('(UTC+05:00)');
  const audit = readDatabase<{ action: string; staff_id: string; detail: string }>(kiosk.host.databasePath, "SELECT action, staff_id, detail FROM admin_audit WHERE action = 'time-zone-set'");
  expect(audit.map((row) => [row.action, row.staff_id, (JSON.parse(row.detail) as { to: string }).to])).toEqual([['time-zone-set', demoStaff.admin.id, 'Asia/Almaty']]);

  // The OS under the kiosk (this machine) may or may not be at +05: the warning says so exactly when it is not.
  const osOffsetNow = -new Date().getTimezoneOffset();
  const warning = page.getByTestId('clock-warning-os-zone-offset-differs');
  if (osOffsetNow === 300) await expect(warning).toHaveCount(0);
  else await expect(warning).toContainText('(UTC+05:00)');

  await page.getByTestId('admin-tab-diagnostics').click();
  const clock = page.getByTestId('diagnostics-clock');
  await expect(clock).toContainText(', time zone');
  const shown = (await clock.textContent()) ?? '';
  expect(almatyNow().some((time) => shown.includes(time)), `"${shown}" tells Almaty's time (${almatyNow().join(' or ')})`).toBe(true);
});
