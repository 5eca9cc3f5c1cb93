// The admin's "This computer" page against the built web host: no login item to manage here (the host is not the
// installed Windows app), a wrong PIN refused in words with nothing on record, then the right PIN closes the kiosk:
// the host process ends by itself and the admin audit names who left.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, openKiosk, readDatabase, test } from './support/kiosk-test.js';
import { repoRoot, startHostProcess } from './support/kiosk-host.js';
import { demoStaff, signInByName } from './support/staff-steps.js';

test('an admin leaves the kiosk from the console with their PIN, and the host stops', async ({ page }, testInfo) => {
  const dataDir = testInfo.outputPath('data');
  mkdirSync(dataDir, { recursive: true });
  const { host, child } = await startHostProcess([join(repoRoot, 'dist/web/cli.mjs'), '--no-window', '--data-dir', dataDir], dataDir);
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  try {
    await openKiosk(page, host);
    await page.getByTestId('language-kk').click();
    await signInByName(page, demoStaff.admin.id, demoStaff.admin.pin);
    await page.getByTestId('admin-open').click();
    await page.getByTestId('admin-tab-computer').click();
    await expect(page.getByTestId('admin-tab-computer')).toHaveText('Осы компьютер');
    await expect(page.getByTestId('start-at-login-not-here')).toContainText('жүйенің өзі іске қосады');

    await page.getByTestId('leave-kiosk').click();
    await page.getByTestId('leave-pin').fill('9999');
    await page.getByTestId('leave-confirm-button').click();
    await expect(page.getByTestId('leave-result')).toHaveText('PIN қате. Қалған әрекет: 4.');
    expect(readDatabase(join(dataDir, 'esik.sqlite'), "SELECT id FROM admin_audit WHERE action = 'kiosk-left'")).toEqual([]);

    await page.getByTestId('leave-pin').fill(demoStaff.admin.pin);
    await page.getByTestId('leave-confirm-button').click();
    await expect(page.getByTestId('leave-result')).toHaveText('Esik жабылып жатыр.');
    expect(await exited).toBe(0);
    expect(host.output()).toContain('stopping: an admin left the kiosk from the console');
    expect(readDatabase<{ staff_id: string }>(join(dataDir, 'esik.sqlite'), "SELECT staff_id FROM admin_audit WHERE action = 'kiosk-left'")).toEqual([{ staff_id: demoStaff.admin.id }]);
  } finally {
    await host.stop();
  }
});
