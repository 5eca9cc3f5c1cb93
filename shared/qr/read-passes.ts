// The kiosk's QR reading of one camera frame, in passes: the frame as it is, and — only when that finds nothing —
// retries on a transformed copy. Both the renderer's camera loop (renderer/src/camera/read-qr.ts) and the
// benchmark (bench/qr-decode-rate.ts) call readQrInPasses, so the decode rate and time it measures are those
// of the code that ships. The decoder itself is passed in (renderer/src/camera/zxing-luma-reader.ts over zxing-wasm's
// module): shared/ may not import it, and the renderer and Node load its .wasm differently.
import { QR_DECODER_OPTIONS, QR_RETRY_OPTIONS, type QrDecoderOptions } from './decoder-options.js';
import { lumaOf, type LumaImage, type RgbaFrame } from './luma.js';
import { upscale2x } from './upscale.js';

/** What the passes read from one of zxing-wasm's results. */
export interface QrReadResult {
  readonly isValid: boolean;
  readonly text: string;
}

/** The decoder, as the passes call it: a grey image and reader options. */
export type ReadBarcodes = (image: LumaImage, options: QrDecoderOptions) => readonly QrReadResult[] | Promise<readonly QrReadResult[]>;

export interface QrPass {
  readonly name: string;
  readonly prepare: (frame: LumaImage) => LumaImage;
  readonly options: QrDecoderOptions;
}

export const QR_PASSES: readonly QrPass[] = [
  { name: 'frame', prepare: (frame) => frame, options: QR_DECODER_OPTIONS },
  // Codes at 1.3–2 px per module and heavily blurred ones: see upscale.ts.
  { name: 'upscaled 2×', prepare: upscale2x, options: QR_RETRY_OPTIONS },
];

export interface QrRead {
  readonly text: string;
  /** Which pass read it (QrPass.name). */
  readonly pass: string;
}

/** The first valid, non-empty code found, trying the passes in order; null when none finds one. */
export function readQrInPasses(frame: RgbaFrame, readBarcodes: ReadBarcodes, passes: readonly QrPass[] = QR_PASSES): Promise<QrRead | null> {
  return readLumaInPasses(lumaOf(frame), readBarcodes, passes);
}

/** The same from grey pixels: the camera hands its frames' luma plane over as it is, with no RGBA step. */
export async function readLumaInPasses(luma: LumaImage, readBarcodes: ReadBarcodes, passes: readonly QrPass[] = QR_PASSES): Promise<QrRead | null> {
  for (const pass of passes) {
    const results = await readBarcodes(pass.prepare(luma), pass.options);
    const found = results.find((result) => result.isValid && result.text !== '');
    if (found) return { text: found.text, pass: pass.name };
  }
  return null;
}
