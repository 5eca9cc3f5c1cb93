// How the kiosk's QR decoder (zxing-cpp via zxing-wasm's readBarcodes) is configured, in one place for the
// renderer's camera loop and for bench/qr-decode-rate.ts, which measures exactly these settings on a hard
// set of webcam-like frames. Plain data with its own type: shared/ may not import zxing-wasm, and the
// field names and values are those of zxing-wasm's ReaderOptions, so the object is passed as it is:
// `readBarcodes(imageData, QR_DECODER_OPTIONS)`. bench/qr-options-sweep-main.ts compares the alternatives.

export type QrBinarizer = 'LocalAverage' | 'GlobalHistogram' | 'FixedThreshold' | 'BoolCast';

export interface QrDecoderOptions {
  // A plain tuple rather than a readonly one: zxing-wasm's ReaderOptions takes a mutable array.
  readonly formats: ['QRCode'];
  readonly tryHarder: boolean;
  readonly tryRotate: boolean;
  readonly tryInvert: boolean;
  readonly tryDownscale: boolean;
  readonly tryDenoise: boolean;
  readonly binarizer: QrBinarizer;
  readonly isPure: boolean;
  readonly downscaleFactor: number;
  readonly downscaleThreshold: number;
  readonly maxNumberOfSymbols: number;
}

export const QR_DECODER_OPTIONS: QrDecoderOptions = {
  // Only QR: the readers of other symbologies would only cost time.
  formats: ['QRCode'],
  // No gain on the 640×480 hard set, about one point more on it upscaled to 1280×960; a few tenths of a ms.
  tryHarder: true,
  // Finding QR codes does not depend on orientation; kept at the library default, it costs next to nothing.
  tryRotate: true,
  // Phones in dark mode show light-on-dark codes: without this about one frame in six of the hard set is lost.
  tryInvert: true,
  // Only acts on frames at least downscaleThreshold px on the short side (720p and up), where a large,
  // blurred code reads better shrunk; library defaults.
  tryDownscale: true,
  downscaleFactor: 3,
  downscaleThreshold: 500,
  // Experimental in zxing-cpp, and it read nothing more on the hard set.
  tryDenoise: false,
  // Local thresholds survive glare, uneven light and low contrast; the global ones lose 15–25 points.
  binarizer: 'LocalAverage',
  // Camera frames, not generated images.
  isPure: false,
  // One person, one code at the door: stopping at the first saves about 15 % of the time.
  maxNumberOfSymbols: 1,
};
