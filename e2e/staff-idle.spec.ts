// A staff session left alone returns to the door by itself, and the timeout is on record. The idle time is a
// setting; the test sets it to a few seconds in the running kiosk's database.
import { expect, test } from './support/kiosk-test.js';
import { demoStaff, signInByName, staffAudit, writeSetting } from './support/staff-steps.js';

const IDLE_SECONDS = 5;

test('an idle staff session returns to the door and is logged as a timeout', async ({ kiosk }) => {
  const { page } = kiosk;
  writeSetting(kiosk.host.databasePath, 'staffIdleSeconds', IDLE_SECONDS);
  await signInByName(page, demoStaff.admin.id, demoStaff.admin.pin);
  await page.getByTestId('staff-menu-headcount').click();
  await expect(page.getByTestId('headcount-page')).toBeVisible();

  await expect(page.getByTestId('idle-screen')).toBeVisible({ timeout: (IDLE_SECONDS + 5) * 1000 });
  await expect(page.getByTestId('staff-session')).toHaveCount(0);
  await expect.poll(() => staffAudit(kiosk.host.databasePath).map((a) => [a.action, a.staff_id])).toEqual([
    ['sign-in', 'staff-admin'],
    ['session-timeout', 'staff-admin'],
  ]);

  // The door works at once: a card checks in as usual.
  await kiosk.typeCard('0004512346', 5);
  await expect(page.getByTestId('done-screen')).toHaveAttribute('data-outcome', 'recorded');
});
