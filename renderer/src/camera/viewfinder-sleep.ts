// When the viewfinder is shown: drawing the camera's live picture costs the GPU and renderer more than everything else
// the idle kiosk does (bench/idle-cpu.ts), while nobody is there to see it. So after a while without motion the
// viewfinder sleeps (a still hint in its place), and the first frame that moves wakes it: the same frame that opens
// the motion gate's decoding, so a person stepping up sees themselves at once. Decoding never depends on it.
// Pure: frame-scanner.ts feeds it each looked-at frame's motion and the time.

export type ViewfinderChange = 'sleep' | 'wake';

export class ViewfinderSleep {
  private lastMotionMs: number;
  private asleep = false;

  /** startMs: the camera started (a fresh viewfinder is shown before it may sleep). */
  constructor(
    private readonly sleepAfterMs: number,
    startMs: number,
  ) {
    this.lastMotionMs = startMs;
  }

  get sleeping(): boolean {
    return this.asleep;
  }

  /** One looked-at frame: moved, or a code in view. Returns what the viewfinder must do now, or null for nothing. */
  look(active: boolean, nowMs: number): ViewfinderChange | null {
    if (active) {
      this.lastMotionMs = nowMs;
      if (!this.asleep) return null;
      this.asleep = false;
      return 'wake';
    }
    if (this.asleep || nowMs - this.lastMotionMs < this.sleepAfterMs) return null;
    this.asleep = true;
    return 'sleep';
  }
}
