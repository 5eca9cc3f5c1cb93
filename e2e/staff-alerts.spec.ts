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
