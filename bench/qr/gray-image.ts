// The one image type of the generator: linear float luminance 0..255, so filters can stack without
// rounding at every step; quantised to 8 bits only where a camera would (before JPEG and on disk).

export interface GrayImage {
  readonly width: number;
  readonly height: number;
  readonly data: Float32Array;
}

export function grayImage(width: number, height: number, fill = 0): GrayImage {
  return { width, height, data: new Float32Array(width * height).fill(fill) };
}

export function toBytes(image: GrayImage): Uint8Array {
  const out = new Uint8Array(image.data.length);
  for (let i = 0; i < out.length; i++) out[i] = Math.max(0, Math.min(255, Math.round(image.data[i] as number)));
  return out;
}

export function fromBytes(width: number, height: number, bytes: Uint8Array): GrayImage {
  if (bytes.length !== width * height) throw new Error(`${bytes.length} bytes for a ${width}×${height} image`);
  return { width, height, data: Float32Array.from(bytes) };
}

/** Bilinear sample with clamped edges. */
export function sample(image: GrayImage, x: number, y: number): number {
  const { width, height, data } = image;
  const cx = Math.max(0, Math.min(width - 1.001, x));
  const cy = Math.max(0, Math.min(height - 1.001, y));
  const x0 = Math.floor(cx);
  const y0 = Math.floor(cy);
  const fx = cx - x0;
  const fy = cy - y0;
  const i = y0 * width + x0;
  const top = (data[i] as number) * (1 - fx) + (data[i + 1] as number) * fx;
  const bottom = (data[i + width] as number) * (1 - fx) + (data[i + width + 1] as number) * fx;
  return top * (1 - fy) + bottom * fy;
}

/** Twice the size by bilinear interpolation, as a canvas drawImage with smoothing would do it. */
export function upscale2x(image: GrayImage): GrayImage {
  const out = grayImage(image.width * 2, image.height * 2);
  for (let y = 0; y < out.height; y++) {
    for (let x = 0; x < out.width; x++) out.data[y * out.width + x] = sample(image, (x + 0.5) / 2 - 0.5, (y + 0.5) / 2 - 0.5);
  }
  return out;
}
