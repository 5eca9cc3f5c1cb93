// One planned shot → the 8-bit frame the decoders get, in the order light reaches the sensor: scene, glare
// on the screen, uneven light, lens and defocus blur, hand motion, sensor noise, then the camera's JPEG.
import { doorwayBackground } from './background.js';
import { gaussianBlur, glare, motionBlur, sensorNoise, uneven } from './filters.js';
import { type GrayImage, toBytes } from './gray-image.js';
import { type Mat3, type Point, apply, cardToFrame } from './homography.js';
import { jpegRoundTrip } from './jpeg.js';
import { type QrMatrix, encodeQr } from './qr-matrix.js';
import { seededRng, type Rng } from './rng.js';
import { renderScene } from './scene.js';
import { EC_LEVEL, FRAME, type Shot } from './shots.js';

export interface Frame {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;
  /** Where the code's four corners landed, in frame pixels (top-left, top-right, bottom-right, bottom-left). */
  readonly codeCorners: readonly Point[];
}

// Moves the card so that the code and its quiet zone are wholly in the frame (a webcam at a door is aimed
// at where people hold their phones); shrinks it a little if it cannot fit at any position. A code held right up
// to the camera ('near') needs only itself in the frame: its quiet zone may run off the edges, as it does.
function place(shot: Shot, code: QrMatrix, rng: Rng): Mat3 {
  const q = shot.tags.includes('near') ? 0 : shot.look.quietModules;
  const n = code.size;
  const quietCorners = [{ x: -q, y: -q }, { x: n + q, y: -q }, { x: n + q, y: n + q }, { x: -q, y: n + q }];
  const margin = 2;
  // So close, the hand can be off the middle by a little only, or the code would not be in view at all.
  const [lo, hi] = shot.tags.includes('near') ? [0.46, 0.54] : [0.25, 0.75];
  let modulePx = shot.pose.modulePx;
  for (let shrink = 0; shrink < 20; shrink++, modulePx *= 0.95) {
    for (let attempt = 0; attempt < 30; attempt++) {
      const centre = { x: FRAME.width * rng.range(lo, hi), y: FRAME.height * rng.range(lo, hi) };
      const h = cardToFrame({ ...shot.pose, modulePx, centre }, n);
      const inside = quietCorners.every((c) => {
        const p = apply(h, c);
        return p.x >= margin && p.y >= margin && p.x <= FRAME.width - margin && p.y <= FRAME.height - margin;
      });
      if (inside) return h;
    }
  }
  throw new Error(`${shot.id}: the code does not fit in the frame`);
}

export function renderShot(shot: Shot): Frame {
  const rng = seededRng(shot.seed);
  const code = encodeQr(shot.payload, EC_LEVEL);
  const toFrame = place(shot, code, rng);
  let image: GrayImage = renderScene(doorwayBackground(rng, FRAME.width, FRAME.height), code, shot.look, toFrame);
  if (shot.glare) {
    const centre = apply(toFrame, { x: shot.glare.u * code.size, y: shot.glare.v * code.size });
    // The code's top edge as it landed (place() may have shrunk the card to fit).
    const [a, b] = [apply(toFrame, { x: 0, y: 0 }), apply(toFrame, { x: code.size, y: 0 })];
    const radiusPx = shot.glare.radius * Math.hypot(b.x - a.x, b.y - a.y);
    image = glare(image, centre, radiusPx, shot.glare.amplitude, shot.glare.aspect);
  }
  image = uneven(image, shot.uneven.strength, shot.uneven.angleDeg);
  image = gaussianBlur(image, shot.blurPx);
  if (shot.motion) image = motionBlur(image, shot.motion.lengthPx, shot.motion.angleDeg);
  image = sensorNoise(image, rng, shot.noiseSigma);
  if (shot.jpegQscale !== undefined) image = jpegRoundTrip(image, shot.jpegQscale);
  const n = code.size;
  const codeCorners = [{ x: 0, y: 0 }, { x: n, y: 0 }, { x: n, y: n }, { x: 0, y: n }].map((corner) => {
    const p = apply(toFrame, corner);
    return { x: Math.round(p.x * 10) / 10, y: Math.round(p.y * 10) / 10 };
  });
  return { width: image.width, height: image.height, pixels: toBytes(image), codeCorners };
}
