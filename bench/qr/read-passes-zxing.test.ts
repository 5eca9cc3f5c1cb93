// The kiosk's passes with the real decoder (zxing-wasm) on a generated webcam frame: a code too small for the
// first pass, which the upscaled retry must read. Rendered with the hard set's generator (qrencode, as
// `npm run bench` needs it too).
import { beforeAll, describe, expect, it } from 'vitest';
import { readBarcodes } from 'zxing-wasm/reader';
import { QR_DECODER_OPTIONS } from '../../shared/qr/decoder-options.js';
import { QR_PASSES, type QrPass } from '../../shared/qr/read-passes.js';
import { decodeOurs, prepareZxingWasm, rgbaFromGray } from './decode-ours.js';
import { renderShot } from './render-shot.js';
import { seededRng } from './rng.js';
import { planShot } from './shots.js';

// A 'small' shot of the hard set's recipe whose code lands at 1.41 px per module: below what the first pass
// reads, within what the upscaled one does.
const SMALL_SHOT_SEED = 8;

describe('QR passes with zxing-wasm', () => {
  beforeAll(async () => {
    await prepareZxingWasm();
  });

  it('reads a code at 1.4 px per module only on the 2× upscaled retry', async () => {
    const shot = planShot(seededRng(SMALL_SHOT_SEED), 0, ['small']);
    expect(shot.pose.modulePx).toBeCloseTo(1.41, 2);
    const frame = renderShot(shot);
    const rgba = rgbaFromGray(frame.width, frame.height, frame.pixels);
    expect(await decodeOurs(rgba, [QR_PASSES[0] as QrPass])).toBeNull();
    expect(await decodeOurs(rgba)).toBe(shot.payload);
  });

  // The passes call the module's readBarcodesFromPixmap through zxing-luma-reader.ts, with options encoded there as
  // readBarcodes encodes them: this fails if an upgrade changes that call or the options' form.
  it('reads a frame handed over as luminance as readBarcodes reads the same frame as RGBA', async () => {
    const shot = planShot(seededRng(SMALL_SHOT_SEED), 0, []);
    const frame = renderShot(shot);
    const rgba = rgbaFromGray(frame.width, frame.height, frame.pixels);
    const [direct] = await readBarcodes({ width: rgba.width, height: rgba.height, data: new Uint8ClampedArray(rgba.data), colorSpace: 'srgb' }, QR_DECODER_OPTIONS);
    expect(direct?.text).toBe(shot.payload);
    expect(await decodeOurs(rgba, [QR_PASSES[0] as QrPass])).toBe(shot.payload);
  });
});
