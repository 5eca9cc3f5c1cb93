// The two pixel forms of the QR retry passes: RGBA as a canvas's getImageData hands it over (and zxing-wasm's
// readBarcodes takes it), and 8-bit luminance, which the filters work on. The luminance formula is zxing-wasm's
// own (its RGBA → grey step before zxing-cpp), so a filtered frame is exactly what zxing-cpp would have seen.

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

// Whether this machine stores a Uint32 least significant byte first (every platform the kiosk runs on does).
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Grey RGBA (R = G = B), which lumaOf — and zxing-wasm — turn back into exactly the same luminance. */
export function rgbaOf(image: LumaImage): RgbaFrame {
  const { width, height, data } = image;
  const out = new Uint8ClampedArray(width * height * 4);
  if (LITTLE_ENDIAN) {
    // One store per pixel rather than four: this runs on every retry of a 2× upscaled frame (a million pixels).
    const words = new Uint32Array(out.buffer);
    for (let i = 0; i < data.length; i++) words[i] = 0xff000000 | ((data[i] as number) * 0x010101);
  } else {
    for (let i = 0, j = 0; i < data.length; i++, j += 4) {
      const v = data[i] as number;
      out[j] = v;
      out[j + 1] = v;
      out[j + 2] = v;
      out[j + 3] = 255;
    }
  }
  return { width, height, data: out };
}
