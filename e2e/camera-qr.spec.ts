// QR codes shown to the webcam: Chromium's fake camera plays a generated video into the real kiosk (web host,
// core, SQLite), and the code goes through the kiosk's frame scanner and zxing-cpp to identifyQr and the usual screens.
import type { Page, TestInfo } from '@playwright/test';
import { renderShot } from '../bench/qr/render-shot.js';
import { seededRng } from '../bench/qr/rng.js';
import { planShot } from '../bench/qr/shots.js';
import { expect, test, waitForCamera } from './support/camera-kiosk.js';
import { demoQrCodes } from './support/demo-qr-codes.js';
import { writeQrVideo, type QrVideo } from './support/qr-video.js';

const NOT_AN_ESIK_PASS = 'https://example.kz/not-an-esik-pass';

/** Half a second of an empty doorway, then the code for four: the loop's gap is well under the 1.5 s a code must
 * be away to count again, so however long a test runs, the code is presented once. */
function codeVideo(testInfo: TestInfo, text: string): QrVideo {
  return writeQrVideo(testInfo.outputPath('camera.y4m'), [
    { text: null, seconds: 0.5 },
    { text, seconds: 4 },
  ]);
}

/** Counts what the page marks, from the start: markNow keeps one mark of a name at a time. */
async function countMarks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const counts = new Map<string, number>();
    Object.assign(window, { esikMarkCounts: counts });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) counts.set(entry.name, (counts.get(entry.name) ?? 0) + 1);
    }).observe({ type: 'mark', buffered: true });
  });
}

function markCount(page: Page, name: string): Promise<number> {
  return page.evaluate((n) => {
    const counts: unknown = Reflect.get(window, 'esikMarkCounts');
    return counts instanceof Map ? Number(counts.get(n) ?? 0) : -1;
  }, name);
}

/** Resolves once the camera has played the video's loop through `loops` more times. */
async function waitForLoops(page: Page, video: QrVideo, loops: number): Promise<void> {
  const until = await page.evaluate(() => {
    const v = document.querySelector<HTMLVideoElement>('#esik-qr-viewfinder video');
    return v?.currentTime ?? 0;
  });
  await page.waitForFunction(
    (target) => (document.querySelector<HTMLVideoElement>('#esik-qr-viewfinder video')?.currentTime ?? 0) >= target,
    until + loops * video.seconds,
    { timeout: (loops * video.seconds + 5) * 1000 },
  );
}

test("a code from the camera reaches identifyQr once, decoded by zxing-cpp from the kiosk's own .wasm", async ({ cameraKiosk: kiosk }, testInfo) => {
  const video = codeVideo(testInfo, NOT_AN_ESIK_PASS);
  const requests: string[] = [];
  const page = await kiosk.open(video.path, { beforeOpen: (p) => p.on('request', (r) => requests.push(r.url())) });
  await countMarks(page);
  await waitForCamera(page);

  const message = page.getByTestId('error-message');
  await expect(message).toHaveAttribute('data-code', 'QR_MALFORMED');
  expect(kiosk.events()).toEqual([]);

  // The decode that found it ran in zxing-wasm, on the whole frame: html5-qrcode's zxing-js is not in the bundle at all.
  const detail = await page.evaluate(() => {
    const measure = performance.getEntriesByName('esik:qr-decoded', 'measure').at(-1);
    return measure instanceof PerformanceMeasure ? (measure.detail as unknown) : null;
  });
  expect(detail).toEqual({ decoder: 'zxing-wasm', width: 640, height: 480, pass: 'frame' });
  const origin = new URL(kiosk.host.url).origin;
  expect(requests.filter((url) => url.endsWith('.wasm'))).toEqual([expect.stringMatching(new RegExp(`^${origin}/assets/zxing_reader-[\\w-]+\\.wasm$`))]);
  expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'))).toEqual([]);
  for (const script of requests.filter((url) => url.endsWith('.js'))) {
    const code = await (await page.request.get(script)).text();
    expect(code).not.toMatch(/MultiFormatReader|HybridBinarizer/);
  }

  // The code stays in view through the error screen and back to idle: still only the one presentation.
  await expect(page.getByTestId('idle-screen')).toBeVisible({ timeout: 10_000 });
  await waitForLoops(page, video, 1);
  expect(await markCount(page, 'esik:qr-decoded')).toBe(1);
  await expect(page.getByTestId('idle-screen')).toBeVisible();
});

