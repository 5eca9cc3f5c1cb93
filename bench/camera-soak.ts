// A long day at the camera, shortened: the kiosk's fake camera shows a valid pass in every other second (a second of
// code, a second of empty doorway, the demo's passes in turn) for ten minutes, and every SAMPLE_S seconds the page's
// JavaScript heap is read after a forced garbage collection (Chrome DevTools Protocol) and the web host's resident
// memory from /proc. Each is fitted over the run (Theil–Sen, growth-fit.ts: a few samples caught before a collection
// or an allocator's arena kept do not tilt it) and reported as growth per hour: memory that outlives a frame, a
// receipt or a check-in shows here. Heap snapshots at the first and last sample say what grew, by kind: compiled code
// (V8 and WebAssembly tiering up the functions a long run makes hot, bounded by the program's size) apart from the
// page's own objects.
import { join } from 'node:path';
import { launchWithCamera, waitForCamera } from '../e2e/support/camera-kiosk.js';
import { demoQrCodes } from '../e2e/support/demo-qr-codes.js';
import { startKioskHost } from '../e2e/support/kiosk-host.js';
import { readDatabase } from '../e2e/support/kiosk-test.js';
import { writeQrVideo, type VideoSegment } from '../e2e/support/qr-video.js';
import { writeSetting } from '../e2e/support/staff-steps.js';
import type { CDPSession } from '@playwright/test';
import { theilSenSlope, leastSquaresSlope, type Point } from './growth-fit.js';
import { findDescendant, rssBytes } from './process-cpu.js';
import { report } from './stats.js';

const FPS = 10;
/** 40 samples over ten minutes: enough for the robust fit to shrug off a few jumps. */
const SAMPLE_S = 15;
/** Codes already coming before the first sample: start-up's own ups and downs (the host's heap settling after the
 * database is opened, the page's first receipts compiling) are not growth. */
const WARM_UP_S = 60;

/** A heap snapshot's self sizes summed by kind: compiled code (V8's code and bytecode, WebAssembly's native module)
 * and everything else. */
async function heapByKind(cdp: CDPSession): Promise<{ codeMb: number; otherMb: number }> {
  const chunks: string[] = [];
  const onChunk = (event: { chunk: string }): void => {
    chunks.push(event.chunk);
  };
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  const snapshot = JSON.parse(chunks.join('')) as { snapshot: { meta: { node_fields: string[]; node_types: unknown[] } }; nodes: number[]; strings: string[] };
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0] as string[];
  const [typeAt, nameAt, sizeAt] = [fields.indexOf('type'), fields.indexOf('name'), fields.indexOf('self_size')];
  let code = 0;
  let other = 0;
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
    const size = snapshot.nodes[i + sizeAt] as number;
    const type = types[snapshot.nodes[i + typeAt] as number];
    const name = snapshot.strings[snapshot.nodes[i + nameAt] as number] ?? '';
    if (type === 'code' || name.includes('WasmNativeModule')) code += size;
    else other += size;
  }
  return { codeMb: code / 1e6, otherMb: other / 1e6 };
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
      const heap: Point[] = [];
      const rss: Point[] = [];
      const started = performance.now();
      const sample = async (): Promise<void> => {
        // Twice: what the first collection's finalizers and weak callbacks let go is collected by the second.
        await cdp.send('HeapProfiler.collectGarbage');
        await cdp.send('HeapProfiler.collectGarbage');
        const { usedSize } = await cdp.send('Runtime.getHeapUsage');
        const hours = (performance.now() - started) / 3_600_000;
        heap.push({ x: hours, y: usedSize / 1e6 });
        rss.push({ x: hours, y: rssBytes(hostPid) / 1e6 });
      };
      const eventsAtStart = readDatabase<{ n: number }>(host.databasePath, 'SELECT count(*) AS n FROM attendance_events')[0]?.n ?? 0;
      await sample();
      const kindsAtStart = await heapByKind(cdp);
      while (performance.now() - started < soakSeconds * 1000) {
        await new Promise((resolve) => setTimeout(resolve, SAMPLE_S * 1000));
        await sample();
      }
      const kindsAtEnd = await heapByKind(cdp);
      const elapsedS = (performance.now() - started) / 1000;
      const events = (readDatabase<{ n: number }>(host.databasePath, 'SELECT count(*) AS n FROM attendance_events')[0]?.n ?? 0) - eventsAtStart;
      const first = heap[0];
      const last = heap.at(-1);
      console.log(
        `[bench] camera soak: ${elapsedS.toFixed(0)} s after ${String(WARM_UP_S)} s of warm-up, ${String(events)} check-ins from the camera, ${String(heap.length)} samples; ` +
          `page heap after GC ${first?.y.toFixed(2) ?? '?'} → ${last?.y.toFixed(2) ?? '?'} MB, host RSS ${rss[0]?.y.toFixed(1) ?? '?'} → ${rss.at(-1)?.y.toFixed(1) ?? '?'} MB`,
      );
      if (events === 0) throw new Error('the camera read no code during the soak');
      const hours = elapsedS / 3600;
      console.log(
        `[bench] camera soak heap snapshots, first → last sample: compiled code ${kindsAtStart.codeMb.toFixed(2)} → ${kindsAtEnd.codeMb.toFixed(2)} MB ` +
          `(${((kindsAtEnd.codeMb - kindsAtStart.codeMb) / hours).toFixed(2)} MB/h), the page's objects ${kindsAtStart.otherMb.toFixed(2)} → ${kindsAtEnd.otherMb.toFixed(2)} MB ` +
          `(${((kindsAtEnd.otherMb - kindsAtStart.otherMb) / hours).toFixed(2)} MB/h); least-squares fits: heap ${leastSquaresSlope(heap).toFixed(2)}, host RSS ${leastSquaresSlope(rss).toFixed(2)} MB/h`,
      );
      const result = { heapMbPerHour: theilSenSlope(heap), hostRssMbPerHour: theilSenSlope(rss) };
      report('camera_heap_growth_mb_per_h', result.heapMbPerHour, 'MB/h');
      report('host_rss_growth_mb_per_h', result.hostRssMbPerHour, 'MB/h');
      // The heap above counts compiled code too; this is what the page's own objects (and the decoder's memory) grew by.
      report('camera_heap_objects_growth_mb_per_h', (kindsAtEnd.otherMb - kindsAtStart.otherMb) / hours, 'MB/h');
      return result;
    } finally {
      await browser.close();
    }
  } finally {
    await host.stop();
  }
}
