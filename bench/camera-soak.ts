// A long day at the camera, shortened: the kiosk's fake camera shows a valid pass in every other second (a second of
// code, a second of empty doorway, the demo's passes in turn) for ten minutes, and every SAMPLE_S seconds the page's
// JavaScript heap is read after a forced garbage collection (Chrome DevTools Protocol) and the web host's resident
// memory after one in each of its isolates (its inspector: the main thread and every worker thread). Each is fitted over the run (Theil–Sen, growth-fit.ts: a few samples caught before a collection
// or an allocator's arena kept do not tilt it) and reported as growth per hour: memory that outlives a frame, a
// receipt or a check-in shows here. Heap snapshots at the first, middle and last sample say what grew, by kind:
// compiled code (V8 and WebAssembly tiering up the functions a long run makes hot) apart from the page's own objects,
// each by constructor or name; the fits of each half say whether a growth levels off.
import { join } from 'node:path';
import { launchWithCamera, waitForCamera } from '../e2e/support/camera-kiosk.js';
import { demoQrCodes } from '../e2e/support/demo-qr-codes.js';
import { repoRoot, startHostProcess } from '../e2e/support/kiosk-host.js';
import { readDatabase } from '../e2e/support/kiosk-test.js';
import { writeQrVideo, type VideoSegment } from '../e2e/support/qr-video.js';
import { writeSetting } from '../e2e/support/staff-steps.js';
import { theilSenSlope, leastSquaresSlope, type Point } from './growth-fit.js';
import { largestGrowth, takeHeapSummary, type HeapSummary } from './heap-snapshot-summary.js';
import { backupsDir, listCopies } from '../electron/core/backup/backup-manifest.js';
import { attachNodeInspector } from './node-inspector.js';
import { startMemoryTrace } from './camera-soak-trace.js';
import { PAGE_CACHE_OVERRIDE_ENV } from '../electron/core/db/page-cache.js';
import { environValue, rssBytes, threadCount } from './process-cpu.js';
import { report } from './stats.js';

const FPS = 10;
/** 40 samples over ten minutes: enough for the robust fit to shrug off a few jumps. */
const SAMPLE_S = 15;
/**
 * Codes already coming before the first sample: start-up's own ups and downs (the host's heap settling after the
 * database is opened, the page's first receipts compiling, Chromium filling its capped buffers of long-task and
 * long-animation-frame entries) are not growth. The first backup (its check comes five minutes after the start; its
 * worker thread leaves the host ~9 MB higher, once) falls before the fitted window, not in it. Fifteen minutes, because
 * V8 goes on compiling the functions a long run makes hot for longer than that: after seven minutes the compiled code
 * still grew 1.0–2.4 MB/h over the next ten (the page's own objects 0.2), after fifteen 0.8 and then 0.2 MB/h, levelling
 * off; code that stops growing is not memory a kiosk loses over weeks.
 */
const WARM_UP_S = 900;
/**
 * The hourly backup's worker threads raise the host's memory by 20–30 MB while a copy is taken and checked, and give it
 * back when they end: a step up and a step down that a fit over minutes reads as tens of MB an hour either way. A door
 * in use makes the first copy wait for a quiet moment (up to 15 minutes: backup/door-quiet.ts), so it can fall well
 * after the warm-up. The fitted window starts once it is in place and the next is an hour away, so the host's figure is
 * what it keeps between copies.
 */
const FIRST_BACKUP_WAIT_S = 45 * 60;

async function firstBackupPlaced(dataDir: string, limitS: number): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (listCopies(backupsDir(dataDir)).length > 0) return (performance.now() - started) / 1000;
    if (performance.now() - started > limitS * 1000) throw new Error(`no backup in place after ${String(limitS)} s of the soak`);
    await new Promise((resolve) => setTimeout(resolve, 5_000));
  }
}

export interface SoakResult {
  heapMbPerHour: number;
  hostRssMbPerHour: number;
}

