import { describe, expect, it } from 'vitest';
import { type LumaImage } from './luma.js';
import { upscale2x } from './upscale.js';

const image = (width: number, height: number, at: (x: number, y: number) => number): LumaImage => ({
  width,
  height,
  data: Uint8Array.from({ length: width * height }, (_, i) => at(i % width, Math.floor(i / width))),
});

describe('upscale2x', () => {
  it('doubles both sides and keeps a flat area flat, edges included', () => {
    const out = upscale2x(image(5, 3, () => 137));
    expect([out.width, out.height]).toEqual([10, 6]);
    expect(new Set(out.data)).toEqual(new Set([137]));
  });

  it('puts each output pixel a quarter pixel from its input: a one-pixel bright column spreads 225/256, 67/256', () => {
    const out = upscale2x(image(7, 1, (x) => (x === 3 ? 256 - 1 : 0)));
    // Around input 3: outputs 6 and 7 sit ±0.25 from it, 5 and 8 at ±0.75; the negative lobes clamp to 0.
    const row = [...out.data.subarray(0, 14)];
    expect(row.slice(4, 10)).toEqual([0, Math.round((255 * 67) / 256), Math.round((255 * 225) / 256), Math.round((255 * 225) / 256), Math.round((255 * 67) / 256), 0]);
    expect(row).toEqual([...row].reverse());
  });

  it('sharpens an edge a little (the kernel overshoots) and clamps the overshoot to 0..255', () => {
    const out = upscale2x(image(8, 1, (x) => (x < 4 ? 40 : 220)));
    const row = [...out.data.subarray(0, 16)];
    expect(Math.min(...row)).toBeLessThan(40);
    expect(Math.max(...row)).toBeGreaterThan(220);
    const hard = upscale2x(image(8, 1, (x) => (x < 4 ? 0 : 255)));
    expect(Math.min(...hard.data)).toBe(0);
    expect(Math.max(...hard.data)).toBe(255);
  });
});
