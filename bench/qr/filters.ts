// What happens to the light between the card and the JPEG: glare on the screen, uneven lighting, lens blur
// (defocus ≈ Gaussian), motion blur from a moving hand, and sensor noise. Each returns a new image.
import { type GrayImage, grayImage, sample } from './gray-image.js';
import { type Point } from './homography.js';
import { type Rng } from './rng.js';

export function gaussianBlur(image: GrayImage, sigma: number): GrayImage {
  if (sigma <= 0) return image;
  const radius = Math.ceil(sigma * 3);
  const kernel: number[] = [];
  for (let k = -radius; k <= radius; k++) kernel.push(Math.exp(-(k * k) / (2 * sigma * sigma)));
  const total = kernel.reduce((a, b) => a + b, 0);
  const weights = kernel.map((w) => w / total);
  const { width, height } = image;
  // Separable: rows then columns, clamping at the frame edge.
  const pass = (src: Float32Array, horizontal: boolean): Float32Array => {
    const dst = new Float32Array(src.length);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        let sum = 0;
        for (let k = -radius; k <= radius; k++) {
          const sx = horizontal ? Math.min(width - 1, Math.max(0, x + k)) : x;
          const sy = horizontal ? y : Math.min(height - 1, Math.max(0, y + k));
          sum += (src[sy * width + sx] as number) * (weights[k + radius] as number);
        }
        dst[y * width + x] = sum;
      }
    }
    return dst;
  };
  return { width, height, data: pass(pass(image.data, true), false) };
}

/** A straight streak of lengthPx at angleDeg: the average of the image shifted along the streak. */
export function motionBlur(image: GrayImage, lengthPx: number, angleDeg: number): GrayImage {
  const steps = Math.max(2, Math.ceil(lengthPx * 2));
  const dx = Math.cos((angleDeg * Math.PI) / 180) * lengthPx;
  const dy = Math.sin((angleDeg * Math.PI) / 180) * lengthPx;
  const out = grayImage(image.width, image.height);
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      let sum = 0;
      for (let s = 0; s <= steps; s++) {
        const t = s / steps - 0.5;
        sum += sample(image, x + t * dx, y + t * dy);
      }
      out.data[y * image.width + x] = sum / (steps + 1);
    }
  }
  return out;
}

/** A specular reflection: light added in a soft elliptical blob, clipped where the sensor saturates. */
export function glare(image: GrayImage, centre: Point, radiusPx: number, amplitude: number, aspect: number): GrayImage {
  const out = grayImage(image.width, image.height);
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const ex = (x - centre.x) / radiusPx;
      const ey = (y - centre.y) / (radiusPx * aspect);
      const i = y * image.width + x;
      out.data[i] = Math.min(255, (image.data[i] as number) + amplitude * Math.exp(-(ex * ex + ey * ey) / 2));
    }
  }
  return out;
}

/** Light falling off across the frame: gain 1 at the centre, 1 ± strength at the edges along angleDeg. */
export function uneven(image: GrayImage, strength: number, angleDeg: number): GrayImage {
  const out = grayImage(image.width, image.height);
  const cx = Math.cos((angleDeg * Math.PI) / 180);
  const cy = Math.sin((angleDeg * Math.PI) / 180);
  const half = Math.max(image.width, image.height) / 2;
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const along = ((x - image.width / 2) * cx + (y - image.height / 2) * cy) / half;
      const i = y * image.width + x;
      out.data[i] = (image.data[i] as number) * (1 + strength * along);
    }
  }
  return out;
}

/** Sensor noise: Gaussian, a little stronger in bright areas (shot noise), clipped to the sensor's range. */
export function sensorNoise(image: GrayImage, rng: Rng, sigma: number): GrayImage {
  const out = grayImage(image.width, image.height);
  for (let i = 0; i < image.data.length; i++) {
    const v = image.data[i] as number;
    const s = sigma * (0.6 + 0.4 * Math.sqrt(Math.max(0, v) / 255));
    out.data[i] = Math.max(0, Math.min(255, v + rng.gauss() * s));
  }
  return out;
}
