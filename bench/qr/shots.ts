// The hard set's recipe: which degradations each image gets and how strong. Every image starts as a webcam
// frame at a door (640×480, a code 2.6–5 px per module held roughly upright, a little lens blur, sensor
// noise, uneven light) and then gets the degradations of its recipe. Strengths are in modules where that
// is what decides readability (blur, motion), so they mean the same at every code size.
import { type CardPose } from './homography.js';
import { esikQrPayload } from './payload.js';
import { type Rng } from './rng.js';
import { type CardLook } from './scene.js';

export const DEGRADATIONS = [
  'blur-light',
  'blur-heavy',
  'motion',
  'tilt',
  'rotate',
  'low-contrast',
  'small',
  'glare',
  'jpeg',
  'inverted',
  // Held close: the code itself 240–400 px of the 640×480 frame (about 6–11 px per module).
  'close',
  // Held right up to the camera: the code 400–480 px, its quiet zone partly out of the frame.
  'near',
] as const;
export type Degradation = (typeof DEGRADATIONS)[number];

/** Each recipe and how many images it gets; 'baseline' is the undegraded webcam frame, a control. */
/** The distances a code is held at beyond the hard set's first ones: recipes with them come last, so every image
 * planned before them stays the same (one seeded generator runs through the recipes in order). */
const DISTANCES: readonly Degradation[] = ['close', 'near'];

export const RECIPES: readonly { readonly tags: readonly Degradation[]; readonly count: number }[] = [
  { tags: [], count: 12 },
  ...DEGRADATIONS.filter((tag) => !DISTANCES.includes(tag)).map((tag) => ({ tags: [tag], count: 12 })),
  { tags: ['blur-light', 'tilt'], count: 8 },
  { tags: ['blur-light', 'jpeg'], count: 8 },
  { tags: ['motion', 'rotate'], count: 8 },
  { tags: ['tilt', 'rotate'], count: 8 },
  { tags: ['small', 'jpeg'], count: 8 },
  { tags: ['small', 'rotate'], count: 8 },
  { tags: ['low-contrast', 'jpeg'], count: 8 },
  { tags: ['low-contrast', 'blur-light'], count: 8 },
  { tags: ['glare', 'tilt'], count: 8 },
  { tags: ['inverted', 'glare'], count: 8 },
  { tags: ['inverted', 'rotate'], count: 8 },
  { tags: ['inverted', 'jpeg'], count: 8 },
  { tags: ['tilt', 'rotate', 'jpeg'], count: 8 },
  // From far to very near: what a grandmother holding her card right up to the camera shows it.
  { tags: ['close'], count: 8 },
  { tags: ['close', 'blur-light', 'tilt'], count: 8 },
  { tags: ['close', 'rotate', 'low-contrast'], count: 8 },
  { tags: ['near'], count: 8 },
  { tags: ['near', 'blur-light'], count: 8 },
  { tags: ['near', 'tilt'], count: 8 },
  { tags: ['near', 'rotate'], count: 8 },
  { tags: ['near', 'low-contrast'], count: 8 },
  { tags: ['near', 'blur-light', 'tilt', 'rotate'], count: 8 },
];

export function recipeName(tags: readonly Degradation[]): string {
  return tags.length === 0 ? 'baseline' : tags.join('+');
}

export const FRAME = { width: 640, height: 480, focalPx: 550 } as const;

// Under a Gaussian blur of σ = 0.45 module an isolated module keeps only about half its contrast (σ = 0.5:
// 47 %), so no threshold-based decoder can tell it from its neighbours any more: such a frame measures the
// blur, not the decoder. Every image stays within this (the smallest codes get a sharper lens instead).
const MAX_BLUR_MODULES = 0.45;
export const EC_LEVEL = 'M';
/** Modules per side of the set's codes (version 6 at level M: what 105–135 alphanumeric characters take). For the
 * close and near recipes, which are planned by the code's size in pixels. */
export const QR_SIDE_MODULES = 41;

export interface Shot {
  readonly id: string;
  readonly recipe: string;
  readonly tags: readonly Degradation[];
  readonly payload: string;
  /** Seeds the background and the sensor noise of this image alone. */
  readonly seed: number;
  readonly pose: CardPose;
  readonly look: CardLook;
  /** Total Gaussian blur (lens + defocus), pixels. */
  readonly blurPx: number;
  readonly motion?: { readonly lengthPx: number; readonly angleDeg: number };
  /** Glare centre and radius as fractions of the code's side (so it lands on the code), peak in grey levels. */
  readonly glare?: { readonly u: number; readonly v: number; readonly radius: number; readonly amplitude: number; readonly aspect: number };
  readonly uneven: { readonly strength: number; readonly angleDeg: number };
  readonly noiseSigma: number;
  /** ffmpeg mjpeg qscale when the frame goes through low-quality JPEG. */
  readonly jpegQscale?: number;
}

