// Which zxing-wasm reader options and which retry passes read the QR hard set best, and at what cost:
// `npx tsx bench/qr-options-sweep-main.ts [dir]` — dir from bench/qr-hard-set-main.ts, else rendered afresh.
// The winners belong in shared/qr/decoder-options.ts and shared/qr/read-passes.ts, which the benchmark and the
// kiosk both use. The first block varies the first pass's options alone; the second keeps it and varies what
// runs when it finds nothing. "empty" is the mean time of a frame without a code, which runs every pass. Wall
// times count waiting for a core on a busy machine; the CPU times next to them do not.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { QR_DECODER_OPTIONS, QR_RETRY_OPTIONS, type QrDecoderOptions } from '../shared/qr/decoder-options.js';
import { type LumaImage } from '../shared/qr/luma.js';
import { QR_PASSES, type QrPass } from '../shared/qr/read-passes.js';
import { upscale2x } from '../shared/qr/upscale.js';
import { renderEmptyFrames } from './qr/empty-frames.js';
import { fromBytes, toBytes, upscale2x as bilinear2x } from './qr/gray-image.js';
import { loadHardSet, planHardSet, writeHardSet } from './qr/hard-set.js';
import { type DecoderRun, runOurs, timeOursOnEmptyFrames } from './qr/runs.js';
import { sharpen } from './qr/sharpen.js';
import { ratePercent } from './qr/tally.js';

const shipped = QR_DECODER_OPTIONS;
const FIRST_PASS: Record<string, Partial<QrDecoderOptions>> = {
  'shipped first pass alone': {},
  'tryHarder off': { tryHarder: false },
  'tryRotate off': { tryRotate: false },
  'tryInvert off': { tryInvert: false },
  'tryDownscale on (library default)': { tryDownscale: true },
  'tryDenoise on': { tryDenoise: true },
  'downscale from 240 px, factor 2': { tryDownscale: true, downscaleThreshold: 240, downscaleFactor: 2 },
  'binarizer GlobalHistogram': { binarizer: 'GlobalHistogram' },
  'binarizer FixedThreshold': { binarizer: 'FixedThreshold' },
  'maxNumberOfSymbols 255': { maxNumberOfSymbols: 255 },
};

const asIs = (frame: LumaImage): LumaImage => frame;
// The generator's float bilinear upscale, as a canvas drawImage with smoothing would do it: slow here, so its
// time means little; its rate is the point.
const bilinear = (frame: LumaImage): LumaImage => ({ width: frame.width * 2, height: frame.height * 2, data: toBytes(bilinear2x(fromBytes(frame.width, frame.height, frame.data))) });
const first = QR_PASSES[0] as QrPass;
const RETRIES: Record<string, QrPass[]> = {
  'shipped passes': [...QR_PASSES],
  'retry: cubic 2×, tryDownscale on': [first, { name: 'cubic', prepare: upscale2x, options: { ...QR_RETRY_OPTIONS, tryDownscale: true } }],
  'retry: cubic 2×, tryHarder off': [first, { name: 'cubic', prepare: upscale2x, options: { ...QR_RETRY_OPTIONS, tryHarder: false } }],
  'retry: bilinear 2×': [first, { name: 'bilinear', prepare: bilinear, options: QR_RETRY_OPTIONS }],
  'retry: sharpened': [first, { name: 'sharpened', prepare: (frame) => sharpen(frame, 1), options: shipped }],
  'retry: sharpened, then cubic 2×': [first, { name: 'sharpened', prepare: (frame) => sharpen(frame, 1), options: shipped }, ...QR_PASSES.slice(1)],
  'retry: cubic 2×, tryDenoise on': [first, { name: 'cubic', prepare: upscale2x, options: { ...QR_RETRY_OPTIONS, tryDenoise: true } }],
  // Reads one more of the three misses (qr-170), by chance rather than by design (bench/qr-misses-main.ts), and
  // a frame without a code then costs a 2560×1920 decode too.
  'third pass: cubic 4× (2× twice)': [...QR_PASSES, { name: 'cubic 4×', prepare: (frame) => upscale2x(upscale2x(frame)), options: QR_RETRY_OPTIONS }],
  'retry: GlobalHistogram': [first, { name: 'global', prepare: asIs, options: { ...shipped, binarizer: 'GlobalHistogram' } }],
  'retry: FixedThreshold': [first, { name: 'fixed', prepare: asIs, options: { ...shipped, binarizer: 'FixedThreshold' } }],
};

const arg = process.argv[2];
const shots = planHardSet();
const images = arg ? loadHardSet(resolve(arg)) : writeHardSet(mkdtempSync(join(tmpdir(), 'esik-qr-sweep-')), shots);
const empty = renderEmptyFrames(shots);
const print = async (run: DecoderRun, passes: readonly QrPass[]): Promise<void> => {
  const { wallMs, cpuMs } = await timeOursOnEmptyFrames(empty, passes);
  const mean = (ms: readonly number[]): number => ms.reduce((sum, v) => sum + v, 0) / ms.length;
  console.log(
    `${run.name.padEnd(40)} ${ratePercent(run, images).toFixed(2).padStart(6)} %  ${run.meanMs.toFixed(2).padStart(6)} ms/image (CPU ${(run.meanCpuMs ?? NaN).toFixed(2).padStart(6)})  ${mean(wallMs).toFixed(2).padStart(6)} ms empty (CPU ${mean(cpuMs).toFixed(2).padStart(6)})`,
  );
};
for (const [name, options] of Object.entries(FIRST_PASS)) {
  const passes = [{ name: 'frame', prepare: asIs, options: { ...shipped, ...options } }];
  await print(await runOurs(images, passes, name), passes);
}
for (const [name, passes] of Object.entries(RETRIES)) await print(await runOurs(images, passes, name), passes);
