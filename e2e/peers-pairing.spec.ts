// Two computers of one kindergarten paired by code (issue 18, docs/peers.md §3 "The exchange"), each a web host of its
// own on loopback with its own peer port: the head opens a code on A's Computers page with her PIN again, and the new
// office computer B joins from its first run with A's address and the code typed; B's setup goes on with the
// kindergarten's name, and each computer's Computers page then lists the other.
import { test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { FIRST_ADMIN } from './support/first-run-steps.js';
import { startKioskHost, type RunningHost } from './support/kiosk-host.js';
import { expect, openKiosk, readDatabase } from './support/kiosk-test.js';
import { demoStaff, signInByName, typePin } from './support/staff-steps.js';

/** A port free on 127.0.0.1 now (the host binds it a moment later; nothing else on a test machine races for it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

test('a code opened on A\'s Computers page lets B join from its first run, and both list each other', async ({ browser }, testInfo) => {
  // Written before pairing reached the core's peer worker and never run since (the session's Playwright window had
  // closed): the same exchange through KioskApi passes in electron/core/computers/computers-pairing.test.ts. Run this
  // once in Chromium and drop the line below.
  test.fixme(true, 'not yet run against the core with pairing wired in: see computers-pairing.test.ts for the same exchange');
  test.setTimeout(180_000);
  const [portA, portB] = [await freePort(), await freePort()];
  const hosts: RunningHost[] = [];
  const pageErrors: string[] = [];
  try {
    const a = await startKioskHost(testInfo.outputPath('a'), ['--peer-port', String(portA)]);
    hosts.push(a);
    const b = await startKioskHost(testInfo.outputPath('b'), ['--no-demo', '--peer-port', String(portB)]);
    hosts.push(b);
    const pageA = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const pageB = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    for (const page of [pageA, pageB]) page.on('pageerror', (error) => pageErrors.push(error.message));

    // A (the demo kindergarten): the head opens a code, her PIN asked again; a wrong one is refused and counted.
    await openKiosk(pageA, a);
    await signInByName(pageA, demoStaff.admin.id, demoStaff.admin.pin);
    await pageA.getByTestId('admin-open').click();
    await pageA.getByTestId('admin-tab-computers').click();
    await expect(pageA.locator('[data-testid^="computer-"][data-self="true"]')).toHaveCount(1);
    await expect(pageA.getByTestId('computers-alone')).toBeVisible();
    await pageA.getByTestId('computers-add-open').click();
    await pageA.getByTestId('computers-add-pin').fill('1111');
    await pageA.getByTestId('computers-add-button').click();
    await expect(pageA.getByTestId('computers-add-result')).toHaveAttribute('data-failed', 'true');
    await pageA.getByTestId('computers-add-pin').fill(demoStaff.admin.pin);
    await pageA.getByTestId('computers-add-button').click();
    const codeText = pageA.getByTestId('computers-code-text');
    await expect(codeText).toHaveText(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/, { timeout: 20_000 });
    await expect(pageA.getByTestId('computers-code-left')).toHaveText(/10|9/);
    const code = await codeText.innerText();

    // B, fresh: the language, the office, then "Join a kindergarten that already has Esik" with A's address and code.
    await openKiosk(pageB, b);
    const setup = pageB.getByTestId('setup-screen');
    await pageB.getByTestId('setup-language-en').click();
    await pageB.getByTestId('setup-role-office').click();
    await expect(setup).toHaveAttribute('data-step', 'name');
    await pageB.getByTestId('setup-kindergarten-join').click();
    await pageB.getByTestId('setup-join-address').fill(`127.0.0.1:${portA}`);
    await pageB.getByTestId('setup-join-code').fill(code.toLowerCase());
    await pageB.getByTestId('setup-join-name').fill('Office');
    await pageB.getByTestId('setup-join-submit').click();
    await expect(pageB.getByTestId('setup-joined-title')).toContainText('Ақбота', { timeout: 60_000 });
    await expect(pageB.getByTestId('setup-joined-staff')).toBeVisible();
    expect(readDatabase<{ name: string }>(b.databasePath, 'SELECT name FROM kindergarten')).toEqual([{ name: 'Балабақша № 1 «Ақбота» (демо)' }]);

    // A lists B by the name it was given, once B is a member (the page asks again every few seconds).
    await expect(pageA.getByTestId('computers-list')).toContainText('Office', { timeout: 20_000 });
    await pageA.getByTestId('computers-code-close').click();

    // B's setup goes on with the kindergarten named; its admin is the group's when the accounts have come, else made here.
    await pageB.getByTestId('setup-joined-next').click();
    await expect(setup).toHaveAttribute('data-step', 'timeZone');
    await pageB.getByTestId('time-zone-picker').selectOption('Asia/Almaty');
    await pageB.getByTestId('setup-next').click();
    await expect(setup).toHaveAttribute('data-step', 'admin');
    const form = pageB.getByTestId('setup-admin-form');
    const signIn = pageB.getByTestId('setup-admin-sign-in');
    await expect(form.or(signIn)).toBeVisible();
    let adminId: string;
    let adminPin: string;
    if (await signIn.isVisible()) {
      await pageB.getByTestId('setup-admin-sign-in-pin').fill(demoStaff.admin.pin);
      await pageB.getByTestId('setup-admin-sign-in-button').click();
      [adminId, adminPin] = [demoStaff.admin.id, demoStaff.admin.pin];
    } else {
      await pageB.getByTestId('setup-admin-first-name').fill(FIRST_ADMIN.firstName);
      await pageB.getByTestId('setup-admin-last-name').fill(FIRST_ADMIN.lastName);
      await pageB.getByTestId('setup-admin-pin').fill(FIRST_ADMIN.pin);
      await pageB.getByTestId('setup-admin-pin-again').fill(FIRST_ADMIN.pin);
      await pageB.getByTestId('setup-admin-create').click();
      const [made] = readDatabase<{ id: string }>(b.databasePath, "SELECT id FROM staff WHERE role = 'admin' AND first_name = 'Gulmira'");
      [adminId, adminPin] = [made?.id ?? '', FIRST_ADMIN.pin];
    }
    await expect(setup).toHaveAttribute('data-step', 'roster');
    await pageB.getByTestId('setup-roster-own').click();
    await expect(setup).toHaveAttribute('data-step', 'checklist');
    await pageB.getByTestId('setup-finish').click();
    await pageB.locator(`[data-testid="staff-name"][data-staff-id="${adminId}"]`).click();
    await typePin(pageB, adminPin);
    await expect(pageB.getByTestId('staff-session')).toBeVisible();
    await pageB.getByTestId('admin-open').click();
    await pageB.getByTestId('admin-tab-computers').click();
    const listB = pageB.getByTestId('computers-list');
    await expect(listB.locator('[data-testid^="computer-"][data-self="true"]')).toContainText('Office');
    await expect(listB.locator('[data-testid^="computer-"][data-self="false"]')).toHaveCount(1);
    await expect(listB.locator('[data-testid^="computer-"][data-self="false"] [data-testid="computer-address"]')).toContainText(`127.0.0.1:${portA}`);
  } finally {
    for (const host of hosts.reverse()) await host.stop();
    // What each host said (its peer link's lines among them), for whoever reads a failure.
    for (const host of hosts) writeFileSync(`${host.dataDir}.log`, host.output());
  }
  expect(pageErrors, 'errors logged by the pages').toEqual([]);
});
