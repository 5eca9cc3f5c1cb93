// Grey pixels for zxing-wasm as a binary PGM file. Why not ImageData: readBarcodes turns ImageData into grey in
// JavaScript and copies it into the WebAssembly heap as 4 bytes a pixel; a PGM goes in as 1 byte a pixel and
// zxing-cpp's image loader (stb_image, which reads PNM) hands the grey straight over. For a 2× upscaled frame
// (a million pixels) that is several milliseconds less per retry; read-passes.test.ts checks zxing-wasm still
// reads PGM, so an upgrade that drops it fails the tests, not the door.
import { type LumaImage } from './luma.js';

export function pgmOf(image: LumaImage): Uint8Array {
  // ASCII only, so char codes are the bytes (shared/ has no TextEncoder: it is not in ES2023).
  const header = `P5\n${image.width} ${image.height}\n255\n`;
  const out = new Uint8Array(header.length + image.data.length);
  for (let i = 0; i < header.length; i++) out[i] = header.charCodeAt(i);
  out.set(image.data, header.length);
  return out;
}
