// Which zxing-wasm reader options read the QR hard set best, and at what cost:
// `npx tsx bench/qr-options-sweep-main.ts [dir]` — dir from bench/qr-hard-set-main.ts, else rendered afresh.
// The winner belongs in shared/qr/decoder-options.ts, which the benchmark and the kiosk both use. The last
// line is not a reader option but a kiosk-side fallback: decode a 2× upscaled frame when the frame fails.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type ReaderOptions } from 'zxing-wasm/reader';
import { QR_DECODER_OPTIONS } from '../shared/qr/decoder-options.js';
import { decodeOurs, rgbaFromGray } from './qr/decode-ours.js';
import { fromBytes, toBytes, upscale2x } from './qr/gray-image.js';
import { type HardSetImage, loadHardSet, planHardSet, writeHardSet } from './qr/hard-set.js';
import { type DecoderRun, runOurs } from './qr/runs.js';
import { ratePercent } from './qr/tally.js';

const shipped: ReaderOptions = QR_DECODER_OPTIONS;
const VARIANTS: Record<string, ReaderOptions> = {
  shipped,
  'zxing-wasm defaults, QR only': { formats: ['QRCode'] },
  'tryHarder off': { ...shipped, tryHarder: false },
  'tryRotate off': { ...shipped, tryRotate: false },
  'tryInvert off': { ...shipped, tryInvert: false },
  'tryDownscale off': { ...shipped, tryDownscale: false },
  'tryDenoise on': { ...shipped, tryDenoise: true },
  'downscale from 240 px, factor 2': { ...shipped, downscaleThreshold: 240, downscaleFactor: 2 },
  'binarizer GlobalHistogram': { ...shipped, binarizer: 'GlobalHistogram' },
  'binarizer FixedThreshold': { ...shipped, binarizer: 'FixedThreshold' },
  'maxNumberOfSymbols 255': { ...shipped, maxNumberOfSymbols: 255 },
};

/** Decode time counts both attempts; the upscaling itself is left out (a canvas would do it on the GPU). */
async function runWithUpscaleRetry(images: readonly HardSetImage[]): Promise<DecoderRun> {
  const ok = new Map<string, boolean>();
  let total = 0;
  for (const image of images) {
    const gray = new Uint8Array(readFileSync(image.grayPath));
    let started = performance.now();
    let found = (await decodeOurs(rgbaFromGray(image.width, image.height, gray), shipped)).includes(image.shot.payload);
    total += performance.now() - started;
    if (!found) {
      const big = upscale2x(fromBytes(image.width, image.height, gray));
      const frame = rgbaFromGray(big.width, big.height, toBytes(big));
      started = performance.now();
      found = (await decodeOurs(frame, shipped)).includes(image.shot.payload);
      total += performance.now() - started;
    }
    ok.set(image.shot.id, found);
  }
  return { name: 'shipped, 2× upscale retry on a miss', ok, meanMs: total / images.length };
}

const arg = process.argv[2];
const images = arg ? loadHardSet(resolve(arg)) : writeHardSet(mkdtempSync(join(tmpdir(), 'esik-qr-sweep-')), planHardSet());
const print = (run: DecoderRun): void =>
  console.log(`${run.name.padEnd(40)} ${ratePercent(run, images).toFixed(2).padStart(6)} %  ${run.meanMs.toFixed(2).padStart(6)} ms/image`);
for (const [name, options] of Object.entries(VARIANTS)) print(await runOurs(images, options, name));
print(await runWithUpscaleRetry(images));
