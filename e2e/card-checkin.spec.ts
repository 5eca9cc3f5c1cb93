// A companion taps a card on a keyboard-mode reader: the real web host, the real SQLite file, real Chromium.
import { expect, test } from './support/kiosk-test.js';

const GRANDMOTHER_TWO_GROUPS = '0004512345';
const MOTHER_ONE_CHILD = '0004512346';

test('a card typed at 5 ms per key checks in two siblings from different groups', async ({ kiosk }) => {
  const { page } = kiosk;
  await kiosk.typeCard(GRANDMOTHER_TWO_GROUPS, 5);

  const tiles = page.getByTestId('child-tile');
  await expect(page.getByTestId('choose-screen')).toBeVisible();
  await expect(tiles).toHaveCount(2);
  await expect(tiles.nth(0)).toContainText('Әлихан');
  await expect(tiles.nth(0)).toContainText('Балапан');
  await expect(tiles.nth(1)).toContainText('Айару');
  await expect(tiles.nth(1)).toContainText('Жұлдыз');
  for (const tile of await tiles.all()) await expect(tile).toHaveAttribute('data-selected', 'true');
  expect(kiosk.events()).toEqual([]);

  await page.getByTestId('confirm-button').click();
  await expect(page.getByTestId('done-screen')).toHaveAttribute('data-outcome', 'recorded');
  await expect(page.getByTestId('receipt-entry')).toHaveCount(2);
  expect(kiosk.events().map((e) => [e.child_id, e.kind, e.method])).toEqual([
    ['ch0001', 'arrival', 'rfid'],
    ['ch0002', 'arrival', 'rfid'],
  ]);
});

test('a deselected sibling is left out', async ({ kiosk }) => {
  const { page } = kiosk;
  await kiosk.typeCard(GRANDMOTHER_TWO_GROUPS, 5);
  await page.getByTestId('child-tile').filter({ hasText: 'Айару' }).click();
  await expect(page.getByTestId('child-tile').filter({ hasText: 'Айару' })).toHaveAttribute('data-selected', 'false');
  await page.getByTestId('confirm-button').click();
  await expect(page.getByTestId('receipt-entry')).toHaveCount(1);
  expect(kiosk.events().map((e) => e.child_id)).toEqual(['ch0001']);
});

test('the children screen confirms by itself when nobody touches it', async ({ kiosk }) => {
  const { page } = kiosk;
  await kiosk.typeCard(GRANDMOTHER_TWO_GROUPS, 5);
  await expect(page.getByTestId('auto-confirm-countdown')).toBeVisible();
  await expect(page.getByTestId('done-screen')).toBeVisible({ timeout: 10_000 });
  expect(kiosk.events()).toHaveLength(2);
});

test('the same digits typed at 120 ms per key are not taken as a card', async ({ kiosk }) => {
  const { page } = kiosk;
  await kiosk.typeCard(GRANDMOTHER_TWO_GROUPS, 120);
  // A real card right after proves the kiosk was listening all along, and gives a point to wait on.
  await kiosk.typeCard(MOTHER_ONE_CHILD, 5);
  await expect(page.getByTestId('done-screen')).toBeVisible();
  await expect(page.getByTestId('receipt-entry')).toHaveCount(1);
  await expect(page.getByTestId('receipt-entry')).toContainText('Алиса');
  expect(kiosk.events().map((e) => e.child_id)).toEqual(['ch0003']);
  expect(kiosk.refusedAttempts()).toEqual([]);
});

test('an unknown card shows the message and writes no event', async ({ kiosk }) => {
  const { page } = kiosk;
  await kiosk.typeCard('0009999999', 5);
  const message = page.getByTestId('error-message');
  await expect(message).toHaveAttribute('data-code', 'UNKNOWN_CARD');
  await expect(message).toContainText('Бұл карта тіркелмеген');
  expect(kiosk.events()).toEqual([]);
  expect(kiosk.refusedAttempts()).toEqual([{ presented: '9999999', reason: 'unknown-card' }]);
});

test('one child is recorded by the tap itself, and a second tap within seconds records nothing', async ({ kiosk }) => {
  const { page } = kiosk;
  await kiosk.typeCard(MOTHER_ONE_CHILD, 5);
  await expect(page.getByTestId('done-screen')).toHaveAttribute('data-outcome', 'recorded');
  await kiosk.typeCard(MOTHER_ONE_CHILD, 5);
  await expect(page.getByTestId('done-screen')).toHaveAttribute('data-outcome', 'repeat');
  expect(kiosk.events()).toHaveLength(1);
});
