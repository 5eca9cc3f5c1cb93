// Codes from far to very near through the kiosk's real camera path: Chromium's fake camera plays the camera set
// (bench/qr/camera-set.ts: real passes drawn into webcam-like doorway frames) → the frame scanner over the region the
// kiosk scans → zxing-cpp → web host → core → durable insert → receipt painted. Timed inside the page from the first
// presented video frame showing each code to the painted receipt naming its child (camera-latency.ts).
import { join } from 'node:path';
import { launchWithCamera, waitForCamera } from '../e2e/support/camera-kiosk.js';
import { demoQrCodes } from '../e2e/support/demo-qr-codes.js';
import { startKioskHost } from '../e2e/support/kiosk-host.js';
import { writeQrVideo, type VideoSegment } from '../e2e/support/qr-video.js';
import { writeSetting } from '../e2e/support/staff-steps.js';
import { collectCodeTimings, recordCodeTimings } from './camera-latency.js';
import { renderCameraSet } from './qr/camera-set.js';
import { percentile, report } from './stats.js';

const FPS = 10;
/** The page loading, the camera starting and the decoder compiling before the first code. */
const WARM_UP_S = 3;
/** Each code is held for a second, then the doorway is empty for one (the presentation filter needs 1.5 s apart
 * only for the same code; the set's neighbours are different passes). */
const CODE_S = 1;
const GAP_S = 1;

export interface CameraE2e {
  rate: number;
  medianMs: number;
}

export async function benchQrCameraE2e(dataDir: string): Promise<CameraE2e> {
  const host = await startKioskHost(join(dataDir, 'kiosk'));
  try {
    // Passes come round again within the run: no departure guard asking instead of a receipt.
    writeSetting(host.databasePath, 'departureGuardMinutes', 0);
    const passes = (await demoQrCodes(host.databasePath)).valid;
    const set = renderCameraSet(passes.map((pass) => pass.text));
    const first = set[0];
    if (!first) throw new Error('an empty camera set');
    const segments: VideoSegment[] = [{ text: null, seconds: WARM_UP_S, picture: first.empty }];
    for (const shot of set) segments.push({ text: shot.text, seconds: CODE_S, picture: shot.picture }, { text: null, seconds: GAP_S, picture: shot.empty });
    const video = writeQrVideo(join(dataDir, 'camera-set.y4m'), segments, FPS);
    const names = set.map((shot) => passes.find((pass) => pass.text === shot.text)?.childFirstNames[0] ?? '');

    const browser = await launchWithCamera(video.path);
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(host.url);
      await page.locator('body[data-ready="true"]').waitFor({ state: 'attached' });
      await recordCodeTimings(page, video, 'esik:receipt-visible');
      await waitForCamera(page);
      const timing = await collectCodeTimings(page, video, names);
      const byRecipe = new Map<string, string[]>();
      for (const [i, shot] of set.entries()) {
        const ms = timing.latencies[i];
        byRecipe.set(shot.recipe, [...(byRecipe.get(shot.recipe) ?? []), ms === null || ms === undefined ? 'MISSED' : `${ms.toFixed(0)} ms`]);
      }
      for (const [recipe, outcomes] of byRecipe) console.log(`[bench] qr_camera_e2e ${recipe.padEnd(34)} ${outcomes.join(', ')}`);
      const measured = timing.latencies.filter((ms): ms is number => ms !== null);
      console.log(
        `[bench] qr_camera_e2e: ${String(measured.length)}/${String(set.length)} codes reached a receipt; mediaTime onsets confirmed by pixels ` +
          `${String(timing.onsetsConfirmed)}; decode p95 ${timing.decodeMs.length > 0 ? percentile(timing.decodeMs, 95).toFixed(1) : '–'} ms over ${String(timing.decodeMs.length)} decodes`,
      );
      const result = { rate: (100 * measured.length) / set.length, medianMs: measured.length > 0 ? percentile(measured, 50) : Number.NaN };
      report('qr_camera_e2e_rate', result.rate, '%');
      report('qr_camera_e2e_median_ms', result.medianMs, 'ms');
      return result;
    } finally {
      await browser.close();
    }
  } finally {
    await host.stop();
  }
}
