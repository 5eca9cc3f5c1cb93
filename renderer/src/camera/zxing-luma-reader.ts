// Reads barcodes from 8-bit luminance with zxing-wasm's module, freeing what the module hands back. zxing-wasm 3.1.4's
// own readBarcodes never deletes the result list it gets from the WebAssembly side, so every frame with a code left
// its results (three small byte arrays each) in the module's table of objects handed to JavaScript: about 2.6 MB an
// hour on the camera page. This calls the module's readBarcodesFromPixmap — the call readBarcodes makes for ImageData,
// after its own RGBA → grey step, which the passes have done already — and deletes the list once read.
// No DOM: the renderer's camera loop and the Node benchmarks and tests call the same function.
// Written against zxing-wasm 3.1.4: bench/qr/zxing-memory.test.ts and read-passes-zxing.test.ts fail if an upgrade
// changes the call, the options' form or what is freed.
// EmscriptenModule's types, which zxing-wasm's module type extends: its _malloc, _free and HEAPU8.
/// <reference types="emscripten" />
import {
  BINARIZERS,
  CHARACTER_SETS,
  defaultReaderOptions,
  EAN_ADD_ON_SYMBOLS,
  encodeFormats,
  TEXT_MODES,
  type ZXingReaderModule,
  type ZXingReaderOptions,
} from 'zxing-wasm/reader';
import type { QrDecoderOptions } from '../../../shared/qr/decoder-options.js';
import type { LumaImage } from '../../../shared/qr/luma.js';
import type { QrReadResult } from '../../../shared/qr/read-passes.js';

/** The module's own option form: names encoded as indices and a comma-separated format list, as readBarcodes does. */
export function zxingReaderOptions(options: QrDecoderOptions): ZXingReaderOptions {
  return {
    formats: encodeFormats(options.formats),
    tryHarder: options.tryHarder,
    tryRotate: options.tryRotate,
    tryInvert: options.tryInvert,
    tryDownscale: options.tryDownscale,
    tryDenoise: options.tryDenoise,
    binarizer: BINARIZERS.indexOf(options.binarizer),
    isPure: options.isPure,
    downscaleThreshold: options.downscaleThreshold,
    downscaleFactor: options.downscaleFactor,
    minLineCount: defaultReaderOptions.minLineCount,
    maxNumberOfSymbols: options.maxNumberOfSymbols,
    validateOptionalChecksum: defaultReaderOptions.validateOptionalChecksum,
    returnErrors: defaultReaderOptions.returnErrors,
    eanAddOnSymbol: EAN_ADD_ON_SYMBOLS.indexOf(defaultReaderOptions.eanAddOnSymbol),
    textMode: TEXT_MODES.indexOf(defaultReaderOptions.textMode),
    characterSet: CHARACTER_SETS.indexOf(defaultReaderOptions.characterSet),
    tryCode39ExtendedMode: defaultReaderOptions.tryCode39ExtendedMode,
  };
}

/** An Embind object: its memory lives until delete() is called, whatever JavaScript's garbage collector does. */
function isDeletable(value: object): value is { delete: () => void } {
  return 'delete' in value && typeof value.delete === 'function';
}

const encoded = new WeakMap<QrDecoderOptions, ZXingReaderOptions>();

/** The codes in a grey image: text and validity only, copied out before the module's result list is freed. */
export function readLumaBarcodes(module: ZXingReaderModule, image: LumaImage, options: QrDecoderOptions): QrReadResult[] {
  let zxingOptions = encoded.get(options);
  if (!zxingOptions) {
    zxingOptions = zxingReaderOptions(options);
    encoded.set(options, zxingOptions);
  }
  const pointer = module._malloc(image.data.byteLength);
  if (!pointer) throw new Error(`zxing-wasm could not allocate ${String(image.data.byteLength)} bytes`);
  try {
    module.HEAPU8.set(image.data, pointer);
    const list = module.readBarcodesFromPixmap(pointer, image.width, image.height, zxingOptions);
    try {
      const results: QrReadResult[] = [];
      for (let i = 0; i < list.size(); i++) {
        const result = list.get(i);
        if (result) results.push({ isValid: result.isValid, text: result.text });
      }
      return results;
    } finally {
      if (isDeletable(list)) list.delete();
    }
  } finally {
    module._free(pointer);
  }
}