test.describe('Esik passes', () => {

  test('a valid code checks the child in', async ({ cameraKiosk: kiosk }, testInfo) => {
    const pass = (await demoQrCodes(kiosk.host.databasePath)).valid[0];
    if (!pass) throw new Error('no valid demo code');
    const page = await kiosk.open(codeVideo(testInfo, pass.text).path);
    await expect(page.getByTestId('done-screen')).toHaveAttribute('data-outcome', 'recorded', { timeout: 10_000 });
    await expect(page.getByTestId('receipt-entry')).toContainText(pass.childFirstNames[0] ?? '');
    expect(kiosk.events().map((e) => [e.kind, e.method])).toEqual([['arrival', 'qr']]);
  });

  // A card held right up to the camera fills most of the frame: the centred 384×384 box scanned before never saw it.
  test('a valid code held right up to the camera, slightly blurred and tilted, checks the child in', async ({ cameraKiosk: kiosk }, testInfo) => {
    const pass = (await demoQrCodes(kiosk.host.databasePath)).valid[0];
    if (!pass) throw new Error('no valid demo code');
    const frame = renderShot({ ...planShot(seededRng(1), 0, ['near', 'blur-light', 'tilt']), payload: pass.text });
    const xs = frame.codeCorners.map((p) => p.x);
    const ys = frame.codeCorners.map((p) => p.y);
    expect(Math.min(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys))).toBeGreaterThanOrEqual(400);
    const video = writeQrVideo(testInfo.outputPath('camera.y4m'), [
      { text: null, seconds: 0.5 },
      { text: pass.text, seconds: 4, picture: frame.pixels },
    ]);
    const page = await kiosk.open(video.path);
    await expect(page.getByTestId('done-screen')).toHaveAttribute('data-outcome', 'recorded', { timeout: 10_000 });
    await expect(page.getByTestId('receipt-entry')).toContainText(pass.childFirstNames[0] ?? '');
    expect(kiosk.events().map((e) => [e.kind, e.method])).toEqual([['arrival', 'qr']]);
  });

  // Nobody at the door for a while: the viewfinder sleeps (its live picture no longer drawn), and the first person to
  // show a code is still read, and sees themselves again. The sleep is shortened from 20 s to 1.5 s for the test.
  test('a code shown to a sleeping viewfinder checks the child in and wakes it', async ({ cameraKiosk: kiosk }, testInfo) => {
    const pass = (await demoQrCodes(kiosk.host.databasePath)).valid[0];
    if (!pass) throw new Error('no valid demo code');
    const video = writeQrVideo(testInfo.outputPath('camera.y4m'), [
      { text: null, seconds: 8 },
      { text: pass.text, seconds: 3 },
    ]);
    const page = await kiosk.open(video.path, {
      beforeOpen: (p) =>
        p.addInitScript(() => {
          Object.assign(window, { esikViewfinderSleepMs: 1_500 });
        }),
    });
    await waitForCamera(page);
    const dock = page.getByTestId('camera-dock');
    await expect(dock).toHaveAttribute('data-viewfinder', 'asleep', { timeout: 6_000 });
    await expect(page.getByTestId('camera-asleep')).toBeVisible();
    expect(await page.evaluate(() => document.querySelector<HTMLVideoElement>('#esik-qr-viewfinder video')?.srcObject ?? null)).toBeNull();
    // Asleep before the code came into view: what reads it is the scanner, not the picture on screen.
    expect(kiosk.events()).toEqual([]);

    await expect(page.getByTestId('done-screen')).toHaveAttribute('data-outcome', 'recorded', { timeout: 15_000 });
    expect(kiosk.events().map((e) => [e.kind, e.method])).toEqual([['arrival', 'qr']]);
    await expect(dock).toHaveAttribute('data-viewfinder', 'awake');
    await expect(page.getByTestId('camera-asleep')).toHaveCount(0);
    await waitForCamera(page);
  });

  for (const [label, name, code] of [
    ['a forged', 'forged', 'QR_FORGED'],
    ['an expired', 'expired', 'QR_EXPIRED'],
    ['a revoked', 'revoked', 'QR_REVOKED'],
  ] as const) {
    test(`${label} code shows its message and records nothing`, async ({ cameraKiosk: kiosk }, testInfo) => {
      const codes = await demoQrCodes(kiosk.host.databasePath);
      const page = await kiosk.open(codeVideo(testInfo, codes[name]).path);
      await expect(page.getByTestId('error-message')).toHaveAttribute('data-code', code, { timeout: 10_000 });
      expect(kiosk.events()).toEqual([]);
    });
  }
});
