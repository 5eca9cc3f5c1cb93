// A long day at the camera, shortened: the kiosk's fake camera shows a valid pass in every other second (a second of
// code, a second of empty doorway, the demo's passes in turn) for ten minutes, and every SAMPLE_S seconds the page's
// JavaScript heap is read after a forced garbage collection (Chrome DevTools Protocol) and the web host's resident
// memory from /proc. Each is fitted by least squares over the run and reported as growth per hour: memory that
// outlives a frame, a receipt or a check-in shows here.
import { join } from 'node:path';
import { launchWithCamera, waitForCamera } from '../e2e/support/camera-kiosk.js';
import { demoQrCodes } from '../e2e/support/demo-qr-codes.js';
import { startKioskHost } from '../e2e/support/kiosk-host.js';
import { readDatabase } from '../e2e/support/kiosk-test.js';
import { writeQrVideo, type VideoSegment } from '../e2e/support/qr-video.js';
import { writeSetting } from '../e2e/support/staff-steps.js';
import { findDescendant, rssBytes } from './process-cpu.js';
import { report } from './stats.js';

const FPS = 10;
const SAMPLE_S = 30;
/** Codes already coming before the first sample: start-up's own ups and downs (the host's heap settling after the
 * database is opened, the page's first receipts compiling) are not growth. */
const WARM_UP_S = 60;

/** Least-squares slope of y over x. */
export function slope(points: readonly { x: number; y: number }[]): number {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const sxy = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  return sxx === 0 ? Number.NaN : sxy / sxx;
}

export interface SoakResult {
  heapMbPerHour: number;
  hostRssMbPerHour: number;
}

export async function benchCameraSoak(dataDir: string, soakSeconds = 600): Promise<SoakResult> {
  const host = await startKioskHost(join(dataDir, 'kiosk'));
  try {
    writeSetting(host.databasePath, 'departureGuardMinutes', 0);
    const passes = (await demoQrCodes(host.databasePath)).valid;
    const segments: VideoSegment[] = passes.flatMap((pass) => [
      { text: pass.text, seconds: 1 },
      { text: null, seconds: 1 },
    ]);
    // One loop of all passes (42 s), played over and over by Chromium: the same pass is back only after 42 s.
    const video = writeQrVideo(join(dataDir, 'soak.y4m'), segments, FPS);
    const hostPid = findDescendant((line) => line.includes('dist/web/cli.mjs') && line.includes(host.dataDir));
    if (hostPid === null) throw new Error('web host process not found');

    const browser = await launchWithCamera(video.path);
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(host.url);
      await page.locator('body[data-ready="true"]').waitFor({ state: 'attached' });
      await waitForCamera(page);
      await new Promise((resolve) => setTimeout(resolve, WARM_UP_S * 1000));
      const cdp = await page.context().newCDPSession(page);
      const heap: { x: number; y: number }[] = [];
      const rss: { x: number; y: number }[] = [];
      const started = performance.now();
      const sample = async (): Promise<void> => {
        await cdp.send('HeapProfiler.collectGarbage');
        const { usedSize } = await cdp.send('Runtime.getHeapUsage');
        const hours = (performance.now() - started) / 3_600_000;
        heap.push({ x: hours, y: usedSize / 1e6 });
        rss.push({ x: hours, y: rssBytes(hostPid) / 1e6 });
      };
      const eventsAtStart = readDatabase<{ n: number }>(host.databasePath, 'SELECT count(*) AS n FROM attendance_events')[0]?.n ?? 0;
      await sample();
      while (performance.now() - started < soakSeconds * 1000) {
        await new Promise((resolve) => setTimeout(resolve, SAMPLE_S * 1000));
        await sample();
      }
      const elapsedS = (performance.now() - started) / 1000;
      const events = (readDatabase<{ n: number }>(host.databasePath, 'SELECT count(*) AS n FROM attendance_events')[0]?.n ?? 0) - eventsAtStart;
      const first = heap[0];
      const last = heap.at(-1);
      console.log(
        `[bench] camera soak: ${elapsedS.toFixed(0)} s after ${String(WARM_UP_S)} s of warm-up, ${String(events)} check-ins from the camera, ${String(heap.length)} samples; ` +
          `page heap after GC ${first?.y.toFixed(2) ?? '?'} → ${last?.y.toFixed(2) ?? '?'} MB, host RSS ${rss[0]?.y.toFixed(1) ?? '?'} → ${rss.at(-1)?.y.toFixed(1) ?? '?'} MB`,
      );
      if (events === 0) throw new Error('the camera read no code during the soak');
      const result = { heapMbPerHour: slope(heap), hostRssMbPerHour: slope(rss) };
      report('camera_heap_growth_mb_per_h', result.heapMbPerHour, 'MB/h');
      report('host_rss_growth_mb_per_h', result.hostRssMbPerHour, 'MB/h');
      return result;
    } finally {
      await browser.close();
    }
  } finally {
    await host.stop();
  }
}
