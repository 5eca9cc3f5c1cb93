// Staff accounts in the admin console and closing time on the door: the admin gives Раиса a new PIN (typed twice on
// the keypad, never shown) and she signs in with it; the admin enrols a staff card by tapping it on the reader and
// that card opens the sign-in for its owner; after closing time the door itself tells staff who is still in.
import type { Page } from '@playwright/test';
import BetterSqlite3 from 'better-sqlite3';
import { expect, readDatabase, test } from './support/kiosk-test.js';
import { demoStaff, openStaffSignIn, signInByName, staffAudit, typePin, writeSetting } from './support/staff-steps.js';

const MOTHER_ONE_CHILD = '0004512346';
const NEW_STAFF_CARD = '0007000002';

async function openStaffPage(page: Page): Promise<void> {
  await signInByName(page, demoStaff.admin.id, demoStaff.admin.pin);
  await page.getByTestId('admin-open').click();
  await page.getByTestId('admin-tab-staff').click();
  await expect(page.getByTestId('staff-accounts')).toBeVisible();
}

const account = (page: Page, staffId: string) => page.locator(`[data-testid="staff-account"][data-staff-id="${staffId}"]`);

/** A second admin on the roster (as the city's roster would bring one), written while the kiosk runs. */
function addRosterAdmin(databasePath: string, id: string): void {
  const db = new BetterSqlite3(databasePath, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare(`INSERT INTO staff (id, first_name, last_name, role) VALUES (?, 'Сәуле', 'Нұрова', 'admin')`).run(id);
  } finally {
    db.close();
  }
}

test('the admin sets Раиса a new PIN, refusing a weak one; she signs in with the new PIN only', async ({ kiosk }) => {
  const { page } = kiosk;
  await openStaffPage(page);
  // The admin's own PIN is "Change my PIN" (with the old one), never a reset from here.
  await expect(account(page, demoStaff.admin.id).getByTestId('account-set-pin')).toHaveCount(0);
  await expect(account(page, demoStaff.admin.id).getByTestId('account-own-pin')).toBeVisible();
  await account(page, demoStaff.nurse.id).getByTestId('account-set-pin').click();
  const panel = page.getByTestId('set-pin-panel');
  await expect(panel).toContainText('Раиса Ким');

  await typePin(page, '1111');
  await typePin(page, '1111');
  await expect(panel.getByTestId('pin-refusal')).toContainText('0000');
  await typePin(page, '8024');
  await typePin(page, '8042');
  await expect(panel.getByTestId('pin-refusal')).toContainText('сәйкес келмейді');
  await typePin(page, '8024');
  await typePin(page, '8024');
  await expect(page.getByTestId('accounts-message')).toContainText('Раиса Ким');
  // The PIN is never on the screen.
  await expect(page.locator('body')).not.toContainText('8024');

  await page.getByTestId('admin-sign-out').click();
  await expect(page.getByTestId('idle-screen')).toBeVisible();
  await openStaffSignIn(page);
  await page.locator(`[data-testid="staff-name"][data-staff-id="${demoStaff.nurse.id}"]`).click();
  await typePin(page, demoStaff.nurse.pin);
  await expect(page.getByTestId('sign-in-refusal')).toHaveAttribute('data-outcome', 'wrong-pin');
  await typePin(page, '8024');
  await expect(page.getByTestId('staff-who')).toContainText('Раиса');
  // Not an admin: no way to the console from her menu.
  await expect(page.getByTestId('admin-open')).toHaveCount(0);

  expect(staffAudit(kiosk.host.databasePath).filter((a) => a.action === 'pin-set')).toEqual([{ action: 'pin-set', staff_id: 'staff-admin', detail: '{"reset":true}' }]);
});

test("another admin's PIN is set only after the acting admin's own PIN; a wrong one is counted", async ({ kiosk }) => {
  const { page } = kiosk;
  addRosterAdmin(kiosk.host.databasePath, 'staff-deputy');
  await openStaffPage(page);
  await account(page, 'staff-deputy').getByTestId('account-set-pin').click();
  const panel = page.getByTestId('set-pin-panel');
  await expect(panel.getByTestId('pin-steps')).toHaveAttribute('data-step', '0');

  for (const pin of ['1357', '8024', '8024']) await typePin(page, pin);
  await expect(panel.getByTestId('pin-refusal')).toContainText('4');
  await expect(page.getByTestId('accounts-message')).toHaveCount(0);
  for (const pin of [demoStaff.admin.pin, '8024', '8024']) await typePin(page, pin);
  await expect(page.getByTestId('accounts-message')).toContainText('Сәуле Нұрова');

  await page.getByTestId('admin-sign-out').click();
  await signInByName(page, 'staff-deputy', '8024');
  await expect(page.getByTestId('staff-who')).toContainText('Сәуле');
  expect(staffAudit(kiosk.host.databasePath).filter((a) => a.action === 'sign-in-failed' || a.action === 'pin-set')).toEqual([
    { action: 'sign-in-failed', staff_id: 'staff-admin', detail: '{"why":"wrong-pin","via":"pin-set","channel":"name","failures":1}' },
    { action: 'pin-set', staff_id: 'staff-admin', detail: '{"reset":false}' },
  ]);
});

