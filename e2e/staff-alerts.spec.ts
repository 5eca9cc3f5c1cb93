// A companion who may bring children but not collect them tries to in the evening: she sees only "ask a staff
// member", and the staff at the door get a banner that stays until someone presses "Seen".
import { expect, test } from './support/kiosk-test.js';

const FATHER_TWO_CHILDREN = '0004512347';
const NANNY_MAY_NOT_COLLECT = '0004512348';

test('a refused pick-up raises a staff banner that stays until dismissed', async ({ kiosk }) => {
  const { page } = kiosk;
  // The father brings Ерасыл and Інжу in the morning...
  await kiosk.typeCard(FATHER_TWO_CHILDREN, 5);
  await page.getByTestId('confirm-button').click();
  await expect(page.getByTestId('receipt-entry')).toHaveCount(2);
  await expect(page.getByTestId('staff-alerts')).toHaveCount(0);

  // ...and the nanny, who may only bring them, comes to collect them.
  await kiosk.typeCard(NANNY_MAY_NOT_COLLECT, 5);
  await expect(page.getByTestId('choose-screen')).toBeVisible();
  await expect(page.getByTestId('confirm-button')).toHaveCount(0);
  // The companion reads the neutral text only; the names of who may not take whom are for staff.
  await expect(page.getByTestId('choose-screen')).toContainText('Қызметкерге жүгініңіз');
  await expect(page.getByTestId('choose-screen')).not.toContainText('алып кете алмайды');
  const alert = page.getByTestId('staff-alert');
  await expect(alert).toHaveCount(1);
  await expect(alert).toContainText('Гүлнар');
  await expect(alert).toContainText('Ерасыл');
  await expect(alert).toContainText('Інжу');

  // The companion's screen goes; the staff banner does not.
  await page.getByTestId('cancel-button').click();
  await expect(page.getByTestId('idle-screen')).toBeVisible();
  await expect(alert).toHaveCount(1);
  await page.getByTestId('staff-alert-dismiss').click();
  await expect(page.getByTestId('staff-alerts')).toHaveCount(0);
  expect(kiosk.events().filter((e) => e.kind === 'departure')).toEqual([]);
});

test('no alert in the morning when the nanny brings Інжу while Ерасыл, whom she may not collect, is already in', async ({ kiosk }) => {
  const { page } = kiosk;
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
  await expect(page.getByTestId('staff-alerts')).toHaveCount(0);
  expect(kiosk.refusedAttempts()).toEqual([]);
  expect(kiosk.events().map((e) => [e.child_id, e.kind])).toEqual([
    ['ch0004', 'arrival'],
    ['ch0005', 'arrival'],
  ]);
});
