// An offer gone stale at the door: between a companion's tap and their confirm, another screen records the same children.
// The core refuses the confirm as OFFER_STALE; the screen asks renewOffer and shows what is right now, not an error.
import { callsSent } from './support/calls-sent.js';
import { cardKeys, typeAsReader } from './support/card-reader.js';
import { expect, openKiosk, test } from './support/kiosk-test.js';
import { writeSetting } from './support/staff-steps.js';

const FATHER_TWO_GROUPS = '0004512347';
/** A nanny of the same two children: she may bring them, not collect them. */
const NANNY_MAY_NOT_COLLECT = '0004512348';

test('a confirm refused as OFFER_STALE renews the offer and shows the new proposal instead of an error', async ({ kiosk, context }) => {
  const door = kiosk.page;
  // Auto-confirm off: the father's confirm is the test's own click, however slow the second screen is.
  writeSetting(kiosk.host.databasePath, 'autoConfirmSeconds', 0);
  const calls = callsSent(door);
  // The door's page was loaded before the listener: a reload gives a socket it hears (the session cookie stays).
  await door.reload();
  await expect(door.locator('body[data-ready="true"]')).toBeAttached();

  await kiosk.typeCard(FATHER_TWO_GROUPS, 5);
  const tiles = door.getByTestId('child-tile');
  await expect(tiles).toHaveCount(2);
  for (const tile of await tiles.all()) await expect(tile).toHaveAttribute('data-action', 'arrival');

  // Meanwhile a second screen on the same kiosk brings both children in.
  const other = await context.newPage();
  await openKiosk(other, kiosk.host);
  await typeAsReader(other, cardKeys(NANNY_MAY_NOT_COLLECT), 5);
  await other.getByTestId('confirm-button').click();
  await expect(other.getByTestId('done-screen')).toHaveAttribute('data-outcome', 'recorded');
  expect(kiosk.events().map((e) => [e.child_id, e.kind])).toEqual([
    ['ch0004', 'arrival'],
    ['ch0005', 'arrival'],
  ]);

  // The father's arrivals are stale now: the door shows the offer as it stands, two departures just after an arrival,
  // each asking "leaving now?" and none preselected.
  await door.getByTestId('confirm-button').click();
  await expect(tiles.first()).toHaveAttribute('data-action', 'departure');
  await expect(door.getByTestId('choose-screen')).toBeVisible();
  for (const tile of await tiles.all()) {
    await expect(tile).toHaveAttribute('data-action', 'departure');
    await expect(tile).toHaveAttribute('data-ask-before-leaving', 'true');
    await expect(tile).toHaveAttribute('data-selected', 'false');
  }
  await expect(door.getByTestId('error-message')).toHaveCount(0);
  expect(calls.filter((name) => name === 'confirmOffer' || name === 'renewOffer')).toEqual(['confirmOffer', 'renewOffer']);
  // Nothing recorded by the stale confirm.
  expect(kiosk.events()).toHaveLength(2);
  await other.close();
});
