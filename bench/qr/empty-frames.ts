// Frames with no code at all: most of what the kiosk's camera loop decodes, and the frames that pay for every
// retry pass (shared/qr/read-passes.ts runs them only when a pass finds nothing). Each is a shot of the hard
// set with the card taken away — the same doorway, light, blur, hand motion, noise and JPEG — so the time
// measured on them is the time of a frame at that door without a code in it.
import { doorwayBackground } from './background.js';
import { gaussianBlur, motionBlur, sensorNoise, uneven } from './filters.js';
import { scanRegion } from '../../renderer/src/camera/scan-config.js';
import { type GrayImage, toBytes } from './gray-image.js';
import { jpegRoundTrip } from './jpeg.js';
import { seededRng } from './rng.js';
import { FRAME, type Shot } from './shots.js';

export interface EmptyFrame {
  readonly id: string;
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;
}

/** Every tenth shot: 24 frames from a 236-image set, spread over all its recipes. */
export const EMPTY_FRAME_EVERY = 10;

export function renderEmptyFrame(shot: Shot): EmptyFrame {
  const rng = seededRng(shot.seed);
  let image: GrayImage = doorwayBackground(rng, FRAME.width, FRAME.height);
  image = uneven(image, shot.uneven.strength, shot.uneven.angleDeg);
  image = gaussianBlur(image, shot.blurPx);
  if (shot.motion) image = motionBlur(image, shot.motion.lengthPx, shot.motion.angleDeg);
  image = sensorNoise(image, rng, shot.noiseSigma);
  if (shot.jpegQscale !== undefined) image = jpegRoundTrip(image, shot.jpegQscale);
  return { id: `empty-${shot.id}`, width: image.width, height: image.height, pixels: toBytes(image) };
}

export function renderEmptyFrames(shots: readonly Shot[]): EmptyFrame[] {
  return shots.filter((_, i) => i % EMPTY_FRAME_EVERY === 0).map(renderEmptyFrame);
}

/** The part of a frame the kiosk decodes (scan-config.ts, scanRegion), cut out of a grey frame: what the benchmarks
 * score and time, so a narrower region shows in their figures. */
export function scanRegionOf(width: number, height: number, pixels: Uint8Array): { width: number; height: number; pixels: Uint8Array } {
  const region = scanRegion(width, height);
  if (region.left === 0 && region.top === 0 && region.width === width && region.height === height) return { width, height, pixels };
  const out = new Uint8Array(region.width * region.height);
  for (let y = 0; y < region.height; y++) {
    const start = (region.top + y) * width + region.left;
    out.set(pixels.subarray(start, start + region.width), y * region.width);
  }
  return { width: region.width, height: region.height, pixels: out };
}

export function scanRegionOfFrame(frame: EmptyFrame): EmptyFrame {
  return { id: frame.id, ...scanRegionOf(frame.width, frame.height, frame.pixels) };
}
