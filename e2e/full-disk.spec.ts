// The door on a disk that fills up, in a real browser: a tap that cannot be kept says so, the door shows that it
// cannot record (in Kazakh, the door's language, with the reason: the public needs it to note arrivals on paper), the
// staff read it after signing in, and it is ready again by itself once space is freed.
import { expect, test } from '@playwright/test';
import { mountSmallDisk } from '../integration/disk/small-tmpfs.js';
import { cardKeys, typeAsReader } from './support/card-reader.js';
import { openKiosk } from './support/kiosk-test.js';
import { demoStaff, signInByName } from './support/staff-steps.js';
import { startKioskHost } from './support/kiosk-host.js';

const MOTHER_ONE_CHILD = '0004512346';
const UNKNOWN_CARD = '0009999999';

test('a full disk: "not recorded", the cannot-record screen with its reason, then ready again by itself', async ({ page }) => {
  const mounted = mountSmallDisk(8);
  test.skip(mounted.disk === null, `full-disk e2e skipped: ${mounted.reason ?? ''}`);
  const disk = mounted.disk;
  if (!disk) return;
  const host = await startKioskHost(disk.dir);
  try {
    await openKiosk(page, host);
    await expect(page.getByTestId('idle-screen')).toBeVisible();
    disk.fill();
    // The check-in needs new pages at the end of the WAL, which the full disk refuses.
    await typeAsReader(page, cardKeys(MOTHER_ONE_CHILD), 5);
    await expect(page.getByTestId('error-message')).toHaveAttribute('data-code', 'CANNOT_RECORD');
    await expect(page.getByTestId('cannot-record-screen')).toHaveAttribute('data-problem', 'DISK_FULL');
    await expect(page.getByTestId('cannot-record-screen')).toContainText('Киоск қазір белгіні жаза алмайды');
    await expect(page.getByTestId('cannot-record-screen')).toContainText('Диск толып қалды');
    // An unknown card is still unknown.
    await typeAsReader(page, cardKeys(UNKNOWN_CARD), 5);
    await expect(page.getByTestId('error-message')).toHaveAttribute('data-code', 'UNKNOWN_CARD');

    disk.free();
    await expect(page.getByTestId('idle-screen')).toBeVisible({ timeout: 15_000 });
    await expect(page.getByTestId('cannot-record-screen')).toHaveCount(0);
  } finally {
    await host.stop();
    disk.unmount();
  }
});

test('a start on a disk already full: the cannot-record screen, unknown cards, staff sign-in, then ready by itself', async ({ page }) => {
  const mounted = mountSmallDisk(8);
  test.skip(mounted.disk === null, `full-disk e2e skipped: ${mounted.reason ?? ''}`);
  const disk = mounted.disk;
  if (!disk) return;
  // A first run creates the demo kindergarten; stopped cleanly, it leaves no -wal or -shm.
  await (await startKioskHost(disk.dir)).stop();
  // Room for the launch link's file and nothing more (a new -shm alone needs 32 KiB).
  disk.fill(8 * 1024);
  const host = await startKioskHost(disk.dir);
  try {
    await openKiosk(page, host);
    await expect(page.getByTestId('cannot-record-screen')).toHaveAttribute('data-problem', 'DISK_FULL');
    await expect(page.getByTestId('cannot-record-screen')).toContainText('Диск толып қалды');
    await typeAsReader(page, cardKeys(UNKNOWN_CARD), 5);
    await expect(page.getByTestId('error-message')).toHaveAttribute('data-code', 'UNKNOWN_CARD');
    await signInByName(page, demoStaff.duty.id, demoStaff.duty.pin);
    // The staff's alert list says why, in their words.
    await expect(page.locator('[data-testid="staff-standing-alert"][data-alert-kind="cannot-record"]')).toContainText('Диск толып қалды');
    await page.getByTestId('staff-sign-out').click();

    disk.free();
    await expect(page.getByTestId('idle-screen')).toBeVisible({ timeout: 15_000 });
    await expect(page.getByTestId('cannot-record-screen')).toHaveCount(0);
    await typeAsReader(page, cardKeys(MOTHER_ONE_CHILD), 5);
    await expect(page.getByTestId('done-screen')).toHaveAttribute('data-outcome', 'recorded');
  } finally {
    await host.stop();
    disk.unmount();
  }
});