function look(rng: Rng, tags: readonly Degradation[]): CardLook {
  const inverted = tags.includes('inverted');
  // A phone (glossy: where glare comes from, and the only thing with a dark mode) or a printed card.
  const phone = inverted || tags.includes('glare') || rng.next() < 0.5;
  let ink = rng.range(18, 50);
  let paper = rng.range(170, 235);
  if (tags.includes('low-contrast')) {
    // A dim screen in daylight or grey paper in shade: dark and light modules only 35–60 levels apart.
    const mid = rng.range(95, 155);
    const gap = rng.range(35, 60);
    ink = mid - gap / 2;
    paper = mid + gap / 2;
  }
  return {
    ink,
    paper,
    quietModules: 4,
    marginModules: rng.range(1, 6),
    ...(phone ? { bezel: { value: rng.range(8, 30), modules: rng.range(3, 8) } } : {}),
    inverted,
  };
}

function roll(rng: Rng, tags: readonly Degradation[]): number {
  if (!tags.includes('rotate')) return rng.range(-10, 10);
  // Mostly the hardest angles (30–45° off an axis), the rest anywhere on the circle.
  if (rng.next() < 0.6) return rng.int(0, 3) * 90 + rng.sign() * rng.range(30, 45);
  return rng.range(0, 360);
}

export function planShot(rng: Rng, index: number, tags: readonly Degradation[]): Shot {
  const has = (tag: Degradation): boolean => tags.includes(tag);
  // Small: a phone held at arm's length (~30 cm) before a 640-wide webcam with a 60° view shows a 25–35 mm
  // code at 1.1–2.4 px per module; below ~1.3 px the modules alias into each other for every decoder.
  const modulePx = has('small') ? rng.range(1.3, 2.0) : has('near') ? rng.range(400, 480) / QR_SIDE_MODULES : has('close') ? rng.range(240, 400) / QR_SIDE_MODULES : rng.range(2.6, 5.0);
  // Tilt: a phone held out flat-ish or at an angle to a camera above the door handle.
  // Held close, a card is tilted only slightly: more and it would not fit in the frame at that size.
  const tilt = has('tilt') ? (has('near') || has('close') ? rng.range(10, 25) : rng.range(25, 45)) : rng.range(0, 8);
  const tiltAxis = rng.range(0, 2 * Math.PI);
  // A webcam in focus still blurs by about half a pixel (optics, demosaicing).
  const lensPx = rng.range(0.35, 0.6);
  const blurModules = has('blur-heavy') ? rng.range(0.36, 0.45) : has('blur-light') ? rng.range(0.2, 0.3) : 0;
  const pose: CardPose = {
    modulePx,
    rollDeg: roll(rng, tags),
    pitchDeg: tilt * Math.cos(tiltAxis),
    yawDeg: tilt * Math.sin(tiltAxis),
    // render-shot.ts moves the card to a random spot where it fits; the manifest records where it landed.
    centre: { x: FRAME.width / 2, y: FRAME.height / 2 },
    focalPx: FRAME.focalPx,
  };
  return {
    id: `qr-${String(index).padStart(3, '0')}`,
    recipe: recipeName(tags),
    tags,
    payload: esikQrPayload(rng),
    seed: rng.int(1, 2 ** 31 - 1),
    pose,
    look: look(rng, tags),
    blurPx: Math.min(Math.max(lensPx, blurModules * modulePx), MAX_BLUR_MODULES * modulePx),
    // A hand still moving: a streak of 0.6–1.2 modules during the exposure.
    ...(has('motion') ? { motion: { lengthPx: rng.range(0.6, 1.2) * modulePx, angleDeg: rng.range(0, 180) } } : {}),
    ...(has('glare')
      ? { glare: { u: rng.range(0.15, 0.85), v: rng.range(0.15, 0.85), radius: rng.range(0.12, 0.25), amplitude: rng.range(120, 230), aspect: rng.range(0.5, 1.5) } }
      : {}),
    uneven: { strength: rng.range(0, 0.15), angleDeg: rng.range(0, 360) },
    noiseSigma: rng.range(1.5, 3.5),
    // qscale 8–14 ≈ libjpeg quality 50 down to ≈ 28: a cheap webcam's MJPEG at its worst.
    ...(has('jpeg') ? { jpegQscale: rng.int(8, 14) } : {}),
  };
}
