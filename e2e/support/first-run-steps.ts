// The first-run setup's early steps as a person goes through them on a fresh kiosk (English, the door or the office, a
// name, Almaty's zone, the first admin), for the first-run specs that are about a later step.
import type { Page } from '@playwright/test';
import { expect } from './kiosk-test.js';

export const FIRST_ADMIN = { firstName: 'Gulmira', lastName: 'Akhmetova', pin: '864213' } as const;

/** From the language step to the roster step, the first admin created and signed in; a door unless told otherwise. */
export async function setUpToRoster(
  page: Page,
  name = 'Kindergarten No. 7 "Balapan"',
  role: 'door' | 'office' = 'door',
  admin: { firstName: string; lastName: string; pin: string } = FIRST_ADMIN,
): Promise<void> {
  const screen = page.getByTestId('setup-screen');
  await expect(screen).toHaveAttribute('data-step', 'language');
  await page.getByTestId('setup-language-en').click();
  await expect(screen).toHaveAttribute('data-step', 'role');
  await page.getByTestId(`setup-role-${role}`).click();
  await expect(screen).toHaveAttribute('data-step', 'name');
  // A new kindergarten, not one that already has Esik on another computer (peers-pairing.spec.ts joins one).
  await page.getByTestId('setup-kindergarten-new').click();
  await page.getByTestId('setup-name').fill(name);
  await page.getByTestId('setup-next').click();
  await expect(screen).toHaveAttribute('data-step', 'timeZone');
  await page.getByTestId('time-zone-picker').selectOption('Asia/Almaty');
  await page.getByTestId('setup-next').click();
  await expect(screen).toHaveAttribute('data-step', 'admin');
  await page.getByTestId('setup-admin-first-name').fill(admin.firstName);
  await page.getByTestId('setup-admin-last-name').fill(admin.lastName);
  await page.getByTestId('setup-admin-pin').fill(admin.pin);
  await page.getByTestId('setup-admin-pin-again').fill(admin.pin);
  await page.getByTestId('setup-admin-create').click();
  await expect(screen).toHaveAttribute('data-step', 'roster');
}
