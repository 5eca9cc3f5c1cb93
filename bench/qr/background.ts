// A plausible doorway behind the code: a lit wall with a brightness gradient, a few large soft-edged shapes
// (door frame, a coat, a bag) and a little texture. Decoders must find the code in a frame, not on a blank page.
import { type GrayImage, grayImage } from './gray-image.js';
import { type Rng } from './rng.js';

export function doorwayBackground(rng: Rng, width: number, height: number): GrayImage {
  const image = grayImage(width, height);
  const base = rng.range(70, 170);
  const gx = rng.range(-60, 60) / width;
  const gy = rng.range(-60, 60) / height;
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) image.data[y * width + x] = base + gx * x + gy * y;
  const shapes = rng.int(2, 5);
  for (let s = 0; s < shapes; s++) {
    const x0 = rng.range(-0.2, 0.9) * width;
    const y0 = rng.range(-0.2, 0.9) * height;
    const x1 = x0 + rng.range(0.1, 0.6) * width;
    const y1 = y0 + rng.range(0.2, 0.9) * height;
    const value = rng.range(20, 220);
    const soft = rng.range(1, 6);
    for (let y = Math.max(0, Math.floor(y0 - soft)); y < Math.min(height, Math.ceil(y1 + soft)); y++) {
      for (let x = Math.max(0, Math.floor(x0 - soft)); x < Math.min(width, Math.ceil(x1 + soft)); x++) {
        const inside = Math.min(x - x0, x1 - x, y - y0, y1 - y) / soft;
        const weight = Math.max(0, Math.min(1, inside + 0.5));
        const i = y * width + x;
        image.data[i] = (image.data[i] as number) * (1 - weight) + value * weight;
      }
    }
  }
  for (let i = 0; i < image.data.length; i++) image.data[i] = (image.data[i] as number) + rng.gauss() * 4;
  return image;
}
