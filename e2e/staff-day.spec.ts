// The rest of the day at the door, through the UI: an absence with its reason, a tap withdrawn by the admin as a
// mistake (the record stays, marked), and the children still in at closing time resolved one by one.
import { expect, readDatabase, test } from './support/kiosk-test.js';
import { demoStaff, signInByName, writeSetting } from './support/staff-steps.js';

const MOTHER_ONE_CHILD = '0004512346';
const FATHER_TWO_CHILDREN = '0004512347';

test('an absence, a withdrawn tap and closing time, each recorded in the staff member’s name', async ({ kiosk }) => {
  const { page } = kiosk;
  const db = kiosk.host.databasePath;
  // Алиса arrives by card; Ерасыл and Інжу with their father.
  await kiosk.typeCard(MOTHER_ONE_CHILD, 5);
  await expect(page.getByTestId('done-screen')).toHaveAttribute('data-outcome', 'recorded');
  await kiosk.typeCard(FATHER_TWO_CHILDREN, 5);
  await page.getByTestId('confirm-button').click();
  await expect(page.getByTestId('receipt-entry')).toHaveCount(2);
  await expect(page.getByTestId('idle-screen')).toBeVisible({ timeout: 15_000 });

  await page.getByTestId('language-ru').click();
  await signInByName(page, demoStaff.admin.id, demoStaff.admin.pin);

  // Әлихан is sick.
  await page.getByTestId('staff-menu-absence').click();
  await page.getByTestId('staff-search').fill('алихан');
  await page.locator('[data-testid="staff-child"][data-child-id="ch0001"]').click();
  await expect(page.getByTestId('holiday-summer')).toHaveText(/^Летний отпуск \d{4}: 0 из 31 дн\.$/);
  await expect(page.getByTestId('holiday-winter')).toHaveText(/^Зимний отпуск \d{4}\/\d{2}: 0 из 31 дн\.$/);
  // A holiday of 40 days in a summer: the core says it is past the season's allowance before anything is recorded.
  const today = await page.getByTestId('absence-from').inputValue();
  await page.getByTestId('absence-reason-vacation').click();
  const summer = `${new Date().getFullYear() + 1}`;
  await page.getByTestId('absence-from').fill(`01.06.${summer}`);
  await page.getByTestId('absence-to').fill(`10.07.${summer}`);
  await expect(page.getByTestId('holiday-warning')).toHaveText(`Летний отпуск ${summer} превысит норму: 40 из 31 дн.`);
  await page.getByTestId('absence-from').fill(today);
  await page.getByTestId('absence-to').fill(today);
  await page.getByTestId('absence-reason-sick').click();
  await expect(page.getByTestId('holiday-warning')).toHaveCount(0);
  await expect(page.getByTestId('certificate-hint')).toContainText('3');
  await page.getByTestId('absence-save').click();
  await expect(page.getByTestId('staff-saved')).toHaveText('Отсутствие записано');
  expect(readDatabase(db, 'SELECT child_id, reason, staff_id FROM absences')).toEqual([{ child_id: 'ch0001', reason: 'sick', staff_id: 'staff-admin' }]);

  // Інжу's tap was a mistake (she stayed home): withdrawn, still listed.
  await page.getByTestId('staff-menu-events').click();
  const inzhu = page.getByTestId('staff-event').filter({ hasText: 'Інжу' });
  await inzhu.getByTestId('withdraw').click();
  await inzhu.getByTestId('withdraw-reason').fill('Отец отметил по ошибке, Інжу дома');
  await inzhu.getByTestId('withdraw-confirm').click();
  await expect(inzhu).toHaveAttribute('data-cancelled', 'true');
  await expect(inzhu).toContainText('Отменено');
  expect(readDatabase(db, `SELECT e.child_id, c.staff_id FROM corrections c JOIN attendance_events e ON e.id = c.target_id`)).toEqual([
    { child_id: 'ch0005', staff_id: 'staff-admin' },
  ]);

  // Closing time (set to have passed): Алиса and Ерасыл are still in; Інжу's withdrawn tap does not count.
  writeSetting(db, 'closingTime', '00:00');
  await page.getByTestId('staff-page-back').click();
  await page.getByTestId('staff-menu-closing').click();
  const still = page.getByTestId('closing-child');
  await expect(still).toHaveCount(2);
  const alisa = still.filter({ hasText: 'Алиса' });
  // Each child is one line until opened.
  await alisa.getByTestId('closing-open').click();
  await alisa.getByTestId('companion-choice').filter({ hasText: 'Елена' }).click();
  await alisa.getByTestId('closing-left').click();
  const yerasyl = still.filter({ hasText: 'Ерасыл' });
  await yerasyl.getByTestId('closing-open').click();
  await yerasyl.getByTestId('closing-note').fill('Папа звонил, будет в 19:30');
  await yerasyl.getByTestId('closing-still-here').click();
  await expect(still).toHaveCount(1);
  await expect(yerasyl).toContainText('Записано: Папа звонил, будет в 19:30');

  expect(readDatabase(db, `SELECT child_id, kind, method, staff_id FROM attendance_events WHERE method = 'override'`)).toEqual([
    { child_id: 'ch0003', kind: 'departure', method: 'override', staff_id: 'staff-admin' },
  ]);
  expect(readDatabase(db, 'SELECT child_id, outcome FROM closing_resolutions ORDER BY occurred_ms')).toEqual([
    { child_id: 'ch0003', outcome: 'left' },
    { child_id: 'ch0004', outcome: 'still-here' },
  ]);
});
