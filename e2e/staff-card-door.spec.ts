// The duty teacher taps her own staff card at the door: the staff sign-in opens at the PIN, and nothing is refused.
import { expect, test } from './support/kiosk-test.js';
import { demoStaff, typePin } from './support/staff-steps.js';

test('a staff card tapped at the idle door opens the staff sign-in at the PIN step, not an unknown card', async ({ kiosk }) => {
  const { page } = kiosk;
  await expect(page.getByTestId('idle-screen')).toBeVisible();
  await kiosk.typeCard(demoStaff.duty.card, 5);
  await expect(page.getByTestId('staff-sign-in')).toBeVisible();
  await expect(page.getByTestId('pin-for')).toBeVisible();
  await expect(page.getByTestId('error-message')).toHaveCount(0);
  await typePin(page, demoStaff.duty.pin);
  await expect(page.getByTestId('staff-session')).toBeVisible();
  expect(kiosk.refusedAttempts()).toEqual([]);
  expect(kiosk.events()).toEqual([]);
});

test("the duty teacher's day list offers no withdraw on a record she may not take back", async ({ kiosk }) => {
  const { page } = kiosk;
  await kiosk.typeCard('0004512346', 5); // Елена brings Алиса: a card's record, only an admin withdraws it
  await expect(page.getByTestId('done-screen')).toHaveAttribute('data-outcome', 'recorded');
  await kiosk.typeCard(demoStaff.duty.card, 5);
  await expect(page.getByTestId('pin-for')).toBeVisible();
  await typePin(page, demoStaff.duty.pin);
  await page.getByTestId('staff-menu-events').click();
  const alisa = page.getByTestId('staff-event').filter({ hasText: 'Алиса' });
  await expect(alisa).toBeVisible();
  await expect(alisa.getByTestId('withdraw')).toHaveCount(0);
});
