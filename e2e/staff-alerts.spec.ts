// A companion who may bring children but not collect them tries to in the evening: she sees only "ask a staff
// member"; the door shows nobody what happened, only a count on the staff entry; the staff read it after signing in,
// one alert however often she tried, kept across a reload until a staff member handles it.
import type { Page } from '@playwright/test';
import { expect, test } from './support/kiosk-test.js';
import { demoStaff, signInByName, staffAudit, writeSetting } from './support/staff-steps.js';

const FATHER_TWO_CHILDREN = '0004512347';
const NANNY_MAY_NOT_COLLECT = '0004512348';

/** Nothing of the alert's words anywhere on the door. */
async function saysNothingPublic(page: Page): Promise<void> {
  const body = page.locator('body');
  await expect(body).not.toContainText('алып кете алмайды');
  await expect(body).not.toContainText('Ерасыл');
  await expect(body).not.toContainText('Қызметкерлерге:');
}

test('a refused pick-up is private: a count on the staff entry, the words on the staff screen, kept until handled', async ({ kiosk }) => {
  const { page } = kiosk;
  // The spec runs at any wall-clock hour: past the closing time that alert would add itself to the count.
  writeSetting(kiosk.host.databasePath, 'closingTime', '23:59');
  // The father brings Ерасыл and Інжу in the morning...
  await kiosk.typeCard(FATHER_TWO_CHILDREN, 5);
  await page.getByTestId('confirm-button').click();
  await expect(page.getByTestId('receipt-entry')).toHaveCount(2);
  await expect(page.getByTestId('idle-screen')).toBeVisible({ timeout: 10_000 });
  await expect(page.getByTestId('staff-alert-count')).toHaveCount(0);

  // ...and the nanny, who may only bring them, comes to collect them.
  await kiosk.typeCard(NANNY_MAY_NOT_COLLECT, 5);
  await expect(page.getByTestId('choose-screen')).toBeVisible();
  await expect(page.getByTestId('confirm-button')).toHaveCount(0);
  // The companion reads the neutral text only; the names of who may not take whom are for staff.
  await expect(page.getByTestId('choose-screen')).toContainText('Қызметкерге жүгініңіз');
  await expect(page.getByTestId('choose-screen')).not.toContainText('алып кете алмайды');
  await page.getByTestId('cancel-button').click();
  await expect(page.getByTestId('idle-screen')).toBeVisible();
  const count = page.getByTestId('staff-alert-count');
  await expect(count).toHaveText('1');
  await saysNothingPublic(page);

  // She tries again: still one alert, seen twice.
  await kiosk.typeCard(NANNY_MAY_NOT_COLLECT, 5);
  await expect(page.getByTestId('choose-screen')).toBeVisible();
  await page.getByTestId('cancel-button').click();
  await expect(page.getByTestId('idle-screen')).toBeVisible();
  await expect(count).toHaveText('1');

  // A reload keeps it.
  await page.reload();
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  await expect(count).toHaveText('1');
  await saysNothingPublic(page);

  // The duty teacher signs in and reads it, in Kazakh with its endings, with how often.
  await signInByName(page, demoStaff.duty.id, demoStaff.duty.pin);
  const alert = page.getByTestId('staff-kept-alert');
  await expect(alert).toHaveCount(1);
  await expect(alert).toHaveAttribute('data-count', '2');
  await expect(alert).toContainText('Гүлнар Ерасыл мен Інжуді алып кете алмайды');
  await expect(alert.getByTestId('staff-kept-alert-seen')).toHaveText(/^2 рет, соңғысы \d{2}:\d{2}-(да|де|та|те)$/);
  await alert.getByTestId('staff-alert-handled').click();
  await expect(alert).toHaveCount(0);
  expect(staffAudit(kiosk.host.databasePath).filter((row) => row.action === 'staff-alert-handled')).toEqual([
    { action: 'staff-alert-handled', staff_id: demoStaff.duty.id, detail: JSON.stringify({ kind: 'pickup-not-allowed', sightings: 2 }) },
  ]);

  // Gone after a reload too: no count at the door.
  await page.reload();
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  await expect(page.getByTestId('idle-screen')).toBeVisible();
  await expect(count).toHaveCount(0);
  expect(kiosk.events().filter((e) => e.kind === 'departure')).toEqual([]);
});

test('no alert in the morning when the nanny brings Інжу while Ерасыл, whom she may not collect, is already in', async ({ kiosk }) => {
  const { page } = kiosk;
  // The spec runs at any wall-clock hour: past the closing time that alert would add itself to the count.
  writeSetting(kiosk.host.databasePath, 'closingTime', '23:59');
  // The father brings Ерасыл only.
  await kiosk.typeCard(FATHER_TWO_CHILDREN, 5);
  await page.getByTestId('child-tile').filter({ hasText: 'Інжу' }).click();
  await page.getByTestId('confirm-button').click();
  await expect(page.getByTestId('receipt-entry')).toHaveCount(1);
  await expect(page.getByTestId('idle-screen')).toBeVisible({ timeout: 10_000 });

  // Гүлнар brings Інжу: Ерасыл is shown greyed, nobody is alerted, nothing is kept as refused.
  await kiosk.typeCard(NANNY_MAY_NOT_COLLECT, 5);
  const yerasyl = page.getByTestId('child-tile').filter({ hasText: 'Ерасыл' });
  await expect(yerasyl).toHaveAttribute('data-allowed', 'false');
  await expect(page.getByTestId('child-tile').filter({ hasText: 'Інжу' })).toHaveAttribute('data-selected', 'true');
  await page.getByTestId('confirm-button').click();
  await expect(page.getByTestId('receipt-heading')).toHaveText('Келді');
  await expect(page.getByTestId('receipt-entry')).toHaveCount(1);
  await expect(page.getByTestId('receipt-entry')).toContainText('Інжу');
  await expect(page.getByTestId('idle-screen')).toBeVisible({ timeout: 10_000 });
  await expect(page.getByTestId('staff-alert-count')).toHaveCount(0);
  expect(kiosk.refusedAttempts()).toEqual([]);
  expect(kiosk.events().map((e) => [e.child_id, e.kind])).toEqual([
    ['ch0004', 'arrival'],
    ['ch0005', 'arrival'],
  ]);
});
