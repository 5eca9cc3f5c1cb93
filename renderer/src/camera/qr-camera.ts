// The webcam scanning for QR codes: html5-qrcode's Html5Qrcode (not its widget), tuned for the door, restarted by a
// watchdog, with its failures told as CameraProblems. Decoding is zxing-cpp (see zxing-wasm-decoder.ts).
import { Html5Qrcode, Html5QrcodeScannerState, Html5QrcodeSupportedFormats } from 'html5-qrcode';
import { cameraProblemOf, type CameraProblem } from './camera-problem.js';
import { CameraWatchdog } from './camera-watchdog.js';
import { prepareQrReader } from './read-qr.js';
import { SCAN_CONFIG, videoConstraints } from './scan-config.js';
import { watchVideo } from './watch-video.js';

/** The element html5-qrcode renders its <video> into (CameraDock). */
export const VIEWFINDER_ID = 'esik-qr-viewfinder';

export interface QrCameraEvents {
  /** Every frame's code: html5-qrcode reports a code for as long as it stays in view. */
  onCode: (text: string) => void;
  /** null once scanning. */
  onProblem: (problem: CameraProblem | null) => void;
}

const WATCHDOG_CHECK_MS = 2_000;
/** With a problem on screen, try again this often too: a permission granted in settings sends no event. */
const PROBLEM_RETRY_MS = 60_000;
/** html5-qrcode's stop() never settles for a stream without tracks: never let one stop hold the queue. */
const STOP_TIMEOUT_MS = 3_000;

// One camera and one viewfinder in the page: every start and stop, of any QrCamera, runs in turn.
let queue: Promise<void> = Promise.resolve();
function inTurn(job: () => Promise<void>): Promise<void> {
  queue = queue.then(job).catch((error: unknown) => {
    console.error('[camera] start/stop failed', error);
  });
  return queue;
}

export class QrCamera {
  private scanner: Html5Qrcode | null = null;
  private unwatch: (() => void) | null = null;
  private deviceId: string | null = null;
  private problem: CameraProblem | null = null;
  private attempting = false;
  private lastAttemptMs = 0;
  private disposed = false;
  private readonly watchdog = new CameraWatchdog();
  private readonly timer = setInterval(() => {
    this.check();
  }, WATCHDOG_CHECK_MS);

  constructor(private readonly events: QrCameraEvents) {}

  /** Scans with this camera (a MediaDeviceInfo.deviceId), or the first one found for null. */
  use(deviceId: string | null): void {
    this.deviceId = deviceId;
    this.restart();
  }

  /** Tries again after a problem (a camera was plugged in, a permission changed); a running scanner is left alone. */
  retry(): void {
    if (this.problem !== null && !this.attempting) this.restart();
  }

  dispose(): Promise<void> {
    this.disposed = true;
    clearInterval(this.timer);
    return inTurn(() => this.stopNow());
  }

  private restart(): void {
    this.attempting = true;
    this.lastAttemptMs = performance.now();
    void inTurn(async () => {
      try {
        await this.stopNow();
        if (!this.disposed) await this.startNow();
      } finally {
        this.attempting = false;
      }
    });
  }

  private check(): void {
    if (this.attempting || this.disposed) return;
    const now = performance.now();
    if (this.problem !== null) {
      if (now - this.lastAttemptMs >= PROBLEM_RETRY_MS) this.restart();
      return;
    }
    // A page in the background gets no frames: that is not a stalled camera.
    if (this.scanner && document.visibilityState === 'visible' && this.watchdog.check(now) !== null) this.restart();
  }

  private report(problem: CameraProblem | null): void {
    this.problem = problem;
    if (!this.disposed) this.events.onProblem(problem);
  }

  private async startNow(): Promise<void> {
    // Gone with its screen (the database failed meanwhile): html5-qrcode would throw for a missing element.
    if (!document.getElementById(VIEWFINDER_ID)) return;
    // Compiling the decoder's .wasm takes a moment: start it alongside the camera, not at the first frame.
    prepareQrReader().catch((error: unknown) => {
      console.error('[camera] the QR decoder could not be loaded', error);
    });
    const scanner = new Html5Qrcode(VIEWFINDER_ID, {
      verbose: false,
      formatsToSupport: [Html5QrcodeSupportedFormats.QR_CODE],
      // Our zxing-cpp decoder is the library's only one: no native BarcodeDetector taking turns with it.
      useBarCodeDetectorIfSupported: false,
    });
    const constraints = videoConstraints(this.deviceId);
    try {
      await scanner.start(constraints, { ...SCAN_CONFIG, videoConstraints: constraints }, (text) => {
        this.watchdog.code(performance.now());
        this.events.onCode(text);
      }, () => undefined);
    } catch (error) {
      const problem = cameraProblemOf(error);
      // The camera staff chose is not there: it was unplugged (or replaced), not "no camera at all".
      this.report(problem === 'noCamera' && this.deviceId !== null ? 'unplugged' : problem);
      return;
    }
    this.scanner = scanner;
    this.watchdog.started(performance.now());
    const video = document.querySelector<HTMLVideoElement>(`#${VIEWFINDER_ID} video`);
    this.unwatch = video
      ? watchVideo(video, {
          onFrame: () => {
            this.watchdog.frame(performance.now());
          },
          onEnded: () => {
            void inTurn(async () => {
              if (this.scanner !== scanner) return; // already stopped or restarted meanwhile
              await this.stopNow();
              this.report('unplugged');
            });
          },
        })
      : null;
    this.report(null);
  }

  private async stopNow(): Promise<void> {
    this.unwatch?.();
    this.unwatch = null;
    const scanner = this.scanner;
    this.scanner = null;
    if (!scanner) return;
    const state = scanner.getState();
    if (state === Html5QrcodeScannerState.SCANNING || state === Html5QrcodeScannerState.PAUSED) {
      await Promise.race([scanner.stop().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, STOP_TIMEOUT_MS))]);
    }
    document.getElementById(VIEWFINDER_ID)?.replaceChildren();
  }
}
