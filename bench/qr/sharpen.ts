// Unsharp masking (each pixel pushed away from the mean of its 3×3 neighbourhood), as a retry pass for
// bench/qr-options-sweep-main.ts to compare with the shipped one (shared/qr/read-passes.ts). On its own it
// reads 11 of the 19 frames the first pass misses (heavy blur, some small codes) for over half the upscaled
// pass's cost; the upscaled pass reads all of those and 5 more, and both together read nothing more.
import { type LumaImage } from '../../shared/qr/luma.js';

export function sharpen(image: LumaImage, amount: number): LumaImage {
  const { width, height, data } = image;
  // Box sums of three, rows then columns, clamped at the edges.
  const rows = new Uint16Array(width * height);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      const left = data[row + (x > 0 ? x - 1 : 0)] as number;
      const right = data[row + (x < width - 1 ? x + 1 : x)] as number;
      rows[row + x] = left + (data[row + x] as number) + right;
    }
  }
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    const up = y > 0 ? row - width : row;
    const down = y < height - 1 ? row + width : row;
    for (let x = 0; x < width; x++) {
      const mean = ((rows[up + x] as number) + (rows[row + x] as number) + (rows[down + x] as number)) / 9;
      const v = data[row + x] as number;
      const s = v + amount * (v - mean) + 0.5;
      out[row + x] = s <= 0 ? 0 : s >= 255 ? 255 : s;
    }
  }
  return { width, height, data: out };
}
