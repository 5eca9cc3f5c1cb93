// Reads a QR code from a camera frame with zxing-cpp (zxing-wasm), in the passes of shared/qr/read-passes.ts —
// the very function bench/qr-decode-rate.ts measures — timing each decode for the benchmarks.
// The .wasm file is a Vite asset served by the kiosk itself: the kiosk is offline, and the CSP allows no other
// origin (zxing-wasm would otherwise fetch it from a CDN).
import { prepareZXingModule, type ZXingReaderModule } from 'zxing-wasm/reader';
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import type { LumaImage } from '../../../shared/qr/luma.js';
import { readLumaInPasses } from '../../../shared/qr/read-passes.js';
import { markNow } from '../perf/marks.js';
import { readLumaBarcodes } from './zxing-luma-reader.js';

export const DECODER_NAME = 'zxing-wasm';

let prepared: Promise<ZXingReaderModule> | null = null;

/** Loads and compiles the .wasm (once), so the first code shown does not wait for it. */
export function prepareQrReader(): Promise<ZXingReaderModule> {
  prepared ??= prepareZXingModule({
    overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path) },
    fireImmediately: true,
  });
  return prepared;
}

/** The text of the QR code in the frame's grey pixels, or null. Measured as `esik:qr-decoded` (detail: decoder, size, pass). */
export async function readQrFromLuma(image: LumaImage): Promise<string | null> {
  const module = await prepareQrReader();
  markNow('esik:qr-frame');
  const started = performance.now();
  const read = await readLumaInPasses(image, (luma, options) => readLumaBarcodes(module, luma, options));
  if (!read) return null;
  performance.clearMeasures('esik:qr-decoded');
  performance.measure('esik:qr-decoded', { start: started, detail: { decoder: DECODER_NAME, width: image.width, height: image.height, pass: read.pass } });
  return read.text;
}
