// What an empty doorway costs: the whole kiosk (web host and Chromium, with its camera on and nobody at the door)
// measured over IDLE_S seconds, in percent of one core. The fake camera plays a doorway with fresh sensor noise in
// every frame, as a real webcam's picture never stands quite still.
import { join } from 'node:path';
import { launchWithCamera, waitForCamera } from '../e2e/support/camera-kiosk.js';
import { startKioskHost } from '../e2e/support/kiosk-host.js';
import { writeQrVideo, type VideoSegment } from '../e2e/support/qr-video.js';
import { measureDescendantCpu } from './process-cpu.js';
import { doorwayBackground } from './qr/background.js';
import { gaussianBlur, sensorNoise, uneven } from './qr/filters.js';
import { toBytes } from './qr/gray-image.js';
import { seededRng } from './qr/rng.js';
import { FRAME } from './qr/shots.js';
import { report } from './stats.js';

const FPS = 10;
/** Distinct noisy frames in the video's loop. */
const NOISE_FRAMES = 30;
/** Start-up done (page, camera, decoder compiled) before the measure. */
const SETTLE_S = 5;

export function emptyDoorwayVideo(path: string, seed = 0x49444c45 /* "IDLE" */): ReturnType<typeof writeQrVideo> {
  const rng = seededRng(seed);
  const scene = gaussianBlur(uneven(doorwayBackground(rng, FRAME.width, FRAME.height), 0.1, rng.range(0, 360)), 0.5);
  const segments: VideoSegment[] = Array.from({ length: NOISE_FRAMES }, () => ({ text: null, seconds: 1 / FPS, picture: toBytes(sensorNoise(scene, rng, 2.5)) }));
  return writeQrVideo(path, segments, FPS);
}

export async function benchIdleCpu(dataDir: string, idleSeconds = 30): Promise<number> {
  const host = await startKioskHost(join(dataDir, 'kiosk'));
  try {
    const video = emptyDoorwayVideo(join(dataDir, 'doorway.y4m'));
    const browser = await launchWithCamera(video.path);
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(host.url);
      await page.locator('body[data-ready="true"]').waitFor({ state: 'attached' });
      await waitForCamera(page);
      await page.waitForFunction(() => performance.getEntriesByName('esik:qr-frame', 'mark').length > 0, undefined, { timeout: 30_000 });
      await new Promise((resolve) => setTimeout(resolve, SETTLE_S * 1000));
      const framesBefore = await page.evaluate(() => {
        // Frames handed to the decoder (markNow keeps one mark at a time: count them as they come).
        const counter = { decoded: 0 };
        Object.assign(window, { esikDecodeCounter: counter });
        new PerformanceObserver((list) => {
          counter.decoded += list.getEntriesByName('esik:qr-frame').length;
        }).observe({ type: 'mark' });
        return document.querySelector<HTMLVideoElement>('#esik-qr-viewfinder video')?.getVideoPlaybackQuality().totalVideoFrames ?? 0;
      });
      const window = await measureDescendantCpu(() => new Promise((resolve) => setTimeout(resolve, idleSeconds * 1000)));
      const framesAfter = await page.evaluate(() => document.querySelector<HTMLVideoElement>('#esik-qr-viewfinder video')?.getVideoPlaybackQuality().totalVideoFrames ?? 0);
      const decoded = await page.evaluate(() => (Reflect.get(window, 'esikDecodeCounter') as { decoded: number }).decoded);
      // esbuild is the benchmark's own TypeScript loader, not the kiosk.
      const kiosk = [...window.byCommand].filter(([command]) => command !== 'esbuild');
      const percent = (100 * kiosk.reduce((sum, [, ms]) => sum + ms, 0)) / window.wallMs;
      const split = kiosk.filter(([, ms]) => ms > 0).sort((a, b) => b[1] - a[1]).map(([command, ms]) => `${command} ${((100 * ms) / window.wallMs).toFixed(1)} %`);
      console.log(`[bench] idle_cpu over ${(window.wallMs / 1000).toFixed(0)} s, ${String(framesAfter - framesBefore)} camera frames shown, ${String(decoded)} decoded: ${split.join(', ')}`);
      report('idle_cpu_percent', percent, '%');
      return percent;
    } finally {
      await browser.close();
    }
  } finally {
    await host.stop();
  }
}
