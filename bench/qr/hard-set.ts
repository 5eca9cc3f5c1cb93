// Plans and renders the whole hard set into a folder: <id>.png for the decoders that read files (zbar,
// html5-qrcode) and <id>.gray (raw 8-bit luminance) for ours, which gets pixels the way the kiosk's camera
// loop will hand them over; plus manifest.json to look at any image's recipe and parameters.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Point } from './homography.js';
import { encodeGrayPng } from './png.js';
import { renderShot } from './render-shot.js';
import { seededRng } from './rng.js';
import { planShot, RECIPES, type Shot } from './shots.js';

export const HARD_SET_SEED = 0x45534b31; // "ESK1"

export interface HardSetImage {
  readonly shot: Shot;
  readonly codeCorners: readonly Point[];
  readonly pngPath: string;
  readonly grayPath: string;
  readonly width: number;
  readonly height: number;
}

export function planHardSet(seed = HARD_SET_SEED): Shot[] {
  const rng = seededRng(seed);
  const shots: Shot[] = [];
  for (const recipe of RECIPES) for (let i = 0; i < recipe.count; i++) shots.push(planShot(rng, shots.length, recipe.tags));
  return shots;
}

export function writeHardSet(dir: string, shots: readonly Shot[]): HardSetImage[] {
  const images = shots.map((shot) => {
    const frame = renderShot(shot);
    const pngPath = join(dir, `${shot.id}.png`);
    const grayPath = join(dir, `${shot.id}.gray`);
    writeFileSync(pngPath, encodeGrayPng(frame.width, frame.height, frame.pixels));
    writeFileSync(grayPath, frame.pixels);
    return { shot, codeCorners: frame.codeCorners, pngPath, grayPath, width: frame.width, height: frame.height };
  });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(images.map(({ shot, codeCorners, width, height }) => ({ shot, codeCorners, width, height })), null, 1));
  return images;
}

/** A set written earlier by writeHardSet, to re-run decoders without rendering again. */
export function loadHardSet(dir: string): HardSetImage[] {
  const manifest = join(dir, 'manifest.json');
  if (!existsSync(manifest)) throw new Error(`no manifest.json in ${dir}`);
  const entries = JSON.parse(readFileSync(manifest, 'utf8')) as Pick<HardSetImage, 'shot' | 'codeCorners' | 'width' | 'height'>[];
  return entries.map(({ shot, codeCorners, width, height }) => ({ shot, codeCorners, width, height, pngPath: join(dir, `${shot.id}.png`), grayPath: join(dir, `${shot.id}.gray`) }));
}