/**
 * Each SQLite connection of the host caches the pages it touched up to its cap (db/page-cache.ts: 4 MB for the door's,
 * 1 MB for each worker's), and the file grows by about 2 KB a check-in: at the soak's pace (a check-in every two
 * seconds, a busy day every quarter of an hour) the caches fill for about an hour, a rise a fit over half an hour reads
 * as growth although it stops at the cap. A door in service filled them in its first days. The soak runs the host with
 * every cap at this size, full within the warm-up, so the fitted window measures what a kiosk in service keeps; the
 * database's size is printed beside, and `hostSnapshots` adds the host's heap by kind at the window's ends (the
 * snapshots themselves raise its resident memory by ~120 MB, so they are off for the figures).
 */
const SOAK_PAGE_CACHE_KIB = '256';

export interface SoakOptions {
  hostSnapshots?: boolean;
  /** A file for the host's memory trace (camera-soak-trace.ts), from its start to the end of the run. */
  trace?: string;
  /**
   * Diagnostics: leave the host's worker threads to collect their own garbage (as the soak did before it collected in
   * each isolate), to see their heaps' own rise and fall in the trace. The figure is then not the one the bench defines.
   */
  workersUncollected?: boolean;
}

export async function benchCameraSoak(dataDir: string, soakSeconds = 600, warmUpSeconds = WARM_UP_S, options: SoakOptions = {}): Promise<SoakResult> {
  // The host runs with its inspector on loopback, so its memory is read after a collection as the page's is.
  const kioskDir = join(dataDir, 'kiosk');
  const { host, child } = await startHostProcess(['--inspect=127.0.0.1:0', join(repoRoot, 'dist/web/cli.mjs'), '--no-window', '--data-dir', kioskDir], kioskDir, {
    [PAGE_CACHE_OVERRIDE_ENV]: SOAK_PAGE_CACHE_KIB,
  });
  const hostPid = child.pid;
  if (hostPid === undefined) throw new Error('web host process not found');
  const inspector = await attachNodeInspector(host.output, hostPid);
  const stopTrace = options.trace === undefined ? null : startMemoryTrace(options.trace, hostPid, inspector, host.databasePath);
  try {
    writeSetting(host.databasePath, 'departureGuardMinutes', 0);
    const passes = (await demoQrCodes(host.databasePath)).valid;
    const segments: VideoSegment[] = passes.flatMap((pass) => [
      { text: pass.text, seconds: 1 },
      { text: null, seconds: 1 },
    ]);
    // One loop of all passes (42 s), played over and over by Chromium: the same pass is back only after 42 s.
    const video = writeQrVideo(join(dataDir, 'soak.y4m'), segments, FPS);

    const browser = await launchWithCamera(video.path);
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(host.url);
      await page.locator('body[data-ready="true"]').waitFor({ state: 'attached' });
      await waitForCamera(page);
      await new Promise((resolve) => setTimeout(resolve, warmUpSeconds * 1000));
      const waitedForBackupS = await firstBackupPlaced(host.dataDir, FIRST_BACKUP_WAIT_S);
      // The worker threads' last pages go back to the system a little after the copy is placed.
      await new Promise((resolve) => setTimeout(resolve, 30_000));
      const cdp = await page.context().newCDPSession(page);
      const heap: Point[] = [];
      const rss: Point[] = [];
      /**
       * The host's figure: its RSS read right after a full collection in every one of its isolates, the main thread's
       * (as the soak did from the start) and each worker thread's (the peer link's; the sync worker's and a backup's when
       * they run), fitted by Theil–Sen like the page's heap. Decided from the cause, before the runs that give the figure:
       * each worker thread is an isolate that collects on its own schedule, and the peer worker, which does a little for
       * every check-in (the core's new-head notice, a read of the log's head), filled its heap with that garbage at about
       * 0.1 MB a minute until V8 collected it every 7–8 minutes (the trace: its heap in use 13.3 → 14.1 MB, then back).
       * The host's RSS as it stood was a saw-tooth of ~0.9 MB around a flat line, and Theil–Sen, the median of the
       * slopes between pairs of samples, most of them inside one rising limb, read ~0.9 MB/h out of it (least squares
       * 0.4, end to end −0.5 MB). Garbage waiting for a collection is not memory the host keeps, which is why the page's
       * heap is read after one too; what no collection frees (a cache, a map that only grows, the allocator's arenas,
       * SQLite's caches) still shows. `rss`, read before the sample's collections, is printed beside as the old figure.
       * Two 40-minute runs side by side (`2400 900 --trace`, one with --workers-uncollected; load average ~11 on two
       * cores): 2.33 MB/h without the workers' collections, 0.80 with (least squares 0.83). What is left is no heap of
       * V8's (the isolates' heaps flat) but glibc's per-thread arenas stepping up 0.2–0.7 MB at the same minutes of
       * both runs (43 and 47 after the start). Two more 40-minute runs side by side, the host with and without
       * MALLOC_ARENA_MAX=2: 0.29 and 1.41 MB/h, the steps gone with it. The web host now runs with it wherever it is
       * started (scripts/web-host-env.mjs), and the result's first line says what this run's host had.
       * On a quiet machine (load under 1) the ten-minute figure read 0.54 MB/h, and a host with no page open and no code
       * shown grew about as much (0.3–0.6 MB/h over fifteen minutes, sampled every 2, 15 or 60 s alike): the host's clock,
       * not the codes. Its malloc'd memory, idle, under heaptrack, rose 1.6 MB every twelve minutes and fell back at V8's
       * collection: some 80 statements a minute compiled by the clock's jobs, now compiled once (db/statement-cache.ts).
       * With them kept it is flat (8.10–8.11 MB over fifteen minutes), yet the RSS after collection grew as before: what
       * is left is not the allocator's.
       */
      const hostRssAfterGc: Point[] = [];
      const hostHeap: Point[] = [];
      const hostAnon: Point[] = [];
      const threads: number[] = [];
      // The database grows with every check-in, and each of the host's connections (the core's, the sync worker's, the
      // peer worker's) keeps the pages it touched in SQLite's page cache, up to its cap (2 MB each by default): memory
      // that grows with the file until the caches are full, then stays. Read beside the host's to tell the two apart.
      const databaseMb: Point[] = [];
      const hostSummary = (): Promise<HeapSummary | null> => (options.hostSnapshots ? inspector.heapSummary() : Promise.resolve(null));
      const started = performance.now();
      const sample = async (): Promise<void> => {
        // Twice: what the first collection's finalizers and weak callbacks let go is collected by the second.
        await cdp.send('HeapProfiler.collectGarbage');
        await cdp.send('HeapProfiler.collectGarbage');
        const { usedSize } = await cdp.send('Runtime.getHeapUsage');
        const hours = (performance.now() - started) / 3_600_000;
        heap.push({ x: hours, y: usedSize / 1e6 });
        rss.push({ x: hours, y: rssBytes(hostPid) / 1e6 });
        threads.push(threadCount(hostPid));
        if (!options.workersUncollected) await inspector.collectGarbageInWorkers();
        const hostMemory = await inspector.memoryAfterGc();
        hostRssAfterGc.push({ x: hours, y: hostMemory.rssMb });
        hostHeap.push({ x: hours, y: hostMemory.heapUsedMb });
        hostAnon.push({ x: hours, y: hostMemory.anonymousMb ?? Number.NaN });
        const bytes = readDatabase<{ b: number }>(host.databasePath, 'SELECT page_count * page_size AS b FROM pragma_page_count(), pragma_page_size()')[0]?.b ?? Number.NaN;
        databaseMb.push({ x: hours, y: bytes / 1e6 });
      };
      const snapshot = async (): Promise<{ hours: number; summary: HeapSummary }> => ({
        hours: (performance.now() - started) / 3_600_000,
        summary: await takeHeapSummary(cdp),
      });
      const eventsAtStart = readDatabase<{ n: number }>(host.databasePath, 'SELECT count(*) AS n FROM attendance_events')[0]?.n ?? 0;
      await sample();
      const atStart = await snapshot();
      const hostAtStart = await hostSummary();
      let atMiddle: { hours: number; summary: HeapSummary } | null = null;
      while (performance.now() - started < soakSeconds * 1000) {
        await new Promise((resolve) => setTimeout(resolve, SAMPLE_S * 1000));
        await sample();
        if (!atMiddle && performance.now() - started >= (soakSeconds * 1000) / 2) atMiddle = await snapshot();
      }
      const atEnd = await snapshot();
      const hostAtEnd = await hostSummary();
      atMiddle ??= atEnd;
      const elapsedS = (performance.now() - started) / 1000;
      const events = (readDatabase<{ n: number }>(host.databasePath, 'SELECT count(*) AS n FROM attendance_events')[0]?.n ?? 0) - eventsAtStart;
      console.log(
        `[bench] camera soak: ${String(warmUpSeconds)} s of warm-up (codes shown, not fitted: JIT and caches), ${waitedForBackupS.toFixed(0)} s more until the first backup was in place, then ${elapsedS.toFixed(0)} s fitted; ` +
          `${String(events)} check-ins from the camera in the fitted window, ${String(heap.length)} samples; ` +
          `page heap after GC ${heap[0]?.y.toFixed(2) ?? '?'} → ${heap.at(-1)?.y.toFixed(2) ?? '?'} MB, host RSS ${rss[0]?.y.toFixed(1) ?? '?'} → ${rss.at(-1)?.y.toFixed(1) ?? '?'} MB; ` +
          `the host ran with MALLOC_ARENA_MAX=${environValue(hostPid, 'MALLOC_ARENA_MAX') ?? '(unset)'} (scripts/web-host-env.mjs)`,
      );
      if (events === 0) throw new Error('the camera read no code during the soak');
      const perHour = (from: { hours: number; summary: HeapSummary }, to: { hours: number; summary: HeapSummary }, part: 'codeMb' | 'otherMb'): string =>
        ((to.summary[part] - from.summary[part]) / (to.hours - from.hours)).toFixed(2);
      const firstHalf = (points: Point[]): Point[] => points.filter((p) => p.x <= (atMiddle?.hours ?? 0));
      const secondHalf = (points: Point[]): Point[] => points.filter((p) => p.x >= (atMiddle?.hours ?? 0));
      console.log(
        `[bench] camera soak heap snapshots at start, middle, end: compiled code ${atStart.summary.codeMb.toFixed(2)} → ${atMiddle.summary.codeMb.toFixed(2)} → ${atEnd.summary.codeMb.toFixed(2)} MB ` +
          `(${perHour(atStart, atMiddle, 'codeMb')} then ${perHour(atMiddle, atEnd, 'codeMb')} MB/h), the page's objects ${atStart.summary.otherMb.toFixed(2)} → ${atMiddle.summary.otherMb.toFixed(2)} → ${atEnd.summary.otherMb.toFixed(2)} MB ` +
          `(${perHour(atStart, atMiddle, 'otherMb')} then ${perHour(atMiddle, atEnd, 'otherMb')} MB/h)`,
      );
      console.log(
        `[bench] camera soak fits, first half then second half: heap ${theilSenSlope(firstHalf(heap)).toFixed(2)} then ${theilSenSlope(secondHalf(heap)).toFixed(2)} MB/h, ` +
          `host RSS ${theilSenSlope(firstHalf(rss)).toFixed(2)} then ${theilSenSlope(secondHalf(rss)).toFixed(2)} MB/h; least squares over the whole window: heap ${leastSquaresSlope(heap).toFixed(2)}, host RSS ${leastSquaresSlope(rss).toFixed(2)} MB/h`,
      );
      const grown = (of: 'groups' | 'codeGroups'): string =>
        largestGrowth(atStart.summary, atEnd.summary, 8, of)
          .map((g) => `${g.name} ${g.count >= 0 ? '+' : ''}${String(g.count)} (+${(g.bytes / 1e3).toFixed(1)} kB)`)
          .join(', ') || 'none';
      console.log(`[bench] camera soak, the page's objects that grew most from start to end, by constructor: ${grown('groups')}`);
      console.log(`[bench] camera soak, the compiled code that grew most from start to end, by name: ${grown('codeGroups')}`);
      console.log(
        `[bench] camera soak samples (minutes: heap MB / host RSS MB / host threads): ${heap.map((p, i) => `${(p.x * 60).toFixed(1)}: ${p.y.toFixed(2)}/${rss[i]?.y.toFixed(1) ?? '?'}/${String(threads[i] ?? '?')}`).join(', ')}`,
      );
      console.log(
        `[bench] camera soak, the host after its own collection: RSS ${theilSenSlope(hostRssAfterGc).toFixed(2)} MB/h (${hostRssAfterGc[0]?.y.toFixed(1) ?? '?'} → ${hostRssAfterGc.at(-1)?.y.toFixed(1) ?? '?'} MB), ` +
          `JavaScript heap ${theilSenSlope(hostHeap).toFixed(2)} MB/h (${hostHeap[0]?.y.toFixed(2) ?? '?'} → ${hostHeap.at(-1)?.y.toFixed(2) ?? '?'} MB), ` +
          `anonymous memory ${theilSenSlope(hostAnon).toFixed(2)} MB/h; samples (minutes: RSS / heap / anonymous MB): ` +
          hostRssAfterGc.map((p, i) => `${(p.x * 60).toFixed(1)}: ${p.y.toFixed(2)}/${hostHeap[i]?.y.toFixed(2) ?? '?'}/${hostAnon[i]?.y.toFixed(2) ?? '?'}`).join(', '),
      );
      const hours = elapsedS / 3600;
      if (hostAtStart && hostAtEnd) {
        const hostGrown = largestGrowth(hostAtStart, hostAtEnd, 10)
          .map((g) => `${g.name} ${g.count >= 0 ? '+' : ''}${String(g.count)} (+${(g.bytes / 1e3).toFixed(1)} kB)`)
          .join(', ');
        console.log(
          `[bench] camera soak, the host's heap snapshots: compiled code ${hostAtStart.codeMb.toFixed(2)} → ${hostAtEnd.codeMb.toFixed(2)} MB, its own objects ${hostAtStart.otherMb.toFixed(2)} → ${hostAtEnd.otherMb.toFixed(2)} MB; grew most: ${hostGrown || 'none'}`,
        );
      }
      console.log(
        `[bench] camera soak, the database file: ${databaseMb[0]?.y.toFixed(2) ?? '?'} → ${databaseMb.at(-1)?.y.toFixed(2) ?? '?'} MB (${theilSenSlope(databaseMb).toFixed(2)} MB/h), with SQLite's page caches capped at ${SOAK_PAGE_CACHE_KIB} KiB a connection for the run`,
      );
      console.log(
        `[bench] camera soak, the host's RSS read before each sample's collections (the figure until the soak collected in every isolate): ` +
          `Theil–Sen ${theilSenSlope(rss).toFixed(2)} MB/h, least squares ${leastSquaresSlope(rss).toFixed(2)} MB/h; ` +
          `after a collection in every isolate: least squares ${leastSquaresSlope(hostRssAfterGc).toFixed(2)} MB/h, Theil–Sen by halves ${theilSenSlope(firstHalf(hostRssAfterGc)).toFixed(2)} then ${theilSenSlope(secondHalf(hostRssAfterGc)).toFixed(2)} MB/h` +
          (options.workersUncollected ? ' (diagnostic run: the worker threads were left to their own collections, so the figure below is not the defined one)' : ''),
      );
      const result = { heapMbPerHour: theilSenSlope(heap), hostRssMbPerHour: theilSenSlope(hostRssAfterGc) };
      report('camera_heap_growth_mb_per_h', result.heapMbPerHour, 'MB/h');
      report('host_rss_growth_mb_per_h', result.hostRssMbPerHour, 'MB/h');
      // The heap above counts compiled code too; this is what the page's own objects (and the decoder's memory) grew by.
      report('camera_heap_objects_growth_mb_per_h', (atEnd.summary.otherMb - atStart.summary.otherMb) / hours, 'MB/h');
      return result;
    } finally {
      await browser.close();
    }
  } finally {
    await stopTrace?.();
    inspector.close();
    await host.stop();
  }
}