test('wrong current PINs while changing one\'s own PIN lock the account and bring the door back at once', async ({ kiosk }) => {
  const { page } = kiosk;
  await signInByName(page, demoStaff.nurse.id, demoStaff.nurse.pin);
  await page.getByTestId('staff-menu-pin').click();
  for (let attempt = 1; attempt <= 4; attempt++) {
    for (const pin of ['0000', '8024', '8024']) await typePin(page, pin);
    await expect(page.getByTestId('pin-refusal')).toContainText(String(5 - attempt));
  }
  for (const pin of ['0000', '8024', '8024']) await typePin(page, pin);
  // No keep-alive needed: the locked answer itself ends the screen.
  await expect(page.getByTestId('idle-screen')).toBeVisible({ timeout: 2_000 });
  expect(staffAudit(kiosk.host.databasePath).filter((a) => a.action === 'sign-out')).toEqual([{ action: 'sign-out', staff_id: 'staff-nurse', detail: '{"why":"locked"}' }]);
});

test('the admin enrols a staff card tapped on the reader, and that card opens the sign-in for Раиса', async ({ kiosk }) => {
  const { page } = kiosk;
  await openStaffPage(page);
  const raisa = account(page, demoStaff.nurse.id);
  await raisa.getByTestId('account-enrol-card').click();
  await expect(page.getByTestId('enrol-card-prompt')).toContainText('Раиса Ким');

  // A companion's card is refused as a staff card, and it checks nobody in from here.
  await kiosk.typeCard(MOTHER_ONE_CHILD, 5);
  await expect(page.getByTestId('enrol-refusal')).toBeVisible();
  expect(kiosk.events()).toEqual([]);

  await kiosk.typeCard(NEW_STAFF_CARD, 5);
  await expect(page.getByTestId('accounts-message')).toContainText(NEW_STAFF_CARD);
  await expect(raisa.getByTestId('account-card')).toHaveAttribute('data-card', '7000002');

  await page.getByTestId('admin-sign-out').click();
  await expect(page.getByTestId('idle-screen')).toBeVisible();
  await openStaffSignIn(page);
  await kiosk.typeCard(NEW_STAFF_CARD, 5);
  await expect(page.getByTestId('pin-for')).toBeVisible();
  await typePin(page, demoStaff.nurse.pin);
  await expect(page.getByTestId('staff-who')).toContainText('Раиса');

  expect(readDatabase<{ staff_id: string; value: string }>(kiosk.host.databasePath, 'SELECT staff_id, value FROM staff_cards WHERE revoked_at IS NULL ORDER BY value')).toEqual([
    { staff_id: 'staff-duty', value: '7000001' },
    { staff_id: 'staff-nurse', value: '7000002' },
  ]);
});

test('after closing time the staff entry counts the alert, without words at the door; after the sign-in the alert leads to the Closing page', async ({ kiosk }) => {
  const { page } = kiosk;
  // Not yet closing time, whatever the wall clock says: the alert comes when the test moves closing time below.
  writeSetting(kiosk.host.databasePath, 'closingTime', '23:59');
  await kiosk.typeCard(MOTHER_ONE_CHILD, 5);
  await expect(page.getByTestId('done-screen')).toBeVisible();
  await expect(page.getByTestId('idle-screen')).toBeVisible({ timeout: 10_000 });
  const count = page.getByTestId('staff-alert-count');
  await expect(count).toHaveCount(0);

  // The admin's closing time, as the settings page writes it; the core notices on its next tick (5 s).
  writeSetting(kiosk.host.databasePath, 'closingTime', '00:00');
  await expect(count).toHaveText('1', { timeout: 12_000 });
  await expect(page.locator('body')).not.toContainText('Алиса');

  await page.getByTestId('staff-open').click();
  await expect(page.getByTestId('staff-sign-in')).toBeVisible();
  await page.locator(`[data-testid="staff-name"][data-staff-id="${demoStaff.duty.id}"]`).click();
  await typePin(page, demoStaff.duty.pin);
  // The staff's alert list leads with closing time and its way into the Closing page.
  await page.getByTestId('staff-alert-open-closing').click();
  await expect(page.getByTestId('closing-page')).toBeVisible();
  const alisa = page.getByTestId('closing-child');
  await expect(alisa).toHaveCount(1);
  await expect(alisa).toContainText('Алиса');
  await alisa.getByTestId('closing-open').click();
  await alisa.getByTestId('closing-note').fill('Анасы 19:30-да келеді');
  await alisa.getByTestId('closing-still-here').click();

  // Answered for: the core clears the alert on its next tick, and the door's count goes.
  await page.getByTestId('staff-sign-out').click();
  await expect(page.getByTestId('idle-screen')).toBeVisible();
  await expect(count).toHaveCount(0, { timeout: 12_000 });
});
