// The codes the camera benchmarks show the kiosk's fake camera: real passes drawn as the hard set draws its codes
// (render-shot.ts), from far (2.6–5 px per module, and 'small' at 1.3–2) to held right up to the camera (400–480 px),
// each distance also slightly blurred, tilted, rotated or low in contrast. Seeded: every run shows the same frames.
import { renderEmptyFrame } from './empty-frames.js';
import { renderShot } from './render-shot.js';
import { seededRng } from './rng.js';
import { planShot, recipeName, type Degradation, type Shot } from './shots.js';

export const CAMERA_SET_SEED = 0x45534b32; // "ESK2"

/** Each recipe twice: 28 presentations. */
export const CAMERA_RECIPES: readonly (readonly Degradation[])[] = [
  [],
  ['blur-light'],
  ['tilt'],
  ['rotate'],
  ['low-contrast'],
  ['small'],
  ['close'],
  ['close', 'blur-light', 'tilt'],
  ['close', 'rotate', 'low-contrast'],
  ['near'],
  ['near', 'blur-light'],
  ['near', 'tilt'],
  ['near', 'rotate', 'low-contrast'],
  ['near', 'blur-light', 'tilt', 'rotate'],
];

export interface CameraShot {
  readonly recipe: string;
  readonly text: string;
  /** 640×480 grey: the code in its doorway, and the same doorway without it. */
  readonly picture: Uint8Array;
  readonly empty: Uint8Array;
}

/** texts: the passes to draw, used in turn. */
export function renderCameraSet(texts: readonly string[], perRecipe = 2, seed = CAMERA_SET_SEED): CameraShot[] {
  const rng = seededRng(seed);
  const shots: CameraShot[] = [];
  for (let round = 0; round < perRecipe; round++) {
    for (const tags of CAMERA_RECIPES) {
      const text = texts[shots.length % texts.length];
      if (text === undefined) throw new Error('no passes to draw');
      const shot: Shot = { ...planShot(rng, shots.length, tags), payload: text };
      shots.push({ recipe: recipeName(tags), text, picture: renderShot(shot).pixels, empty: renderEmptyFrame(shot).pixels });
    }
  }
  return shots;
}
