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

export function upscale2x(image: LumaImage): LumaImage {
  const { width, height, data: src } = image;
  const outWidth = width * 2;
  // Rows first, kept unrounded (× 256), then columns, rounded once.
  const rows = new Int32Array(outWidth * height);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    const outRow = y * outWidth;
    for (let x = 0; x < width; x++) {
      // Clamped at the frame's edges; the interior skips the clamping.
      const inside = x >= 2 && x < width - 2;
      const m2 = src[row + (inside ? x - 2 : Math.max(0, x - 2))] as number;
      const m1 = src[row + (inside ? x - 1 : Math.max(0, x - 1))] as number;
      const c = src[row + x] as number;
      const p1 = src[row + (inside ? x + 1 : Math.min(width - 1, x + 1))] as number;
      const p2 = src[row + (inside ? x + 2 : Math.min(width - 1, x + 2))] as number;
      rows[outRow + 2 * x] = -9 * m2 + 67 * m1 + 225 * c - 27 * p1;
      rows[outRow + 2 * x + 1] = -27 * m1 + 225 * c + 67 * p1 - 9 * p2;
    }
  }
  const out = new Uint8Array(outWidth * height * 2);
  for (let y = 0; y < height; y++) {
    const m2 = Math.max(0, y - 2) * outWidth;
    const m1 = Math.max(0, y - 1) * outWidth;
    const c = y * outWidth;
    const p1 = Math.min(height - 1, y + 1) * outWidth;
    const p2 = Math.min(height - 1, y + 2) * outWidth;
    const even = 2 * y * outWidth;
    const odd = even + outWidth;
    for (let x = 0; x < outWidth; x++) {
      const vm2 = rows[m2 + x] as number;
      const vm1 = rows[m1 + x] as number;
      const vc = rows[c + x] as number;
      const vp1 = rows[p1 + x] as number;
      const vp2 = rows[p2 + x] as number;
      // The negative lobes overshoot past black and white: clamp.
      const e = (-9 * vm2 + 67 * vm1 + 225 * vc - 27 * vp1 + HALF) >> SCALE_SHIFT;
      const o = (-27 * vm1 + 225 * vc + 67 * vp1 - 9 * vp2 + HALF) >> SCALE_SHIFT;
      out[even + x] = e < 0 ? 0 : e > 255 ? 255 : e;
      out[odd + x] = o < 0 ? 0 : o > 255 ? 255 : o;
    }
  }
  return { width: outWidth, height: height * 2, data: out };
}
