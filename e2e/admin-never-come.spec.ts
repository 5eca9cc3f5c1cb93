// Children who never come, through the UI: on a kiosk installed six weeks ago with nobody recorded, every child on the
// roll is listed as never seen, a child brought in today is not, and the admin's setting on the Settings page (audited)
// changes who is listed. The counts themselves are the core's, tested on fixed months (never-come-list.test.ts).
import { expect, readDatabase, test } from './support/kiosk-test.js';
import { demoStaff, installedDaysAgo, signInByName } from './support/staff-steps.js';

const MOTHER_ONE_CHILD = '0004512346';
/** The demo kindergarten's children (electron/core/demo/demo-roster.ts: 12 groups of 25). */
const DEMO_CHILDREN = 300;

test('the admin lists the children who never come, without one brought today, and the setting changes the list', async ({ kiosk }) => {
  const { page } = kiosk;
  const db = kiosk.host.databasePath;
  // Six weeks hold at least 24 school days whatever the date and its holidays: more than the default 10.
  installedDaysAgo(db, 42);

  // Алиса comes today with her mother.
  await kiosk.typeCard(MOTHER_ONE_CHILD, 5);
  await expect(page.getByTestId('done-screen')).toHaveAttribute('data-outcome', 'recorded');
  await expect(page.getByTestId('idle-screen')).toBeVisible({ timeout: 15_000 });

  await page.getByTestId('language-ru').click();
  await signInByName(page, demoStaff.admin.id, demoStaff.admin.pin);
  await page.getByTestId('admin-open').click();
  await page.getByTestId('admin-tab-neverCome').click();
  await expect(page.getByTestId('admin-tab-neverCome')).toHaveText('Не посещают');
  await expect(page.getByTestId('never-come-intro')).toContainText('не приходили 10 рабочих дней подряд или дольше');
  const rows = page.getByTestId('never-come-row');
  await expect(rows).toHaveCount(DEMO_CHILDREN - 1);
  await expect(page.locator('[data-testid="never-come-row"][data-child-id="ch0003"]')).toHaveCount(0);
  const first = rows.first();
  await expect(first.getByTestId('never-come-last-seen')).toHaveText('ни разу');
  const missed = Number(await first.getByTestId('never-come-days').textContent());
  expect(missed).toBeGreaterThanOrEqual(24);

  // More school days than the kiosk has been installed: nobody is listed. The change is the admin's, on record.
  await page.getByTestId('admin-tab-settings').click();
  await expect(page.getByTestId('setting-neverComeAfterDays')).toHaveValue('10');
  await page.getByTestId('setting-neverComeAfterDays').fill('120');
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('settings-message')).toHaveText('Сохранено');
  expect(readDatabase<{ staff_id: string; detail: string }>(db, "SELECT staff_id, detail FROM admin_audit WHERE action = 'settings-changed'").map((r) => [r.staff_id, JSON.parse(r.detail) as unknown])).toEqual([
    ['staff-admin', { neverComeAfterDays: { from: 10, to: 120 } }],
  ]);
  await page.getByTestId('admin-tab-neverCome').click();
  await expect(page.getByTestId('never-come-none')).toHaveText('Таких детей нет: все приходили или отсутствовали по уважительной причине.');
  await expect(rows).toHaveCount(0);

  // In Kazakh, the page's own words.
  await page.getByTestId('admin-back').click();
  await page.getByTestId('staff-sign-out').click();
  await page.getByTestId('language-kk').click();
  await signInByName(page, demoStaff.admin.id, demoStaff.admin.pin);
  await page.getByTestId('admin-open').click();
  await expect(page.getByTestId('admin-tab-neverCome')).toHaveText('Келмейтін балалар');
});
