// Decoding must cost no memory that outlives the frame: the camera decodes all day. zxing-wasm's own readBarcodes
// kept every result list it got from the WebAssembly side (about 2 KB for each frame with a code, 2.6 MB an hour on
// the camera page); zxing-luma-reader.ts frees it. Retained memory is read after forced garbage collections.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { QR_DECODER_OPTIONS } from '../../shared/qr/decoder-options.js';
import { type RgbaFrame } from '../../shared/qr/luma.js';
import { zxingReaderOptions } from '../../renderer/src/camera/zxing-luma-reader.js';
import { decodeOurs, prepareZxingWasm, rgbaFromGray } from './decode-ours.js';
import { renderShot } from './render-shot.js';
import { seededRng } from './rng.js';
import { planShot } from './shots.js';

const FRAMES = 2_000;
const WARM_UP = 200;
/** Heap and array buffers together, after 2,000 frames. Before the fix they grew by about 4.4 MB. */
const RETAINED_BOUND_BYTES = 512 * 1024;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function retainedBytes(): number {
  gc();
  gc();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

/** A webcam-like frame with a code, cut down to the code and a margin so that 2,000 decodes take seconds. */
function frameWithCode(): { frame: RgbaFrame; payload: string } {
  const shot = planShot(seededRng(5), 0, []);
  const rendered = renderShot(shot);
  const xs = rendered.codeCorners.map((p) => p.x);
  const ys = rendered.codeCorners.map((p) => p.y);
  const left = Math.max(0, Math.floor(Math.min(...xs)) - 24);
  const top = Math.max(0, Math.floor(Math.min(...ys)) - 24);
  const width = Math.min(rendered.width, Math.ceil(Math.max(...xs)) + 24) - left;
  const height = Math.min(rendered.height, Math.ceil(Math.max(...ys)) + 24) - top;
  const grey = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) grey.set(rendered.pixels.subarray((top + y) * rendered.width + left, (top + y) * rendered.width + left + width), y * width);
  return { frame: rgbaFromGray(width, height, grey), payload: shot.payload };
}

describe('zxing-wasm memory', () => {
  beforeAll(async () => {
    await prepareZxingWasm();
  });

  it('encodes every option to a value the module knows (an upgrade that renames one fails here)', () => {
    const encoded = zxingReaderOptions(QR_DECODER_OPTIONS);
    expect(encoded.formats).toBe('QRCode');
    for (const index of [encoded.binarizer, encoded.eanAddOnSymbol, encoded.textMode, encoded.characterSet]) expect(index).toBeGreaterThanOrEqual(0);
  });

  it(`keeps no memory from decoding ${String(FRAMES)} frames with a code`, async () => {
    const { frame, payload } = frameWithCode();
    for (let i = 0; i < WARM_UP; i++) expect(await decodeOurs(frame)).toBe(payload);
    const before = retainedBytes();
    for (let i = 0; i < FRAMES; i++) {
      // Checked every time: a frame read as nothing would leave nothing behind either.
      if ((await decodeOurs(frame)) !== payload) throw new Error(`frame ${String(i)} not read`);
    }
    const grown = retainedBytes() - before;
    console.log(`retained after ${String(FRAMES)} frames with a code: ${(grown / 1024).toFixed(0)} KiB`);
    expect(grown).toBeLessThan(RETAINED_BOUND_BYTES);
  }, 120_000);
});
