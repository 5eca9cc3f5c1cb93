// When to restart the camera scanner: periodically, because a decoder running for hours may leak (zxing-js did,
// and camera drivers hang), and when frames stop arriving. Pure timing; qr-camera.ts feeds it and acts on it.

export interface WatchdogOptions {
  /** Restart this long after the last start. */
  restartEveryMs: number;
  /** Restart when no frame arrived for this long. */
  stallMs: number;
  /** A periodic restart waits while a code was seen this recently: someone may be presenting one. */
  busyMs: number;
}

export const DEFAULT_WATCHDOG: WatchdogOptions = { restartEveryMs: 30 * 60_000, stallMs: 10_000, busyMs: 5_000 };

export type RestartReason = 'periodic' | 'stalled';

export class CameraWatchdog {
  private startedMs = 0;
  private lastFrameMs = 0;
  private lastCodeMs = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: WatchdogOptions = DEFAULT_WATCHDOG) {}

  started(nowMs: number): void {
    this.startedMs = nowMs;
    // The first frame may take a moment: the stall clock starts with the camera.
    this.lastFrameMs = nowMs;
  }

  frame(nowMs: number): void {
    this.lastFrameMs = nowMs;
  }

  code(nowMs: number): void {
    this.lastCodeMs = nowMs;
  }

  check(nowMs: number): RestartReason | null {
    if (nowMs - this.lastFrameMs >= this.options.stallMs) return 'stalled';
    if (nowMs - this.startedMs >= this.options.restartEveryMs && nowMs - this.lastCodeMs >= this.options.busyMs) return 'periodic';
    return null;
  }
}
