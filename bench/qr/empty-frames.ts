// Frames with no code at all: most of what the kiosk's camera loop decodes, and the frames that pay for every
// retry pass (shared/qr/read-passes.ts runs them only when a pass finds nothing). Each is a shot of the hard
// set with the card taken away — the same doorway, light, blur, hand motion, noise and JPEG — so the time
// measured on them is the time of a frame at that door without a code in it.
import { doorwayBackground } from './background.js';
import { gaussianBlur, motionBlur, sensorNoise, uneven } from './filters.js';
import { SCAN_CONFIG } from '../../renderer/src/camera/scan-config.js';
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

/**
 * The part of a frame the kiosk decodes: html5-qrcode draws only its scan box (SCAN_CONFIG.qrbox, centred) into
 * the canvas the decoder reads — 384×384 of a 640×480 camera. The decode rate is measured on whole frames (the
 * set places codes anywhere in them); this tells what a frame without a code costs in the kiosk itself.
 */
export function scanBoxOf(frame: EmptyFrame): EmptyFrame {
  const { qrbox } = SCAN_CONFIG;
  const box = typeof qrbox === 'function' ? qrbox(frame.width, frame.height) : typeof qrbox === 'number' ? { width: qrbox, height: qrbox } : qrbox;
  const width = Math.min(frame.width, box?.width ?? frame.width);
  const height = Math.min(frame.height, box?.height ?? frame.height);
  const left = Math.floor((frame.width - width) / 2);
  const top = Math.floor((frame.height - height) / 2);
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) pixels.set(frame.pixels.subarray((top + y) * frame.width + left, (top + y) * frame.width + left + width), y * width);
  return { id: `${frame.id}-scan-box`, width, height, pixels };
}
