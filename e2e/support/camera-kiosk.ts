// A kiosk whose webcam is Chromium's fake camera playing a generated video. The fake camera is a launch flag, so
// every kiosk gets its own browser (and, like kiosk-test.ts, its own data folder and web host); the test fails
// if the page logged an error (a CSP violation included).
import { chromium, test as base, expect, type Browser, type Page } from '@playwright/test';
import { chromiumExecutable } from './browser.js';
import { readDatabase, type StoredEvent } from './kiosk-test.js';
import { startKioskHost, withoutEveningPickup, type RunningHost } from './kiosk-host.js';

export interface CameraKiosk {
  host: RunningHost;
  events(): StoredEvent[];
  /** Launches Chromium with its fake camera playing videoPath and opens the kiosk. */
  open(videoPath: string, options?: OpenOptions): Promise<Page>;
}

export interface OpenOptions {
  /** Runs before the page loads (to listen to its requests, say). */
  beforeOpen?: (page: Page) => unknown;
  /** false: the camera permission prompt is refused, as a person (or a policy) may. */
  allowCamera?: boolean;
}

export function cameraLaunchArgs(videoPath: string, allowCamera = true): string[] {
  return [
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${videoPath}`,
    allowCamera ? '--use-fake-ui-for-media-stream' : '--deny-permission-prompts',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--autoplay-policy=no-user-gesture-required',
  ];
}

export function launchWithCamera(videoPath: string, allowCamera = true): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumExecutable(), args: cameraLaunchArgs(videoPath, allowCamera) });
}

/** Waits until the webcam's frames are on screen in the viewfinder. */
export async function waitForCamera(page: Page): Promise<void> {
  await expect(page.getByTestId('camera-dock')).toHaveAttribute('data-state', 'scanning');
  await page.waitForFunction(() => {
    const video = document.querySelector<HTMLVideoElement>('#esik-qr-viewfinder video');
    return !!video && video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && !video.paused;
  });
}

// The host starts first: the codes a test shows are minted against its database, and the video that shows them
// must exist before the browser starts.
export const test = base.extend<{ cameraKiosk: CameraKiosk }>({
  cameraKiosk: async ({}, use, testInfo) => {
    const host = withoutEveningPickup(await startKioskHost(testInfo.outputPath('data')));
    const browsers: Browser[] = [];
    const errors: string[] = [];
    let errorsWhileRunning: string[] = [];
    try {
      await use({
        host,
        events: () => readDatabase<StoredEvent>(host.databasePath, 'SELECT child_id, kind, method, companion_id FROM attendance_events ORDER BY device_seq'),
        open: async (videoPath, options = {}) => {
          const browser = await launchWithCamera(videoPath, options.allowCamera);
          browsers.push(browser);
          const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
          page.on('pageerror', (error) => errors.push(error.message));
          page.on('console', (message) => {
            if (message.type() === 'error') errors.push(message.text());
          });
          await options.beforeOpen?.(page);
          await page.goto(host.url);
          await expect(page.locator('body[data-ready="true"]')).toBeAttached();
          return page;
        },
      });
      // Taken before the host stops: the page rightly complains once its host is gone.
      errorsWhileRunning = [...errors];
    } finally {
      for (const browser of browsers) await browser.close();
      await host.stop();
    }
    expect(errorsWhileRunning, 'errors logged by the page').toEqual([]);
  },
});

export { expect };
