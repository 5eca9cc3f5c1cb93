// A computer already in service joins the kindergarten's others (issue 18, docs/peers.md §9 "Joining with history"):
// an office set up on its own, with its own first admin, finds on its Computers page that it belongs to no group, is
// told what joining keeps and that its PINs give way to the group's, and joins the demo door with the code the door's
// head opened and her own PIN again (a wrong one refused first). Its own admin has the door's head's name (the
// kindergarten's head set up both): once the door's accounts have come, the office lists her account, ticked for
// deactivation, and she deactivates it. Afterwards both hold each other as members, the door's head signs in at the
// office with the PIN she uses at the door, and the office's own admin is no longer offered.
import { test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { FIRST_ADMIN, setUpToRoster } from './support/first-run-steps.js';
import { freePort } from './support/free-port.js';
import { startKioskHost, type RunningHost } from './support/kiosk-host.js';
import { expect, openKiosk, readDatabase } from './support/kiosk-test.js';
import { demoStaff, signInByName, typePin } from './support/staff-steps.js';

test('an office in service joins the door from its Computers page, and the door\'s PINs open it afterwards, not its own', async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const [portA, portB] = [await freePort(), await freePort()];
  const hosts: RunningHost[] = [];
  const pageErrors: string[] = [];
  try {
    const a = await startKioskHost(testInfo.outputPath('door'), ['--peer-port', String(portA)]);
    hosts.push(a);
    const b = await startKioskHost(testInfo.outputPath('office'), ['--no-demo', '--peer-port', String(portB)]);
    hosts.push(b);
    const pageA = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const pageB = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    for (const page of [pageA, pageB]) page.on('pageerror', (error) => pageErrors.push(error.message));

    // B: an office set up on its own, as a kindergarten's second computer was before it knew of the first.
    await openKiosk(pageB, b);
    // The office's first admin is the door's head herself, typed again there: the same name, another account.
    await setUpToRoster(pageB, 'Kindergarten No. 7 "Balapan"', 'office', { firstName: 'Жанна', lastName: 'Сейітова', pin: FIRST_ADMIN.pin });
    await pageB.getByTestId('setup-roster-own').click();
    await pageB.getByTestId('setup-step-checklist').click();
    await pageB.getByTestId('setup-finish').click();
    const [ownAdmin] = readDatabase<{ id: string }>(b.databasePath, "SELECT id FROM staff WHERE role = 'admin'");
    if (!ownAdmin) throw new Error('no admin at the office');
    await pageB.locator(`[data-testid="staff-name"][data-staff-id="${ownAdmin.id}"]`).click();
    await typePin(pageB, FIRST_ADMIN.pin);
    await pageB.getByTestId('admin-open').click();
    await pageB.getByTestId('admin-tab-computers').click();
    const join = pageB.getByTestId('computers-join');
    await expect(join).toBeVisible();
    await expect(pageB.getByTestId('computers-join-pins')).toContainText('PIN');

    // A, the demo door: its head opens a code (the demo itself may not join anyone, so it shows no such section).
    await openKiosk(pageA, a);
    await signInByName(pageA, demoStaff.admin.id, demoStaff.admin.pin);
    await pageA.getByTestId('admin-open').click();
    await pageA.getByTestId('admin-tab-computers').click();
    await expect(pageA.getByTestId('computers-list')).toBeVisible();
    await expect(pageA.getByTestId('computers-join')).toHaveCount(0);
    await pageA.getByTestId('computers-add-open').click();
    await pageA.getByTestId('computers-add-pin').fill(demoStaff.admin.pin);
    await pageA.getByTestId('computers-add-button').click();
    const codeText = pageA.getByTestId('computers-code-text');
    await expect(codeText).toHaveText(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/, { timeout: 20_000 });
    const code = await codeText.innerText();

    // B joins with A's address and code.
    await pageB.getByTestId('computers-join-open').click();
    await pageB.getByTestId('setup-join-address').fill(`127.0.0.1:${portA}`);
    await pageB.getByTestId('setup-join-code').fill(code);
    await pageB.getByTestId('setup-join-name').fill('Office');
    // The admin's PIN again: a wrong one is refused as at the page's other acts, and nothing is dialled.
    await pageB.getByTestId('setup-join-pin').fill('000000');
    await pageB.getByTestId('setup-join-submit').click();
    await expect(pageB.getByTestId('setup-join-refusal')).toContainText('Wrong PIN', { timeout: 20_000 });
    await pageB.getByTestId('setup-join-pin').fill(FIRST_ADMIN.pin);
    await pageB.getByTestId('setup-join-submit').click();
    await expect(pageB.getByTestId('setup-joined-title')).toContainText('Ақбота', { timeout: 60_000 });
    await expect(pageB.getByTestId('setup-joined-next')).toHaveText('Done');
    await expect(pageB.getByTestId('computers-join-sign-in')).toHaveText(/^Staff sign in here with the PIN they use at .+\.$/);

    // Her account made at the office is listed once the door's have come, ticked: the door has her name.
    const ownRow = pageB.locator(`[data-testid="join-account"][data-staff-id="${ownAdmin.id}"]`);
    await expect(ownRow).toHaveAttribute('data-same-name', 'true', { timeout: 60_000 });
    await expect(ownRow).toHaveAttribute('data-choice', 'deactivate');
    await expect(ownRow.getByTestId('join-account-deactivate')).toHaveAttribute('aria-pressed', 'true');
    await expect(pageB.locator('[data-testid="join-account"]')).toHaveCount(1);
    await pageB.getByTestId('join-accounts-apply').click();
    const activeAt = (path: string): number | undefined => readDatabase<{ active: number }>(path, `SELECT active FROM staff WHERE id = '${ownAdmin.id}'`)[0]?.active;
    await expect.poll(() => activeAt(b.databasePath), { timeout: 20_000 }).toBe(0);
    expect(readDatabase<{ n: number }>(b.databasePath, `SELECT COUNT(*) AS n FROM staff_audit WHERE action = 'account-deactivated' AND subject_id = '${ownAdmin.id}'`)[0]?.n).toBe(1);
    // A record that travels: the door holds her office account as deactivated too.
    await expect.poll(() => activeAt(a.databasePath), { timeout: 60_000 }).toBe(0);

    const membersOf = (path: string): string[] => readDatabase<{ device_id: string }>(path, 'SELECT device_id FROM peer_members WHERE revoked_at IS NULL ORDER BY device_id').map((m) => m.device_id);
    await expect.poll(() => membersOf(b.databasePath), { timeout: 20_000 }).toHaveLength(2);
    expect(membersOf(b.databasePath)).toEqual(membersOf(a.databasePath));
    await expect(pageA.getByTestId('computers-list')).toContainText('Office', { timeout: 20_000 });

    // The door's head's PIN arrives as a record; the office then opens for her, and no more for its own admin's PIN.
    await expect
      .poll(() => readDatabase<{ n: number }>(b.databasePath, `SELECT COUNT(*) AS n FROM staff_pins WHERE staff_id = '${demoStaff.admin.id}'`)[0]?.n, { timeout: 60_000 })
      .toBe(1);
    // The office's own admin, deactivated (and her PIN given up), is no longer offered.
    await openKiosk(pageB, b);
    await expect(pageB.locator(`[data-testid="staff-name"][data-staff-id="${demoStaff.admin.id}"]`)).toBeVisible({ timeout: 20_000 });
    await expect(pageB.locator(`[data-testid="staff-name"][data-staff-id="${ownAdmin.id}"]`)).toHaveCount(0);
    await pageB.locator(`[data-testid="staff-name"][data-staff-id="${demoStaff.admin.id}"]`).click();
    await typePin(pageB, demoStaff.admin.pin);
    await expect(pageB.getByTestId('staff-session')).toBeVisible();
  } finally {
    for (const host of hosts.reverse()) await host.stop();
    for (const host of hosts) writeFileSync(`${host.dataDir}.log`, host.output());
  }
  expect(pageErrors, 'errors logged by the pages').toEqual([]);
});
