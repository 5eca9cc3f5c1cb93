// Times codes shown to the kiosk's fake camera, inside the page: the moment each code's first frame is presented
// in the scanner's <video> (requestVideoFrameCallback, by the frame's mediaTime against where the code starts in
// the generated video) to the next `endMark` (a painted receipt) naming the expected child.
import type { Page } from '@playwright/test';
import type { QrVideo } from '../e2e/support/qr-video.js';

export interface CodeTiming {
  /** ms from the code's first presented frame to the end mark, per code; null when it never came (a miss). */
  latencies: (number | null)[];
  /** Codes whose first frame by mediaTime also showed a code by its pixels (a check of the timing method). */
  onsetsConfirmed: number;
  /** Durations of the decodes that found a code (the `esik:qr-decoded` measures). */
  decodeMs: number[];
}

interface PageRecord {
  shown: (number | null)[];
  onsetHasCode: boolean[];
  ends: { t: number; name: string }[];
  decodes: number[];
  mediaTime: number;
}

/** Starts recording; call before the first code is due (the video opens with blank frames for this). */
export async function recordCodeTimings(page: Page, video: QrVideo, endMark: string): Promise<void> {
  const codes = video.codes.map((c) => ({ from: c.fromSeconds, to: c.toSeconds }));
  await page.locator('#esik-qr-viewfinder video').waitFor({ state: 'attached' });
  await page.evaluate(
    ({ codes, loop, endMark }) => {
      const element = document.querySelector<HTMLVideoElement>('#esik-qr-viewfinder video');
      if (!element) throw new Error('no scanner video');
      const video = element;
      const record = { shown: codes.map(() => null), onsetHasCode: [], ends: [], decodes: [], mediaTime: 0 } as PageRecord;
      Object.assign(window, { esikBench: record });
      // Methods, not `const f = () => …`: tsx wraps those in a __name() helper the page does not have.
      const recorder = {
        /** A code's middle is black and white modules; a blank frame is one flat grey. */
        looksLikeCode(): boolean {
          const probe = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
          if (!probe) return false;
          probe.drawImage(video, video.videoWidth / 4, video.videoHeight / 4, video.videoWidth / 2, video.videoHeight / 2, 0, 0, 32, 24);
          const data = probe.getImageData(0, 0, 32, 24).data;
          let sum = 0;
          let squares = 0;
          for (let i = 0; i < data.length; i += 4) {
            sum += data[i] ?? 0;
            squares += (data[i] ?? 0) ** 2;
          }
          const n = data.length / 4;
          return Math.sqrt(squares / n - (sum / n) ** 2) > 30;
        },
        onFrame(frame: VideoFrameCallbackMetadata): void {
          record.mediaTime = frame.mediaTime;
          const position = frame.mediaTime % loop;
          const index = codes.findIndex((c) => position >= c.from - 0.001 && position < c.to - 0.001);
          if (index >= 0 && record.shown[index] === null) {
            record.shown[index] = frame.presentationTime;
            record.onsetHasCode[index] = recorder.looksLikeCode();
          }
          video.requestVideoFrameCallback((_now, next) => {
            recorder.onFrame(next);
          });
        },
      };
      video.requestVideoFrameCallback((_now, frame) => {
        recorder.onFrame(frame);
      });
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          if (entry.entryType === 'measure' && entry.name === 'esik:qr-decoded') record.decodes.push(entry.duration);
          if (entry.entryType === 'mark' && entry.name === endMark) {
            const name = document.querySelector('[data-testid="receipt-entry"] .child-name')?.textContent ?? '';
            record.ends.push({ t: entry.startTime, name });
          }
        }
      }).observe({ entryTypes: ['mark', 'measure'] });
    },
    { codes, loop: video.seconds, endMark },
  );
}

/** Waits for the video to play past its last code, then pairs each code with its end mark. */
export async function collectCodeTimings(page: Page, video: QrVideo, expectedNames: readonly string[]): Promise<CodeTiming> {
  const last = video.codes.at(-1)?.toSeconds ?? 0;
  await page.waitForFunction((end) => (Reflect.get(window, 'esikBench') as PageRecord).mediaTime >= end, last + 1.5, {
    timeout: (video.seconds + 30) * 1000,
    polling: 500,
  });
  const record = await page.evaluate(() => Reflect.get(window, 'esikBench') as PageRecord);
  const latencies = record.shown.map((shownAt, i) => {
    if (shownAt === null) return null;
    const next = record.shown.slice(i + 1).find((t) => t !== null) ?? Number.POSITIVE_INFINITY;
    const end = record.ends.find((e) => e.t >= shownAt && e.t < next && e.name === expectedNames[i]);
    return end ? end.t - shownAt : null;
  });
  return { latencies, onsetsConfirmed: record.onsetHasCode.filter(Boolean).length, decodeMs: record.decodes };
}
