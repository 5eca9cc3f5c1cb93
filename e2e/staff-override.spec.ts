// The card is at home and the phone is dead: a person on duty records the child in their own name, with a reason.
// Once in Kazakh (found by typing "алихан" for Әлихан) and once in Russian (signed in with a staff card, "инжу" for
// Інжу); both end as attributed override events in the real SQLite file.
import { expect, readDatabase, test } from './support/kiosk-test.js';
import { demoStaff, openStaffSignIn, signInByName, typePin } from './support/staff-steps.js';

interface OverrideRow {
  child_id: string;
  kind: string;
  method: string;
  staff_id: string | null;
  companion_id: string | null;
  reason: string;
  companion_name: string | null;
}

const overrides = (databasePath: string) =>
  readDatabase<OverrideRow>(
    databasePath,
    `SELECT e.child_id, e.kind, e.method, e.staff_id, e.companion_id, r.reason, r.companion_name
       FROM attendance_events e JOIN override_reasons r ON r.event_id = e.id ORDER BY e.device_seq`,
  );

test('an override in Kazakh: Әлихан found as "алихан", brought by his grandmother who forgot her card', async ({ kiosk }) => {
  const { page } = kiosk;
  await signInByName(page, demoStaff.duty.id, demoStaff.duty.pin);
  await expect(page.getByTestId('staff-who')).toContainText('Айгерім Омарова · Қызметкер');

  await page.getByTestId('staff-menu-override').click();
  await page.getByTestId('staff-search').fill('алихан');
  const alikhan = page.locator('[data-testid="staff-child"][data-child-id="ch0001"]');
  await expect(alikhan).toContainText('Әлихан');
  await expect(alikhan).toContainText('Балапан');
  await expect(alikhan).toContainText('Әлі келген жоқ');
  await alikhan.click();

  // Arrival is preselected: he has not come yet today.
  await expect(page.getByTestId('override-kind-arrival')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('override-reason-forgot-card').click();
  await expect(page.getByTestId('override-reason-forgot-card')).toHaveText('Картасын ұмытып кетті');
  await page.getByTestId('companion-choice').filter({ hasText: 'Бибігүл' }).click();
  await page.getByTestId('override-save').click();
  await expect(page.getByTestId('staff-saved')).toContainText('Әлихан');

  expect(overrides(kiosk.host.databasePath)).toEqual([
    { child_id: 'ch0001', kind: 'arrival', method: 'override', staff_id: 'staff-duty', companion_id: 'cp0001', reason: 'forgot-card', companion_name: null },
  ]);

  // The door sees it: the grandmother's card later offers Әлихан for departure.
  await page.getByTestId('staff-sign-out').click();
  await expect(page.getByTestId('idle-screen')).toBeVisible();
  await kiosk.typeCard('0004512345', 5);
  await expect(page.getByTestId('child-tile').filter({ hasText: 'Әлихан' })).toHaveAttribute('data-action', 'departure');
});

test('an override in Russian: signed in with the staff card, Інжу found as "инжу", the father has no phone', async ({ kiosk }) => {
  const { page } = kiosk;
  await page.getByTestId('language-ru').click();
  await expect(page.getByTestId('idle-screen')).toContainText('Приложите карту');
  await openStaffSignIn(page);
  await expect(page.getByTestId('staff-sign-in')).toContainText('Вход для персонала');
  // The staff card on the door's keyboard-mode reader goes to the sign-in, not to the check-in.
  await kiosk.typeCard(demoStaff.duty.card, 5);
  await expect(page.getByTestId('pin-for')).toContainText('Служебная карта считана');
  await typePin(page, demoStaff.duty.pin);
  await expect(page.getByTestId('staff-who')).toContainText('Айгерім Омарова · Сотрудник');

  await page.getByTestId('staff-menu-override').click();
  await page.getByTestId('staff-search').fill('инжу');
  await page.locator('[data-testid="staff-child"][data-child-id="ch0005"]').click();
  await page.getByTestId('override-reason-no-phone').click();
  await expect(page.getByTestId('override-reason-no-phone')).toHaveText('Нет телефона');
  await page.getByTestId('companion-name').fill('Дядя Серик');
  await page.getByTestId('override-save').click();
  await expect(page.getByTestId('staff-saved')).toContainText('Інжу: отмечено в');

  expect(overrides(kiosk.host.databasePath)).toEqual([
    { child_id: 'ch0005', kind: 'arrival', method: 'override', staff_id: 'staff-duty', companion_id: null, reason: 'no-phone', companion_name: 'Дядя Серик' },
  ]);
  // The staff card was never taken for a companion's.
  expect(kiosk.refusedAttempts()).toEqual([]);

  // Today's records show who recorded it.
  await page.getByTestId('staff-menu-events').click();
  await expect(page.getByTestId('staff-event')).toHaveCount(1);
  await expect(page.getByTestId('staff-event')).toContainText('отметил(а) Айгерім Омарова');
});
