// The camera's live test in the first run's readers step: Chromium's fake camera plays a video of a QR code, the door's
// own viewfinder and decoder read it in the step, the step shows what it read, and the checklist says the camera works.
import { expect, test } from '@playwright/test';
import { launchWithCamera } from './support/camera-kiosk.js';
import { setUpToRoster } from './support/first-run-steps.js';
import { startKioskHost } from './support/kiosk-host.js';
import { openKiosk, readDatabase } from './support/kiosk-test.js';
import { writeQrVideo } from './support/qr-video.js';

const SHOWN = 'ESIK CAMERA TEST 7';

test('the readers step shows the camera live, reads any QR code shown to it, and the checklist says it works', async ({}, testInfo) => {
  test.setTimeout(90_000);
  const video = writeQrVideo(testInfo.outputPath('camera.y4m'), [
    { text: null, seconds: 1 },
    { text: SHOWN, seconds: 2 },
  ]);
  const host = await startKioskHost(testInfo.outputPath('data'), ['--no-demo']);
  const browser = await launchWithCamera(video.path);
  const errors: string[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (error) => errors.push(error.message));
    await openKiosk(page, host);
    await setUpToRoster(page);
    await page.getByTestId('setup-roster-own').click();
    await page.getByTestId('setup-step-readers').click();

    await expect(page.getByTestId('setup-camera')).toBeVisible();
    await expect(page.getByTestId('setup-camera-read')).toHaveText(`Code read: ${SHOWN}`, { timeout: 20_000 });
    await expect(page.getByTestId('setup-camera-state')).toHaveAttribute('data-state', 'working');
    await expect(page.getByTestId('setup-camera-state')).toHaveText('Camera found and working: it read a code');
    // The door recorded nothing and refused nothing: in the setup a code is only a test.
    expect(readDatabase(host.databasePath, 'SELECT 1 FROM refused_attempts')).toEqual([]);

    await page.getByTestId('setup-step-checklist').click();
    await expect(page.getByTestId('setup-check-camera')).toHaveAttribute('data-done', 'true');
    await expect(page.getByTestId('setup-check-camera')).toContainText('Camera found and working');
    const camera = readDatabase<{ detail: string }>(host.databasePath, "SELECT detail FROM admin_audit WHERE action = 'setup-step' AND detail LIKE '%camera%'");
    expect(camera.map((r) => JSON.parse(r.detail) as unknown)).toEqual([{ step: 'camera', outcome: 'working' }]);
    expect(errors).toEqual([]);
  } finally {
    await browser.close();
    await host.stop();
  }
});

test('with no camera the readers step and the checklist say it was not found', async ({ page }, testInfo) => {
  const host = await startKioskHost(testInfo.outputPath('data'), ['--no-demo']);
  try {
    await openKiosk(page, host);
    await setUpToRoster(page);
    await page.getByTestId('setup-roster-own').click();
    await page.getByTestId('setup-step-readers').click();
    await expect(page.getByTestId('setup-camera-state')).toHaveAttribute('data-state', 'noCamera');
    await expect(page.getByTestId('setup-camera-state')).toHaveText('Camera not found');
    await page.getByTestId('setup-step-checklist').click();
    await expect(page.getByTestId('setup-check-camera')).toHaveAttribute('data-done', 'false');
    await expect(page.getByTestId('setup-check-camera')).toContainText('Camera not found');
  } finally {
    await host.stop();
  }
});
