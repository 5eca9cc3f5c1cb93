// The kiosk's decoder as it will ship: zxing-cpp compiled to WebAssembly (zxing-wasm's reader build), fed
// RGBA pixels as the renderer gets them from a canvas. In Node the .wasm comes from node_modules — by
// default zxing-wasm would fetch it from a CDN, and the bench must not touch the network.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { prepareZXingModule, readBarcodes, type ReaderOptions } from 'zxing-wasm/reader';

let prepared: Promise<unknown> | undefined;

export function prepareZxingWasm(): Promise<unknown> {
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
export function rgbaFromGray(width: number, height: number, gray: Uint8Array): ImageData {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < gray.length; i++) {
    const v = gray[i] as number;
    data[i * 4] = v;
    data[i * 4 + 1] = v;
    data[i * 4 + 2] = v;
    data[i * 4 + 3] = 255;
  }
  // zxing-wasm tells ImageData from an encoded file by its width/height/data fields, so a plain object
  // stands in for the DOM class Node lacks.
  return { width, height, data, colorSpace: 'srgb' };
}

/** The decoded texts of every QR code found (usually none or one). */
export async function decodeOurs(image: ImageData, options: ReaderOptions): Promise<string[]> {
  const results = await readBarcodes(image, options);
  return results.filter((r) => r.isValid && r.format === 'QRCode').map((r) => r.text);
}
