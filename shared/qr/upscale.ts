// Twice the size, by separable cubic convolution (Keys, a = -0.75). Why: a code at 1.3–2 px per module is too
// fine for zxing-cpp's binarizer and finder-pattern search, and at twice the size it often reads. Bilinear
// interpolation (a canvas drawImage with smoothing) softens the modules further: on the hard set it read 9 of
// the 19 frames the first pass missed, this kernel — whose small negative lobes sharpen edges a little — 16.
import { type LumaImage } from './luma.js';

// Output pixel 2i sits a quarter pixel before input pixel i and 2i+1 a quarter after (pixel centres, as a
// canvas scales), so every output pixel weighs four inputs with one of two fixed sets. At a = -0.75 those
// weights are exact multiples of 1/256, so the whole filter runs in integers: it is on the path of every
// frame without a code, and integer arithmetic is the faster.
//   even (0.75 past input i-1): -9 · p[i-2] + 67 · p[i-1] + 225 · p[i] - 27 · p[i+1]
//   odd  (0.25 past input i):  -27 · p[i-1] + 225 · p[i] + 67 · p[i+1] - 9 · p[i+2]
const SCALE_SHIFT = 16; // 256 × 256 after both directions
const HALF = 1 << (SCALE_SHIFT - 1);
const PAD = 2; // taps reach two pixels either side

/** Fills the row's two-pixel borders with copies of its end pixels: the frame's edges, clamped. */
function padEdges(row: Int32Array, width: number): void {
  row[0] = row[1] = row[PAD] as number;
  row[width + PAD] = row[width + PAD + 1] = row[width + PAD - 1] as number;
}

/** One output row from one column-filtered input row: each input pixel gives the two output pixels around it. */
function widenRow(row: Int32Array, width: number, out: Uint8Array, start: number): void {
  for (let x = 0; x < width; x++) {
    const m2 = row[x] as number;
    const m1 = row[x + 1] as number;
    const c = row[x + 2] as number;
    const p1 = row[x + 3] as number;
    const p2 = row[x + 4] as number;
    // The negative lobes overshoot past black and white: clamp.
    const even = (-9 * m2 + 67 * m1 + 225 * c - 27 * p1 + HALF) >> SCALE_SHIFT;
    const odd = (-27 * m1 + 225 * c + 67 * p1 - 9 * p2 + HALF) >> SCALE_SHIFT;
    out[start + 2 * x] = even < 0 ? 0 : even > 255 ? 255 : even;
    out[start + 2 * x + 1] = odd < 0 ? 0 : odd > 255 ? 255 : odd;
  }
}

export function upscale2x(image: LumaImage): LumaImage {
  const { width, height, data: src } = image;
  const outWidth = width * 2;
  const out = new Uint8Array(outWidth * height * 2);
  // Columns first, two output rows per input row, kept unrounded (× 256) in two padded row buffers; then each
  // row is widened straight into the output. Row buffers rather than a whole intermediate frame: they stay in
  // the CPU cache, about a fifth faster.
  const upper = new Int32Array(width + 2 * PAD);
  const lower = new Int32Array(width + 2 * PAD);
  for (let y = 0; y < height; y++) {
    const m2 = Math.max(0, y - 2) * width;
    const m1 = Math.max(0, y - 1) * width;
    const c = y * width;
    const p1 = Math.min(height - 1, y + 1) * width;
    const p2 = Math.min(height - 1, y + 2) * width;
    for (let x = 0; x < width; x++) {
      const vm2 = src[m2 + x] as number;
      const vm1 = src[m1 + x] as number;
      const vc = src[c + x] as number;
      const vp1 = src[p1 + x] as number;
      const vp2 = src[p2 + x] as number;
      upper[x + PAD] = -9 * vm2 + 67 * vm1 + 225 * vc - 27 * vp1;
      lower[x + PAD] = -27 * vm1 + 225 * vc + 67 * vp1 - 9 * vp2;
    }
    padEdges(upper, width);
    padEdges(lower, width);
    widenRow(upper, width, out, 2 * y * outWidth);
    widenRow(lower, width, out, (2 * y + 1) * outWidth);
  }
  return { width: outWidth, height: height * 2, data: out };
}
