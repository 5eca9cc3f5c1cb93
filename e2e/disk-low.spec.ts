// The early disk warning in a real browser: a small real disk running low counts on the door's staff entry (no words
// at the public door), the admin reads it after signing in, the diagnostics page says so with the threshold; it goes
// once space returns.
import { expect, test } from '@playwright/test';
import { mountSmallDisk } from '../integration/disk/small-tmpfs.js';
import { openKiosk } from './support/kiosk-test.js';
import { demoStaff, signInByName, writeSetting } from './support/staff-steps.js';
import { startKioskHost } from './support/kiosk-host.js';

test('a disk running low: a count at the door, the alert after the admin signs in, the diagnostics line, then gone by itself', async ({ page }) => {
  const mounted = mountSmallDisk(64);
  test.skip(mounted.disk === null, `a 64 MiB tmpfs cannot be mounted here (it needs root): ${mounted.reason ?? 'mount gave no reason'}`);
  const disk = mounted.disk;
  if (!disk) return;
  const host = await startKioskHost(disk.dir);
  try {
    // The spec runs at any wall-clock hour: past the closing time that alert would add itself to the count.
    writeSetting(host.databasePath, 'closingTime', '23:59');
    await openKiosk(page, host);
    await expect(page.getByTestId('idle-screen')).toBeVisible();
    // 8 MiB left of 64: under the warning (a quarter of so small a disk), with room to record for a long while.
    disk.fill(8 * 1024 * 1024);
    const count = page.getByTestId('staff-alert-count');
    // The disk is looked at every 5 s.
    await expect(count).toHaveText('1', { timeout: 15_000 });
    await expect(page.getByTestId('idle-screen')).toBeVisible();
    await expect(page.locator('body')).not.toContainText('дискіде орын азайып барады');

    await signInByName(page, demoStaff.admin.id, demoStaff.admin.pin);
    await expect(page.locator('[data-testid="staff-standing-alert"][data-alert-kind="disk-low"]')).toContainText('Әкімшіге: дискіде орын азайып барады');
    await page.getByTestId('admin-open').click();
    await page.getByTestId('admin-tab-diagnostics').click();
    await expect(page.getByTestId('diagnostics-disk')).toContainText('ОРЫН АЗ');
    await expect(page.getByTestId('diagnostics-disk')).toContainText('ескерту шегі 16.0 МБ');

    disk.free();
    // A fresh look at the door: no count once the disk has room again.
    const door = await page.context().newPage();
    await openKiosk(door, host);
    await expect(door.getByTestId('idle-screen')).toBeVisible();
    await expect(door.getByTestId('staff-alert-count')).toHaveCount(0, { timeout: 15_000 });
  } finally {
    await host.stop();
    disk.unmount();
  }
});
