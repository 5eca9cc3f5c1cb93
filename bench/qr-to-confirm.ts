// QR codes shown to the webcam, through the whole door path: Chromium's fake camera plays 50 valid codes of
// single-child companions (so the tap itself records, no confirm click) → the frame scanner + zxing-cpp → web host →
// core → durable insert → receipt painted. Timed inside the page, from the first presented video frame showing
// each code to the painted receipt (camera-latency.ts).
import { join } from 'node:path';
import { launchWithCamera, waitForCamera } from '../e2e/support/camera-kiosk.js';
import { demoQrCodes } from '../e2e/support/demo-qr-codes.js';
import { startKioskHost } from '../e2e/support/kiosk-host.js';
import { writeQrVideo, type VideoSegment } from '../e2e/support/qr-video.js';
import { writeSetting } from '../e2e/support/staff-steps.js';
import { collectCodeTimings, recordCodeTimings } from './camera-latency.js';
import { percentile, report } from './stats.js';

/** 10 fps: the scanner samples at 10 fps, and at 640×480 every raw y4m frame is 460 KB on disk. */
const FPS = 10;
/** Time for the page to load, the camera to start and the decoder to compile before the first code. */
const WARM_UP_S = 3;
/** Each code is held for a second, then the doorway is empty for half a second. */
const CODE_S = 1;
const GAP_S = 0.5;

export async function benchQrToConfirm(dataDir: string, presentations = 50): Promise<number> {
  const host = await startKioskHost(join(dataDir, 'kiosk'));
  try {
    // The same few codes come round every few seconds here, where a real door sees each once or twice a day: off with
    // the guard that asks before a departure just after the arrival, so every presentation ends on a receipt.
    writeSetting(host.databasePath, 'departureGuardMinutes', 0);
    const passes = (await demoQrCodes(host.databasePath)).valid;
    const shown = Array.from({ length: presentations }, (_, i) => passes[i % passes.length]);
    const segments: VideoSegment[] = [{ text: null, seconds: WARM_UP_S }];
    for (const pass of shown) segments.push({ text: pass?.text ?? null, seconds: CODE_S }, { text: null, seconds: GAP_S });
    const video = writeQrVideo(join(dataDir, 'codes.y4m'), segments, FPS);

    const browser = await launchWithCamera(video.path);
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(host.url);
      await page.locator('body[data-ready="true"]').waitFor({ state: 'attached' });
      await recordCodeTimings(page, video, 'esik:receipt-visible');
      await waitForCamera(page);
      const timing = await collectCodeTimings(page, video, shown.map((pass) => pass?.childFirstNames[0] ?? ''));
      const measured = timing.latencies.filter((ms): ms is number => ms !== null);
      console.log(
        `[bench] qr_to_confirm: ${String(measured.length)}/${String(presentations)} codes reached a receipt, ` +
          `median ${percentile(measured, 50).toFixed(1)} ms; mediaTime onsets confirmed by pixels ${String(timing.onsetsConfirmed)}; ` +
          `decode p95 ${percentile(timing.decodeMs, 95).toFixed(1)} ms over ${String(timing.decodeMs.length)} decodes`,
      );
      if (measured.length < presentations) throw new Error(`${String(presentations - measured.length)} codes never reached a receipt`);
      const p95 = percentile(measured, 95);
      report('qr_to_confirm_p95_ms', p95, 'ms');
      return p95;
    } finally {
      await browser.close();
    }
  } finally {
    await host.stop();
  }
}
