// A card the door does not know, tapped again and again, is one entry on the admin's Refused page with its count.
import { expect, test } from './support/kiosk-test.js';
import { demoStaff, signInByName } from './support/staff-steps.js';

const UNKNOWN_CARD = '0009999999';

test('the same unknown card tapped three times is one refused entry, counted', async ({ kiosk }) => {
  const { page } = kiosk;
  for (let i = 0; i < 3; i++) {
    await kiosk.typeCard(UNKNOWN_CARD, 5);
    await expect(page.getByTestId('error-message')).toHaveAttribute('data-code', 'UNKNOWN_CARD');
  }
  await expect.poll(() => kiosk.refusedAttempts()).toEqual([{ presented: '9999999', reason: 'unknown-card' }]);

  await signInByName(page, demoStaff.admin.id, demoStaff.admin.pin);
  await page.getByTestId('admin-open').click();
  await page.getByTestId('admin-tab-refused').click();
  await expect(page.getByTestId('refused-entry')).toHaveCount(1);
  await expect(page.getByTestId('refused-entry')).toContainText('9999999');
  await expect(page.getByTestId('refused-repeated')).toContainText('×3');
});
