// Stands in for html5-qrcode's own zxing-js decoder: scripts/vite-qr-decoder.ts swaps this module in at build time
// for node_modules/html5-qrcode/esm/zxing-html5-qrcode-decoder.js. Why: html5-qrcode's BarcodeDetector option
// alternates frames between BarcodeDetector and zxing-js (code-decoder.js, getDecoder), so zxing-js — slower,
// weaker, leaking over hours — would still decode every second frame. With this module every frame html5-qrcode
// scans goes to zxing-cpp, and zxing-js is not even in the bundle.
import { DECODER_NAME, readQrFromCanvas } from './read-qr.js';

/** What html5-qrcode's Html5QrcodeShim reads from a decoder result (core.ts, QrcodeResult). */
interface ShimResult {
  text: string;
  debugData: { decoderName: string };
}

/** The name and shape html5-qrcode's code-decoder.js constructs and calls; its (formats, verbose, logger) are not
 * needed: the kiosk reads QR codes only (read-qr.ts). */
export class ZXingHtml5QrcodeDecoder {
  async decodeAsync(canvas: HTMLCanvasElement): Promise<ShimResult> {
    const text = await readQrFromCanvas(canvas);
    // html5-qrcode counts a rejection as "no code in this frame".
    if (text === null) throw new Error('no QR code in this frame');
    return { text, debugData: { decoderName: DECODER_NAME } };
  }
}
