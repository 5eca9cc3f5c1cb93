// What an empty doorway costs: the whole kiosk (web host and Chromium, with its camera on and nobody at the door)
// measured over IDLE_S seconds, in percent of one core, split by process — and, in the same run, the floor under it:
// a bare page showing the same fake camera in a <video> of the same size (camera-floor-page.ts), and the same stream
// shown by nothing. The kiosk is measured once its viewfinder has gone to sleep (renderer/src/camera/viewfinder-sleep.ts,
// VIEWFINDER_SLEEP_AFTER_MS of a still doorway), as it spends most of an idle day; it still reads every frame. The fake camera
// plays a doorway with fresh sensor noise in every frame, as a real webcam's picture never stands quite still; its
// own cost (reading and converting a .y4m file) is part of the floor, where a real camera's driver would be.
import { join } from 'node:path';
import { launchWithCamera, waitForCamera } from '../e2e/support/camera-kiosk.js';
import { startKioskHost } from '../e2e/support/kiosk-host.js';
import { writeQrVideo, type VideoSegment } from '../e2e/support/qr-video.js';
import { openCameraFloorPage } from './camera-floor-page.js';
import { VIEWFINDER_SLEEP_AFTER_MS } from '../renderer/src/camera/scan-config.js';
import { measureDescendantCpu, type CpuWindow } from './process-cpu.js';
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

/** The kiosk's processes by their part: the web host is the only node process the benchmark starts (esbuild is the
 * benchmark's own TypeScript loader, not the kiosk). */
const PARTS: readonly { name: string; matches: (command: string) => boolean }[] = [
  { name: 'web_host', matches: (command) => command === 'node' },
  { name: 'renderer', matches: (command) => command === 'chromium renderer' },
  { name: 'gpu', matches: (command) => command === 'chromium gpu-process' },
  { name: 'camera_capture', matches: (command) => command.endsWith('VideoCaptureService') },
  { name: 'browser', matches: (command) => command === 'chromium' },
];

export interface IdleCpu {
  /** The whole kiosk, % of one core. */
  percent: number;
  /** The bare camera page, % of one core. */
  floorPercent: number;
  /** The same camera stream shown by nothing, % of one core. */
  streamFloorPercent: number;
  /** % of one core by part (PARTS, and 'other'). */
  parts: Map<string, number>;
}

function byPart(window: CpuWindow): Map<string, number> {
  const parts = new Map<string, number>();
  for (const [command, ms] of window.byCommand) {
    if (command === 'esbuild') continue;
    const part = PARTS.find((p) => p.matches(command))?.name ?? 'other';
    parts.set(part, (parts.get(part) ?? 0) + (100 * ms) / window.wallMs);
  }
  return parts;
}

const sum = (parts: Map<string, number>): number => [...parts.values()].reduce((a, b) => a + b, 0);
const describe = (parts: Map<string, number>): string =>
  [...parts]
    .sort((a, b) => b[1] - a[1])
    .map(([part, percent]) => `${part} ${percent.toFixed(1)} %`)
    .join(', ');
const idle = (seconds: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, seconds * 1000));

async function measureFloor(videoPath: string, seconds: number, shown: boolean): Promise<Map<string, number>> {
  const browser = await launchWithCamera(videoPath);
  try {
    await openCameraFloorPage(browser, shown);
    await idle(SETTLE_S);
    return byPart(await measureDescendantCpu(() => idle(seconds)));
  } finally {
    await browser.close();
  }
}

export async function benchIdleCpu(dataDir: string, idleSeconds = 30): Promise<IdleCpu> {
  const video = emptyDoorwayVideo(join(dataDir, 'doorway.y4m'));
  const floor = await measureFloor(video.path, idleSeconds, true);
  const streamFloor = await measureFloor(video.path, idleSeconds, false);
  const host = await startKioskHost(join(dataDir, 'kiosk'));
  let parts: Map<string, number>;
  try {
    const browser = await launchWithCamera(video.path);
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(host.url);
      await page.locator('body[data-ready="true"]').waitFor({ state: 'attached' });
      await waitForCamera(page);
      await page.waitForFunction(() => performance.getEntriesByName('esik:qr-frame', 'mark').length > 0, undefined, { timeout: 30_000 });
      await idle(SETTLE_S);
      // Measured asleep, as the kiosk spends an empty doorway: the viewfinder sleeps after VIEWFINDER_SLEEP_AFTER_MS
      // without motion. A doorway whose noise woke it would time out here rather than be measured awake unnoticed.
      const sleepStarted = Date.now();
      await page.locator('[data-testid="camera-dock"][data-viewfinder="asleep"]').waitFor({ state: 'attached', timeout: VIEWFINDER_SLEEP_AFTER_MS + 15_000 });
      console.log(`[bench] idle_cpu: the viewfinder went to sleep ${((Date.now() - sleepStarted) / 1000 + SETTLE_S).toFixed(0)} s after the decoder was ready (sleeps after ${String(VIEWFINDER_SLEEP_AFTER_MS / 1000)} s still)`);
      const framesBefore = await page.evaluate(() => {
        // Frames handed to the decoder (markNow keeps one mark at a time: count them as they come).
        const counter = { decoded: 0 };
        Object.assign(window, { esikDecodeCounter: counter });
        new PerformanceObserver((list) => {
          counter.decoded += list.getEntriesByName('esik:qr-frame').length;
        }).observe({ type: 'mark' });
        return document.querySelector<HTMLVideoElement>('#esik-qr-viewfinder video')?.getVideoPlaybackQuality().totalVideoFrames ?? 0;
      });
      const window = await measureDescendantCpu(() => idle(idleSeconds));
      const framesAfter = await page.evaluate(() => document.querySelector<HTMLVideoElement>('#esik-qr-viewfinder video')?.getVideoPlaybackQuality().totalVideoFrames ?? 0);
      const stillAsleep = await page.locator('[data-testid="camera-dock"][data-viewfinder="asleep"]').count();
      if (stillAsleep !== 1) throw new Error('the viewfinder woke during the idle measure: the empty doorway moved');
      const decoded = await page.evaluate(() => (Reflect.get(window, 'esikDecodeCounter') as { decoded: number }).decoded);
      parts = byPart(window);
      console.log(`[bench] idle_cpu over ${(window.wallMs / 1000).toFixed(0)} s, ${String(framesAfter - framesBefore)} camera frames shown, ${String(decoded)} decoded: ${describe(parts)}`);
    } finally {
      await browser.close();
    }
  } finally {
    await host.stop();
  }
  console.log(`[bench] idle_cpu floor, a bare page showing the same camera over ${String(idleSeconds)} s: ${describe(floor)}`);
  console.log(`[bench] idle_cpu stream floor, the same camera stream shown by nothing over ${String(idleSeconds)} s: ${describe(streamFloor)}`);
  const result = { percent: sum(parts), floorPercent: sum(floor), streamFloorPercent: sum(streamFloor), parts };
  report('idle_cpu_percent', result.percent, '%');
  report('idle_cpu_camera_floor_percent', result.floorPercent, '%');
  report('idle_cpu_camera_stream_floor_percent', result.streamFloorPercent, '%');
  // What the kiosk adds to its camera's stream, its viewfinder asleep: the part its own code can cut.
  report('idle_cpu_kiosk_own_percent', result.percent - result.streamFloorPercent, '%');
  for (const { name } of PARTS) report(`idle_cpu_${name}_percent`, parts.get(name) ?? 0, '%');
  return result;
}
