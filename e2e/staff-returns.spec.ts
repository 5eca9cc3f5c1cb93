// Children back after a long absence, through the UI: the door records them like any other (and says nothing of it to
// the companion), the staff's home page asks for each one's certificate, the staff mark it seen or missing in their
// own name, and the admin's Returns page lists those still without one.
import { expect, readDatabase, test } from './support/kiosk-test.js';
import { demoStaff, installedDaysAgo, signInByName, writeSetting } from './support/staff-steps.js';

const MOTHER_ONE_CHILD = '0004512346';
const FATHER_TWO_CHILDREN = '0004512347';

test('a return after a long absence is asked about on the staff screens only, marked in the staff member’s name, and listed for the admin', async ({ kiosk }) => {
  const { page } = kiosk;
  const db = kiosk.host.databasePath;
  installedDaysAgo(db, 21);
  writeSetting(db, 'returnCheckAfterDays', 5);

  // Алиса with her mother; Ерасыл and Інжу with their father. The door only records them.
  await kiosk.typeCard(MOTHER_ONE_CHILD, 5);
  await expect(page.getByTestId('done-screen')).toHaveAttribute('data-outcome', 'recorded');
  await expect(page.getByTestId('return-alert')).toHaveCount(0);
  await kiosk.typeCard(FATHER_TWO_CHILDREN, 5);
  await page.getByTestId('confirm-button').click();
  await expect(page.getByTestId('receipt-entry')).toHaveCount(2);
  await expect(page.getByTestId('return-alert')).toHaveCount(0);
  await expect(page.getByTestId('idle-screen')).toBeVisible({ timeout: 15_000 });

  await page.getByTestId('language-ru').click();
  await signInByName(page, demoStaff.duty.id, demoStaff.duty.pin);
  const alerts = page.getByTestId('return-alert');
  await expect(alerts).toHaveCount(3);
  const alisa = page.locator('[data-testid="return-alert"][data-child-id="ch0003"]');
  await expect(alisa).toHaveText(/^Алиса снова в саду после \d+ (дня|дней) отсутствия — спросите справку от врача/);
  await alisa.getByTestId('return-seen').click();
  await page.locator('[data-testid="return-alert"][data-child-id="ch0005"]').getByTestId('return-missing').click();
  await expect(alerts).toHaveCount(1);
  await expect(alerts).toHaveAttribute('data-child-id', 'ch0004');
  expect(readDatabase(db, `SELECT r.child_id, k.outcome, k.staff_id FROM certificate_checks k JOIN return_checks r ON r.id = k.return_check_id ORDER BY r.child_id`)).toEqual([
    { child_id: 'ch0003', outcome: 'seen', staff_id: 'staff-duty' },
    { child_id: 'ch0005', outcome: 'missing', staff_id: 'staff-duty' },
  ]);
  expect(readDatabase(db, `SELECT count(*) AS n FROM sync_outbox WHERE record_type = 'certificate-check'`)).toEqual([{ n: 2 }]);
  expect(readDatabase(db, `SELECT staff_id FROM staff_audit WHERE action = 'certificate-check'`)).toEqual([{ staff_id: 'staff-duty' }, { staff_id: 'staff-duty' }]);

  // The admin's list: Інжу without a certificate, Ерасыл not asked yet; Алиса showed hers.
  await page.getByTestId('staff-sign-out').click();
  await signInByName(page, demoStaff.admin.id, demoStaff.admin.pin);
  await page.getByTestId('admin-open').click();
  await page.getByTestId('admin-tab-returns').click();
  await expect(page.getByTestId('admin-tab-returns')).toHaveText('Возвращения');
  const rows = page.getByTestId('returns-row');
  await expect(rows).toHaveCount(2);
  await expect(page.locator('[data-testid="returns-row"][data-child-id="ch0005"]').getByTestId('returns-certificate')).toHaveText('нет');
  await expect(page.locator('[data-testid="returns-row"][data-child-id="ch0004"]').getByTestId('returns-certificate')).toHaveText('ещё не спрашивали');
  await expect(page.locator('[data-testid="returns-row"][data-child-id="ch0003"]')).toHaveCount(0);
});
