// A companion taps a card on a keyboard-mode reader: the real web host, the real SQLite file, real Chromium.
import { expect, test } from './support/kiosk-test.js';
import { writeSetting } from './support/staff-steps.js';

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

test('a second tap minutes after the arrival asks "is Алиса leaving?" and records nothing without an answer', async ({ kiosk }) => {
  const { page } = kiosk;
  // The page's clock is faked and paused: a key event is then stamped with the page's (still) time, so the reader's
  // keys stay one burst however a busy test machine spaces them out. Time moves only by fastForward below.
  await page.clock.install();
  await page.clock.pauseAt(Date.now() + 1_000);
  await kiosk.typeCard(MOTHER_ONE_CHILD, 0);
  const done = page.getByTestId('done-screen');
  await expect(done).toHaveAttribute('data-kinds', 'arrival');
  await expect(page.getByTestId('receipt-heading')).toHaveText('Келді');
  await page.clock.fastForward(10_000);
  await expect(page.getByTestId('idle-screen')).toBeVisible();
  // Past the 10 s repeat window without waiting for it; the guard (30 min after the arrival) still holds.
  writeSetting(kiosk.host.databasePath, 'repeatWindowSeconds', 0);

  await kiosk.typeCard(MOTHER_ONE_CHILD, 0);
  const tile = page.getByTestId('child-tile');
  await expect(tile).toHaveAttribute('data-ask-before-leaving', 'true');
  await expect(tile).toHaveAttribute('data-selected', 'false');
  await expect(tile.getByTestId('leaving-question')).toHaveText('Алиса кетеді ме?');
  // The time takes its locative ending, as it is read: "14:43-те келді".
  await expect(tile).toContainText(/\d{2}:\d{2}-(да|де|та|те) келді/);
  // Asked with two answers of its own; alone on the screen, nothing else to press and nothing counting down.
  await expect(tile.getByTestId('leaving-yes')).toHaveText('Иә, кетеді');
  await expect(tile.getByTestId('leaving-no')).toHaveText('Жоқ');
  await expect(page.getByTestId('confirm-button')).toHaveCount(0);
  await expect(page.getByTestId('auto-confirm-countdown')).toHaveCount(0);
  // Nobody answers: back to the door, nothing written.
  await page.clock.fastForward(31_000);
  await expect(page.getByTestId('idle-screen')).toBeVisible();
  expect(kiosk.events().map((e) => e.kind)).toEqual(['arrival']);

  // "No": she stays, back to the door, nothing written.
  await kiosk.typeCard(MOTHER_ONE_CHILD, 0);
  await tile.getByTestId('leaving-no').click();
  await expect(page.getByTestId('idle-screen')).toBeVisible();
  expect(kiosk.events().map((e) => e.kind)).toEqual(['arrival']);

  // She is leaving after all: one tap on "Иә, кетеді" records the departure, no Confirm after it.
  await kiosk.typeCard(MOTHER_ONE_CHILD, 0);
  await tile.getByTestId('leaving-yes').click();
  await expect(done).toHaveAttribute('data-kinds', 'departure');
  await expect(page.getByTestId('receipt-heading')).toHaveText('Кетті');
  expect(kiosk.events().map((e) => e.kind)).toEqual(['arrival', 'departure']);
});

test('in Russian: the receipt says arrival or departure, with a heading per kind; the arrival beside the asked child goes by itself', async ({ kiosk }) => {
  const { page } = kiosk;
  await page.getByTestId('language-ru').click();
  await expect(page.getByTestId('idle-screen')).toContainText('Приложите карту');
  // Әлихан only, in the morning.
  await kiosk.typeCard(GRANDMOTHER_TWO_GROUPS, 5);
  await page.getByTestId('child-tile').filter({ hasText: 'Айару' }).click();
  await page.getByTestId('confirm-button').click();
  await expect(page.getByTestId('receipt-heading')).toHaveText('Приход отмечен');
  await expect(page.getByTestId('idle-screen')).toBeVisible({ timeout: 10_000 });
  writeSetting(kiosk.host.databasePath, 'repeatWindowSeconds', 0);

  // Moments later with Айару: she is preselected as an arrival, Әлихан is asked about and left out.
  await kiosk.typeCard(GRANDMOTHER_TWO_GROUPS, 5);
  const alikhan = page.getByTestId('child-tile').filter({ hasText: 'Әлихан' });
  const aiaru = page.getByTestId('child-tile').filter({ hasText: 'Айару' });
  await expect(alikhan).toHaveAttribute('data-selected', 'false');
  await expect(alikhan.getByTestId('leaving-question')).toHaveText('Әлихан уходит?');
  await expect(alikhan).toContainText(/приход в \d{2}:\d{2}/);
  await expect(aiaru).toHaveAttribute('data-selected', 'true');
  await expect(page.getByTestId('auto-confirm-countdown')).toBeVisible();
  // Tapping Әлихан's name answers nothing: the question has its own buttons.
  await alikhan.getByTestId('leaving-question').click();
  await expect(alikhan).toHaveAttribute('data-answer', 'none');
  // "Да, уходит" is his answer; it goes with the one Confirm, together with Айару.
  await alikhan.getByTestId('leaving-yes').click();
  await expect(alikhan.getByTestId('leaving-yes')).toHaveAttribute('aria-pressed', 'true');
  await expect(alikhan.getByTestId('leaving-no')).toHaveText('Нет');
  await expect(alikhan).toHaveAttribute('data-selected', 'true');
  await page.getByTestId('confirm-button').click();
  const done = page.getByTestId('done-screen');
  await expect(done).toHaveAttribute('data-kinds', 'mixed');
  const groups = page.getByTestId('receipt-group');
  await expect(groups).toHaveCount(2);
  await expect(groups.filter({ hasText: 'Әлихан' }).getByTestId('receipt-heading')).toHaveText('Уход отмечен');
  await expect(groups.filter({ hasText: 'Айару' }).getByTestId('receipt-heading')).toHaveText('Приход отмечен');
  expect(kiosk.events().map((e) => [e.child_id, e.kind])).toEqual([
    ['ch0001', 'arrival'],
    ['ch0001', 'departure'],
    ['ch0002', 'arrival'],
  ]);
});
