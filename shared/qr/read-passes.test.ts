import { describe, expect, it } from 'vitest';
import { QR_DECODER_OPTIONS, QR_RETRY_OPTIONS, type QrDecoderOptions } from './decoder-options.js';
import { type LumaImage, lumaOf, type RgbaFrame } from './luma.js';
import { QR_PASSES, type QrReadResult, readQrInPasses } from './read-passes.js';

/** A stand-in for zxing-wasm's readBarcodes that answers from a script and records what it was given. */
function scriptedReader(answers: readonly (readonly QrReadResult[])[]) {
  const calls: { size: string; bytes: number; options: QrDecoderOptions }[] = [];
  const read = (image: LumaImage, options: QrDecoderOptions): readonly QrReadResult[] => {
    calls.push({ size: `${String(image.width)}×${String(image.height)}`, bytes: image.data.length, options });
    return answers[calls.length - 1] ?? [];
  };
  return { read, calls };
}

/** Grey RGBA (R = G = B), as a canvas holding a grey picture gives it. */
function rgbaOf(image: LumaImage): RgbaFrame {
  const data = new Uint8ClampedArray(image.data.length * 4);
  image.data.forEach((v, i) => data.set([v, v, v, 255], i * 4));
  return { width: image.width, height: image.height, data };
}

const frame = rgbaOf({ width: 4, height: 3, data: Uint8Array.from({ length: 12 }, (_, i) => i * 20) });

describe('readQrInPasses', () => {
  it('stops at the first pass that reads a code: a frame with a code costs one decode', async () => {
    const { read, calls } = scriptedReader([[{ isValid: true, text: 'ESK1:A' }]]);
    expect(await readQrInPasses(frame, read)).toEqual({ text: 'ESK1:A', pass: 'frame' });
    expect(calls).toEqual([{ size: '4×3', bytes: 12, options: QR_DECODER_OPTIONS }]);
  });

  it('retries on the frame upscaled twice, with the retry options, only when the first pass finds nothing', async () => {
    const { read, calls } = scriptedReader([[], [{ isValid: true, text: 'ESK1:B' }]]);
    expect(await readQrInPasses(frame, read)).toEqual({ text: 'ESK1:B', pass: 'upscaled 2×' });
    expect(calls.map((call) => call.size)).toEqual(['4×3', '8×6']);
    expect(calls[1]?.options).toBe(QR_RETRY_OPTIONS);
  });

  it('takes neither an invalid result nor an empty text as a code', async () => {
    const { read, calls } = scriptedReader([[{ isValid: false, text: 'ESK1:C' }], [{ isValid: true, text: '' }]]);
    expect(await readQrInPasses(frame, read)).toBeNull();
    expect(calls).toHaveLength(QR_PASSES.length);
  });
});

describe('pixels for zxing-wasm', () => {
  it('takes grey RGBA to the same luminance with zxing-wasm’s formula, for every level', () => {
    const levels = Uint8Array.from({ length: 256 }, (_, v) => v);
    expect(lumaOf(rgbaOf({ width: 16, height: 16, data: levels })).data).toEqual(levels);
    // Colour is weighted as zxing-wasm weighs it (306 R + 601 G + 117 B) / 1024, rounded.
    expect(lumaOf({ width: 1, height: 1, data: Uint8ClampedArray.of(255, 0, 0, 255) }).data[0]).toBe(76);
  });

});
