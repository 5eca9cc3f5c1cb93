// The two pixel forms of the QR passes: RGBA as a canvas's getImageData hands it over, and 8-bit luminance,
// which the filters work on and zxing-cpp reads. The luminance formula is zxing-wasm's own (its RGBA → grey
// step when given an ImageData), so the first pass sees exactly what zxing-wasm's readBarcodes(imageData) would have.

/** The fields of a DOM ImageData that matter here: shared/ has no DOM, and Node (the bench) has no ImageData. */
export interface RgbaFrame {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8ClampedArray;
}

export interface LumaImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

export function lumaOf(frame: RgbaFrame): LumaImage {
  const { width, height, data } = frame;
  const out = new Uint8Array(width * height);
  for (let i = 0, j = 0; i < out.length; i++, j += 4) {
    out[i] = (306 * (data[j] as number) + 601 * (data[j + 1] as number) + 117 * (data[j + 2] as number) + 512) >> 10;
  }
  return { width, height, data: out };
}
