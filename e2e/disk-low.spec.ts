// The early disk warning in a real browser: a small real disk running low shows the admin's standing alert on every
// screen, the console included, and the diagnostics page says so with the threshold; it goes once space returns.
import { expect, test } from '@playwright/test';
import { mountSmallDisk } from '../integration/disk/small-tmpfs.js';
import { openKiosk } from './support/kiosk-test.js';
import { demoStaff, signInByName } from './support/staff-steps.js';
import { startKioskHost } from './support/kiosk-host.js';

test('a disk running low: the admin alert at the door and in the console, the diagnostics line, then gone by itself', async ({ page }) => {
  const mounted = mountSmallDisk(64);
  test.skip(mounted.disk === null, `a 64 MiB tmpfs cannot be mounted here (it needs root): ${mounted.reason ?? 'mount gave no reason'}`);
  const disk = mounted.disk;
  if (!disk) return;
  const host = await startKioskHost(disk.dir);
  try {
    await openKiosk(page, host);
    await expect(page.getByTestId('idle-screen')).toBeVisible();
    // 8 MiB left of 64: under the warning (a quarter of so small a disk), with room to record for a long while.
    disk.fill(8 * 1024 * 1024);
    const alert = page.locator('[data-alert-kind="disk-low"]');
    // The disk is looked at every 5 s.
    await expect(alert).toContainText('Әкімшіге: дискіде орын азайып барады', { timeout: 15_000 });
    await expect(page.getByTestId('idle-screen')).toBeVisible();

    await signInByName(page, demoStaff.admin.id, demoStaff.admin.pin);
    await page.getByTestId('admin-open').click();
    await expect(alert).toBeVisible();
    await page.getByTestId('admin-tab-diagnostics').click();
    await expect(page.getByTestId('diagnostics-disk')).toContainText('ОРЫН АЗ');
    await expect(page.getByTestId('diagnostics-disk')).toContainText('ескерту шегі 16.0 МБ');

    disk.free();
    await expect(alert).toHaveCount(0, { timeout: 15_000 });
  } finally {
    await host.stop();
    disk.unmount();
  }
});
