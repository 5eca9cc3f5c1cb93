// A wrong PIN five times locks the account: the screen says until when, even the right PIN is refused meanwhile,
// and every failure and the lock are in the staff audit trail.
import { expect, test } from './support/kiosk-test.js';
import { demoStaff, openStaffSignIn, staffAudit, typePin } from './support/staff-steps.js';

test('five wrong PINs lock the account, and the lock is logged', async ({ kiosk }) => {
  const { page } = kiosk;
  await openStaffSignIn(page);
  await page.locator(`[data-testid="staff-name"][data-staff-id="${demoStaff.nurse.id}"]`).click();
  const refusal = page.getByTestId('sign-in-refusal');
  for (let left = 4; left >= 1; left--) {
    await typePin(page, '0000');
    await expect(refusal).toHaveAttribute('data-outcome', 'wrong-pin');
    await expect(refusal).toContainText(`Қалған әрекет: ${left}`);
  }
  await typePin(page, '0000');
  await expect(refusal).toHaveAttribute('data-outcome', 'locked');
  await expect(refusal).toContainText('бұғатталды');

  // The right PIN does not get in while the lock lasts.
  await typePin(page, demoStaff.nurse.pin);
  // The refusal already says "locked" from the fifth try, so the screen cannot tell that the sixth was answered: its
  // audit row can. Waiting for it keeps the read below from racing the core's write.
  await expect.poll(() => staffAudit(kiosk.host.databasePath).length).toBe(7);
  await expect(refusal).toHaveAttribute('data-outcome', 'locked');
  await expect(page.getByTestId('staff-session')).toHaveCount(0);

  const audit = staffAudit(kiosk.host.databasePath);
  expect(audit.map((a) => [a.action, a.staff_id])).toEqual([
    ...Array.from({ length: 5 }, () => ['sign-in-failed', 'staff-nurse']),
    ['account-locked', 'staff-nurse'],
    ['sign-in-failed', 'staff-nurse'],
  ]);
  expect(JSON.parse(audit[5]!.detail)).toMatchObject({ lockSeconds: 60, lockNumber: 1 });
});
