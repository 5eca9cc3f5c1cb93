// The webcam scanning for QR codes: the camera's stream in a <video> of our own, its frames handed to zxing-cpp
// (frame-scanner.ts), restarted by a watchdog, with its failures told as CameraProblems. Frames go to zxing-wasm
// through its public API, so no library's internal file is swapped at build time and an upgrade cannot quietly
// bring a slower decoder back.
import { cameraProblemOf, type CameraProblem } from './camera-problem.js';
import { CameraWatchdog } from './camera-watchdog.js';
import { scanTrack } from './frame-scanner.js';
import { prepareQrReader } from './read-qr.js';
import { videoConstraints, viewfinderSleepAfterMs } from './scan-config.js';
import { watchTrackEnded } from './track-ended.js';
import { ViewfinderSleep } from './viewfinder-sleep.js';

/** The element the camera's <video> is put in (CameraDock). */
export const VIEWFINDER_ID = 'esik-qr-viewfinder';

export interface QrCameraEvents {
  /** Every decoded frame's code: a code is reported for as long as it stays in view. */
  onCode: (text: string) => void;
  /** null once scanning. */
  onProblem: (problem: CameraProblem | null) => void;
  /** The viewfinder went to sleep (true: its live picture is no longer drawn) or woke (false). Scanning goes on. */
  onViewfinderAsleep: (asleep: boolean) => void;
}

const WATCHDOG_CHECK_MS = 2_000;
/** With a problem on screen, try again this often too: a permission granted in settings sends no event. */
const PROBLEM_RETRY_MS = 60_000;
// One camera and one viewfinder in the page: every start and stop, of any QrCamera, runs in turn.
let queue: Promise<void> = Promise.resolve();
function inTurn(job: () => Promise<void>): Promise<void> {
  queue = queue.then(job).catch((error: unknown) => {
    console.error('[camera] start/stop failed', error);
  });
  return queue;
}

/** A started camera: its stream and what stops watching and scanning it. */
interface RunningScan {
  stream: MediaStream;
  stops: (() => void)[];
}

export class QrCamera {
  private scanner: RunningScan | null = null;
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
    // Gone with its screen (the database failed meanwhile).
    const viewfinder = document.getElementById(VIEWFINDER_ID);
    if (!viewfinder) return;
    // Compiling the decoder's .wasm takes a moment: start it alongside the camera, not at the first frame.
    prepareQrReader().catch((error: unknown) => {
      console.error('[camera] the QR decoder could not be loaded', error);
    });
    let stream: MediaStream;
    const video = document.createElement('video');
    try {
      // No mediaDevices at all (an insecure context) reads as no camera.
      if (!navigator.mediaDevices) throw new DOMException('no media devices', 'NotFoundError');
      stream = await navigator.mediaDevices.getUserMedia({ video: videoConstraints(this.deviceId), audio: false });
    } catch (error) {
      const problem = cameraProblemOf(error);
      // The camera staff chose is not there: it was unplugged (or replaced), not "no camera at all".
      this.report(problem === 'noCamera' && this.deviceId !== null ? 'unplugged' : problem);
      return;
    }
    video.muted = true;
    video.playsInline = true;
    // Plays again by itself when the stream is put back after the viewfinder slept.
    video.autoplay = true;
    video.srcObject = stream;
    viewfinder.replaceChildren(video);
    const scanner: RunningScan = { stream, stops: [] };
    this.scanner = scanner;
    try {
      await video.play();
    } catch (error) {
      // Stopped meanwhile (play() is then aborted): nothing to report.
      if (this.scanner !== scanner) return;
      await this.stopNow();
      this.report(cameraProblemOf(error));
      return;
    }
    const [track] = stream.getVideoTracks();
    if (!track) {
      await this.stopNow();
      this.report('noCamera');
      return;
    }
    this.watchdog.started(performance.now());
    const sleep = new ViewfinderSleep(viewfinderSleepAfterMs(), performance.now());
    const look = (active: boolean, nowMs: number): void => {
      const change = sleep.look(active, nowMs);
      if (change === null || this.scanner !== scanner) return;
      // Without its stream the <video> draws nothing more (the scanner reads its own clone of the track); put back,
      // it shows the camera's next frame.
      video.srcObject = change === 'sleep' ? null : stream;
      this.setAsleep(change === 'sleep');
    };
    scanner.stops.push(
      watchTrackEnded(track, () => {
        void inTurn(async () => {
          if (this.scanner !== scanner) return; // already stopped or restarted meanwhile
          await this.stopNow();
          this.report('unplugged');
        });
      }),
    );
    try {
      scanner.stops.push(
        scanTrack(track, {
          onFrame: () => {
            this.watchdog.frame(performance.now());
          },
          onLook: look,
          onCode: (text) => {
            const nowMs = performance.now();
            this.watchdog.code(nowMs);
            // A code held still in view is someone at the door: the viewfinder stays awake (or wakes) for them.
            look(true, nowMs);
            this.events.onCode(text);
          },
        }),
      );
    } catch (error) {
      // A browser that cannot hand camera frames over: cards still work, and the log says why the camera does not.
      console.error('[camera] cannot scan', error);
      await this.stopNow();
      this.report('noCamera');
      return;
    }
    this.report(null);
  }

  private setAsleep(asleep: boolean): void {
    if (!this.disposed) this.events.onViewfinderAsleep(asleep);
  }

  private stopNow(): Promise<void> {
    const scanner = this.scanner;
    this.scanner = null;
    this.setAsleep(false);
    if (scanner) {
      for (const stop of scanner.stops) stop();
      for (const track of scanner.stream.getTracks()) track.stop();
    }
    document.getElementById(VIEWFINDER_ID)?.replaceChildren();
    return Promise.resolve();
  }
}
