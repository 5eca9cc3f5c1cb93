// Decides which camera frames are decoded: every frame that moved or held a code, and every frame for a while after,
// but in a still picture without one (an empty doorway) only one now and then. Pure: frame-scanner.ts feeds it thumbnails and the time.
import type { LumaImage } from '../../../shared/qr/luma.js';

export interface MotionGateOptions {
  readonly pixelDelta: number;
  readonly minChangedPixels: number;
  readonly holdMs: number;
  readonly stillDecodeEveryMs: number;
}

/**
 * A small grey thumbnail of a frame, each pixel the mean of its block (every other pixel of every other row: a
 * quarter of the frame is read, and 25 samples a pixel still average sensor noise down fivefold). Looking at every
 * frame this way costs a fraction of a millisecond, so no frame a code appears in goes unlooked at.
 */
export function lumaThumbnail(image: LumaImage, width: number, height: number): Uint8Array {
  const thumb = new Uint8Array(width * height);
  const blockWidth = Math.floor(image.width / width);
  const blockHeight = Math.floor(image.height / height);
  if (blockWidth === 0 || blockHeight === 0) throw new Error(`a ${String(image.width)}×${String(image.height)} frame is smaller than its thumbnail`);
  const step = blockWidth >= 2 && blockHeight >= 2 ? 2 : 1;
  for (let ty = 0; ty < height; ty++) {
    for (let tx = 0; tx < width; tx++) {
      let sum = 0;
      let count = 0;
      for (let y = ty * blockHeight; y < (ty + 1) * blockHeight; y += step) {
        const row = y * image.width;
        for (let x = tx * blockWidth; x < (tx + 1) * blockWidth; x += step) {
          sum += image.data[row + x] as number;
          count++;
        }
      }
      thumb[ty * width + tx] = Math.round(sum / count);
    }
  }
  return thumb;
}

/** How many pixels of two same-sized grey thumbnails differ by more than delta. */
export function changedPixels(previous: Uint8Array, current: Uint8Array, delta: number): number {
  let changed = 0;
  for (let i = 0; i < current.length; i++) {
    const d = (current[i] as number) - (previous[i] as number);
    if (d > delta || d < -delta) changed++;
  }
  return changed;
}

export class MotionGate {
  private previous: Uint8Array | null = null;
  private activeUntilMs = Number.NEGATIVE_INFINITY;
  private lastDecodeMs = Number.NEGATIVE_INFINITY;
  private lastMoved = false;

  constructor(private readonly options: MotionGateOptions) {}

  /** thumb: the frame's grey thumbnail (kept, not copied: hand over a fresh array each time). */
  shouldDecode(thumb: Uint8Array, nowMs: number): boolean {
    // Compared with the frame looked at just before, not with a fixed background: light that drifts slowly over the
    // day is not motion, a card moving in is.
    const previous = this.previous;
    this.previous = thumb;
    const moved = previous === null || previous.length !== thumb.length || changedPixels(previous, thumb, this.options.pixelDelta) >= this.options.minChangedPixels;
    this.lastMoved = moved;
    if (moved) this.activeUntilMs = nowMs + this.options.holdMs;
    const decode = nowMs < this.activeUntilMs || nowMs - this.lastDecodeMs >= this.options.stillDecodeEveryMs;
    if (decode) this.lastDecodeMs = nowMs;
    return decode;
  }

  /** Whether the frame last given to shouldDecode moved (the viewfinder wakes on it, viewfinder-sleep.ts). */
  get moved(): boolean {
    return this.lastMoved;
  }

  /** A decoded frame held a code: keep decoding while it stays, still or not. The presentation filter takes a code
   * out of view for 1.5 s as gone, so a code held still must keep being seen, or it would count twice. */
  codeSeen(nowMs: number): void {
    this.activeUntilMs = Math.max(this.activeUntilMs, nowMs + this.options.holdMs);
  }
}
