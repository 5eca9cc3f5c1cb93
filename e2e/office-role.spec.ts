// The office PC (issue 18 §1, docs/peers.md §2) as a kindergarten's IT person meets it: a fresh kiosk is told at the
// first run that it stands in the office, and from then on it opens on the staff sign-in by name and PIN — never the
// door screen, never the camera. The head signs in, sees the headcount and the console; left alone, the session ends
// back on the sign-in, not on a door.
import { test } from '@playwright/test';
import { FIRST_ADMIN, setUpToRoster } from './support/first-run-steps.js';
import { startKioskHost } from './support/kiosk-host.js';
import { expect, openKiosk, readDatabase } from './support/kiosk-test.js';
import { typePin, writeSetting } from './support/staff-steps.js';

declare global {
  interface Window {
    /** How often the page asked for a camera (getUserMedia) or listed the devices to find one. */
    esikCameraAsked?: number;
    /** Whether the door's idle screen was ever in the page. */
    esikDoorSeen?: boolean;
  }
}

test('a fresh kiosk set up as the office opens on the staff sign-in, with no door screen and no camera', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  // Watches the page from its first script: any camera request, and the door screen if it ever shows.
  await page.addInitScript(() => {
    window.esikCameraAsked = 0;
    window.esikDoorSeen = false;
    const media = navigator.mediaDevices as MediaDevices | undefined;
    if (media) {
      const getUserMedia = media.getUserMedia.bind(media);
      const enumerateDevices = media.enumerateDevices.bind(media);
      media.getUserMedia = (constraints) => {
        window.esikCameraAsked = (window.esikCameraAsked ?? 0) + 1;
        return getUserMedia(constraints);
      };
      media.enumerateDevices = () => {
        window.esikCameraAsked = (window.esikCameraAsked ?? 0) + 1;
        return enumerateDevices();
      };
    }
    new MutationObserver(() => {
      if (document.querySelector('[data-testid="idle-screen"], [data-testid="camera-dock"]')) window.esikDoorSeen = true;
    }).observe(document, { childList: true, subtree: true });
  });
  const host = await startKioskHost(testInfo.outputPath('data'), ['--no-demo']);
  try {
    await openKiosk(page, host);
    const screen = page.getByTestId('setup-screen');

    // The question after the language, each answer said in a sentence; the office has no readers step.
    await setUpToRoster(page, 'Kindergarten No. 7 "Balapan"', 'office');
    expect(readDatabase<{ value: string }>(host.databasePath, "SELECT value FROM settings WHERE key = 'machineRole'")).toEqual([{ value: '"office"' }]);
    await expect(page.getByTestId('setup-step-readers')).toHaveCount(0);
    await page.getByTestId('setup-roster-own').click();
    await page.getByTestId('setup-step-role').click();
    await expect(page.getByTestId('setup-role-office')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('setup-role-office')).toContainText('no card reader, no camera');
    await page.getByTestId('setup-step-checklist').click();
    await expect(screen).toHaveAttribute('data-step', 'checklist');
    await expect(page.getByTestId('setup-check-role')).toHaveAttribute('data-done', 'true');
    await expect(page.getByTestId('setup-check-camera')).toHaveCount(0);
    await page.getByTestId('setup-finish').click();

    // Not the door: the staff sign-in by name, with no way "back to the door".
    const signIn = page.getByTestId('staff-sign-in');
    await expect(signIn).toBeVisible();
    await expect(page.getByTestId('staff-back')).toHaveCount(0);
    await expect(signIn).not.toContainText('staff card');
    const [admin] = readDatabase<{ id: string }>(host.databasePath, "SELECT id FROM staff WHERE role = 'admin'");
    if (!admin) throw new Error('no admin');

    // A short staff idle time, so the return to the sign-in is seen within the test.
    writeSetting(host.databasePath, 'staffIdleSeconds', 5);
    await page.locator(`[data-testid="staff-name"][data-staff-id="${admin.id}"]`).click();
    await typePin(page, FIRST_ADMIN.pin);
    await expect(page.getByTestId('staff-session')).toBeVisible();
    await page.getByTestId('staff-menu-headcount').click();
    await expect(page.getByTestId('headcount-page')).toBeVisible();
    // Left alone: signed out by the idle time, back on the sign-in.
    await expect(signIn).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('staff-session')).toHaveCount(0);
    expect(readDatabase<{ n: number }>(host.databasePath, "SELECT COUNT(*) AS n FROM staff_audit WHERE action = 'session-timeout'")).toEqual([{ n: 1 }]);

    // The head again, into the console: today's headcount; then signed out, back on the sign-in.
    writeSetting(host.databasePath, 'staffIdleSeconds', 60);
    await page.locator(`[data-testid="staff-name"][data-staff-id="${admin.id}"]`).click();
    await typePin(page, FIRST_ADMIN.pin);
    await page.getByTestId('admin-open').click();
    await expect(page.getByTestId('admin-console')).toHaveAttribute('data-tab', 'today');
    await page.getByTestId('admin-tab-computer').click();
    await expect(page.getByTestId('machine-role')).toHaveAttribute('data-role', 'office');
    // The kindergarten's rules are kept here too, but no door's screen, sound, camera or readers.
    await page.getByTestId('admin-tab-settings').click();
    await expect(page.getByTestId('admin-settings')).toBeVisible();
    await expect(page.getByTestId('setting-closingTime')).toBeVisible();
    await expect(page.getByTestId('door-settings')).toHaveCount(0);
    await page.getByTestId('admin-sign-out').click();
    await expect(signIn).toBeVisible();

    // No door screen and no camera at any moment; and no headcount taken by this computer itself.
    expect(await page.evaluate(() => window.esikDoorSeen)).toBe(false);
    expect(await page.evaluate(() => window.esikCameraAsked)).toBe(0);
    expect(readDatabase(host.databasePath, "SELECT id FROM headcounts WHERE trigger = 'cut-off'")).toEqual([]);
    expect(pageErrors).toEqual([]);
  } finally {
    await host.stop();
  }
});
