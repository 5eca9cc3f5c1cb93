// How the kiosk's QR decoder (zxing-cpp via zxing-wasm, renderer/src/camera/zxing-luma-reader.ts) is configured, in one place for the
// renderer's camera loop and for bench/qr-decode-rate.ts, which both read frames through read-passes.ts with
// these settings. Plain data with its own type: shared/ may not import zxing-wasm, and the field names and
// values are those of zxing-wasm's ReaderOptions, so the object is passed as it is. Measured on the hard set
// (236 webcam-like 640×480 frames): the first pass alone reads 91.95 %, with the upscaled retry 98.73 %.
// bench/qr-options-sweep-main.ts compares the alternatives; bench/qr-misses-main.ts shows what the 3 misses are.

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
  // Only QR: the readers of other symbologies would only cost time. In zxing-wasm 3 'QRCode' is the QR family
  // (Model 1 and 2, Micro QR, rMQR); narrowed to 'QRCodeModel2' it read the same and measured no faster.
  formats: ['QRCode'],
  // No gain on the first pass over the hard set, but on the 2× upscaled retry it reads 5 frames (2.1 points)
  // the retry would miss without it; a few tenths of a ms on the first pass, about 1.5 ms on the retry.
  tryHarder: true,
  // Finding QR codes does not depend on orientation; kept at the library default, it costs next to nothing.
  tryRotate: true,
  // Phones in dark mode show light-on-dark codes: without this about one frame in six of the hard set is lost.
  tryInvert: true,
  // Off. zxing-cpp adds a frame shrunk by downscaleFactor when the frame's LONG side exceeds downscaleThreshold
  // (measured: a 501×480 frame costs 0.16 ms more with it, a 499×480 one nothing), for large, blurred codes. In the
  // kiosk's 384×384 scan box it never acts; on whole 640×480 frames it costs about 0.25 ms a frame (an eighth of
  // the first pass) and read nothing more on the hard set (bench/qr-options-sweep-main.ts). With a larger scan
  // box (a higher camera resolution), measure it again.
  tryDownscale: false,
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

/** The retry on the 2× upscaled frame (read-passes.ts), which runs only when the first pass found nothing. */
export const QR_RETRY_OPTIONS: QrDecoderOptions = {
  ...QR_DECODER_OPTIONS,
  // Off here whatever the first pass does: the frame is at least 768 px, so downscaling would act — and shrinking
  // it by 3 undoes the upscaling (the first pass saw the frame at its own size already). Off, it reads the same
  // and saves 1–2 ms on every frame without a code.
  tryDownscale: false,
};
