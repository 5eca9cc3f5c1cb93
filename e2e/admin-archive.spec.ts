// The admin's Archive page against the real core and a fresh real database: the five-year policy in words, no year due
// and none archived yet, in English and in Kazakh.
import { expect, test } from './support/kiosk-test.js';
import { demoStaff, signInByName } from './support/staff-steps.js';

test('the admin opens the Archive tab and sees the policy, no year due and none archived', async ({ kiosk }) => {
  const { page } = kiosk;
  await page.getByTestId('language-en').click();
  await signInByName(page, demoStaff.admin.id, demoStaff.admin.pin);
  await page.getByTestId('admin-open').click();
  await page.getByTestId('admin-tab-archive').click();
  await expect(page.getByTestId('admin-archive')).toBeVisible();
  await expect(page.getByTestId('archive-policy')).toContainText('the 5 years before it stay on the kiosk');
  await expect(page.getByTestId('archive-due-none')).toContainText('No year is due for the archive.');
  await expect(page.getByTestId('archive-archived-none')).toContainText('No year has been archived yet.');
  await expect(page.getByTestId('archive-year')).toHaveCount(0);
  await expect(page.getByTestId('archive-archived')).toHaveCount(0);
});
