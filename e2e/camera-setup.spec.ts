// The camera's bad days and its settings: no camera, a refused permission, a camera unplugged and back, and staff
// choosing the camera. Cards keep working through all of it.
import type { Page } from '@playwright/test';
import { expect, test, waitForCamera } from './support/camera-kiosk.js';
import { cardKeys, typeAsReader } from './support/card-reader.js';
import { test as kioskTest } from './support/kiosk-test.js';
import { writeQrVideo } from './support/qr-video.js';
import { demoStaff, signInByName } from './support/staff-steps.js';

const MOTHER_ONE_CHILD = '0004512346';

async function cardStillWorks(page: Page): Promise<void> {
  await typeAsReader(page, cardKeys(MOTHER_ONE_CHILD), 5);
  await expect(page.getByTestId('done-screen')).toHaveAttribute('data-outcome', 'recorded');
}

kioskTest('with no camera at all the kiosk says so, and cards still work', async ({ kiosk }) => {
  const { page } = kiosk;
  await expect(page.getByTestId('camera-problem')).toHaveAttribute('data-problem', 'noCamera');
  await expect(page.getByTestId('camera-problem')).toContainText('Камера табылмады');
  await cardStillWorks(page);
});

test('a refused camera permission is shown for staff, and cards still work', async ({ cameraKiosk: kiosk }, testInfo) => {
  const video = writeQrVideo(testInfo.outputPath('camera.y4m'), [{ text: null, seconds: 1 }]);
  const page = await kiosk.open(video.path, { allowCamera: false });
  await expect(page.getByTestId('camera-problem')).toHaveAttribute('data-problem', 'permissionDenied');
  await cardStillWorks(page);
});

test('an unplugged camera is shown, and scanning comes back by itself when cameras change', async ({ cameraKiosk: kiosk }, testInfo) => {
  const video = writeQrVideo(testInfo.outputPath('camera.y4m'), [{ text: null, seconds: 1 }]);
  const page = await kiosk.open(video.path);
  await waitForCamera(page);

  // The fake camera cannot be pulled out: its track says it ended, as a real one does when unplugged.
  await page.evaluate(() => {
    const video = document.querySelector<HTMLVideoElement>('#esik-qr-viewfinder video');
    const track = video?.srcObject instanceof MediaStream ? video.srcObject.getVideoTracks()[0] : undefined;
    if (!track) throw new Error('no camera track');
    track.dispatchEvent(new Event('ended'));
  });
  await expect(page.getByTestId('camera-problem')).toHaveAttribute('data-problem', 'unplugged');
  await expect(page.getByTestId('camera-problem')).toContainText('Камера ажыратылды');
  await cardStillWorks(page);

  await page.evaluate(() => navigator.mediaDevices.dispatchEvent(new Event('devicechange')));
  await waitForCamera(page);
  await expect(page.getByTestId('camera-problem')).toHaveCount(0);
});

test('a camera whose frames stop is restarted by the watchdog', async ({ cameraKiosk: kiosk }, testInfo) => {
  const video = writeQrVideo(testInfo.outputPath('camera.y4m'), [{ text: null, seconds: 1 }]);
  // A hung driver delivers nothing more: the frames the scanner reads from the camera track stop while the flag is up.
  const page = await kiosk.open(video.path, {
    beforeOpen: (p) =>
      p.addInitScript(() => {
        const Processor = Reflect.get(window, 'MediaStreamTrackProcessor') as new (init: object) => { readable: ReadableStream<VideoFrame> };
        class StallableProcessor {
          readonly readable: ReadableStream<VideoFrame>;
          constructor(init: object) {
            this.readable = new Processor(init).readable.pipeThrough(
              new TransformStream<VideoFrame, VideoFrame>({
                transform(frame, controller) {
                  if (Reflect.get(window, 'esikCameraStuck') === true) frame.close();
                  else controller.enqueue(frame);
                },
              }),
            );
          }
        }
        Reflect.set(window, 'MediaStreamTrackProcessor', StallableProcessor);
      }),
  });
  await waitForCamera(page);
  await page.evaluate(() => {
    const stuck = document.querySelector<HTMLVideoElement>('#esik-qr-viewfinder video');
    if (!stuck) throw new Error('no scanner video');
    stuck.dataset.stuck = 'true';
    Reflect.set(window, 'esikCameraStuck', true);
  });
  // 10 s without a frame, checked every 2 s: then a fresh scanner with a fresh <video>.
  await expect(page.locator('#esik-qr-viewfinder video:not([data-stuck])')).toBeAttached({ timeout: 20_000 });
  await page.evaluate(() => Reflect.set(window, 'esikCameraStuck', false));
  await waitForCamera(page);
});

test('an admin chooses the camera in the door settings; the choice is kept and the scanner runs on it', async ({ cameraKiosk: kiosk }, testInfo) => {
  const video = writeQrVideo(testInfo.outputPath('camera.y4m'), [{ text: null, seconds: 1 }]);
  const page = await kiosk.open(video.path);
  await waitForCamera(page);
  // Nothing on the door switches the camera: a stray touch cannot take QR codes away.
  await expect(page.getByTestId('staff-corner').locator('select, [data-testid^="camera"]')).toHaveCount(0);

  const openDoorSettings = async () => {
    await signInByName(page, demoStaff.admin.id, demoStaff.admin.pin);
    await page.getByTestId('admin-open').click();
    await page.getByTestId('admin-tab-settings').click();
    return page.getByTestId('door-settings');
  };
  let door = await openDoorSettings();
  const camera = door.getByTestId('door-camera');
  await expect(camera).toHaveValue('');
  const options = camera.locator('option');
  await expect(options).toHaveCount(2);
  const fakeCamera = await options.nth(1).getAttribute('value');
  await camera.selectOption(fakeCamera ?? '');
  await door.getByTestId('door-save').click();
  await expect(door.getByTestId('door-message')).toBeVisible();
  await page.getByTestId('admin-sign-out').click();
  await waitForCamera(page);

  await page.reload();
  await waitForCamera(page);
  door = await openDoorSettings();
  await expect(door.getByTestId('door-camera')).toHaveValue(fakeCamera ?? 'none');
});
