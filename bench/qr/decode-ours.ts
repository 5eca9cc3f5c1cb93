// The kiosk's decoder as it will ship: zxing-cpp compiled to WebAssembly (zxing-wasm's reader build), called
// through shared/qr/read-passes.ts — the function the renderer calls — on RGBA pixels as the renderer gets them
// from a canvas. In Node the .wasm comes from node_modules — by default zxing-wasm would fetch it from a CDN,
// and the bench must not touch the network.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { prepareZXingModule, type ZXingReaderModule } from 'zxing-wasm/reader';
import { readLumaBarcodes } from '../../renderer/src/camera/zxing-luma-reader.js';
import { QR_PASSES, type QrPass, readQrInPasses } from '../../shared/qr/read-passes.js';
import { type RgbaFrame } from '../../shared/qr/luma.js';

let prepared: Promise<ZXingReaderModule> | undefined;

export function prepareZxingWasm(): Promise<ZXingReaderModule> {
  if (!prepared) {
    const wasmPath = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
    const binary = readFileSync(wasmPath);
    prepared = prepareZXingModule({
      overrides: { wasmBinary: binary.buffer.slice(binary.byteOffset, binary.byteOffset + binary.byteLength) },
      fireImmediately: true,
    });
  }
  return prepared;
}

/** What a 2-D canvas's getImageData returns for a grey frame: RGBA with R = G = B. */
export function rgbaFromGray(width: number, height: number, gray: Uint8Array): RgbaFrame {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < gray.length; i++) {
    const v = gray[i] as number;
    data[i * 4] = v;
    data[i * 4 + 1] = v;
    data[i * 4 + 2] = v;
    data[i * 4 + 3] = 255;
  }
  return { width, height, data };
}

/** The text the kiosk would take from this frame, or null; prepareZxingWasm must have settled. */
export async function decodeOurs(frame: RgbaFrame, passes: readonly QrPass[] = QR_PASSES): Promise<string | null> {
  const module = await prepareZxingWasm();
  return (await readQrInPasses(frame, (luma, options) => readLumaBarcodes(module, luma, options), passes))?.text ?? null;
}
