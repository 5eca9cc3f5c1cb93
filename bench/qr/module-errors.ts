// How readable a code in a frame is at all, whatever the decoder: every module sampled at its true centre (bicubic; the
// generator knows the geometry exactly; a decoder has to find it), called dark or light by the better of two
// thresholds that know nothing a decoder could not (a global level chosen with the answer in hand, and the
// mean of the 7×7 modules around it), then compared with the code as encoded. Wrong modules are grouped into
// codewords and Reed–Solomon blocks by the QR standard's placement: a block with more wrong codewords than its
// error correction can fix cannot be read by sampling module centres, however good the finder and binarizer.
// A near-best estimate rather than a strict bound (another interpolation or threshold could call a few modules
// better; with bilinear sampling it called two frames beyond repair that the kiosk reads): bench/qr-misses-main.ts
// uses it to tell "our decoder lost it" from "the frame no longer holds it".
import { apply, fromCorners, type Point } from './homography.js';
import { type QrMatrix } from './qr-matrix.js';

/** EC level M (shots.ts EC_LEVEL) for versions 1–6, the sizes the hard set's payloads give: blocks and codewords. */
const EC_M: Readonly<Record<number, { readonly blocks: number; readonly dataPerBlock: number; readonly ecPerBlock: number }>> = {
  1: { blocks: 1, dataPerBlock: 16, ecPerBlock: 10 },
  2: { blocks: 1, dataPerBlock: 28, ecPerBlock: 16 },
  3: { blocks: 1, dataPerBlock: 44, ecPerBlock: 26 },
  4: { blocks: 2, dataPerBlock: 32, ecPerBlock: 18 },
  5: { blocks: 2, dataPerBlock: 43, ecPerBlock: 24 },
  6: { blocks: 4, dataPerBlock: 27, ecPerBlock: 16 },
};

export interface ModuleErrors {
  readonly modules: number;
  readonly wrongModules: number;
  /** Wrong codewords in each Reed–Solomon block. */
  readonly wrongCodewordsPerBlock: readonly number[];
  /** How many wrong codewords a block's error correction fixes (half its EC codewords). */
  readonly correctablePerBlock: number;
}

export interface GrayFrame {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;
}

// Keys' cubic convolution (a = -0.75), the kernel of shared/qr/upscale.ts: its small negative lobes undo a
// little of the blur, so it calls fine modules better than bilinear sampling would.
function keys(t: number): number {
  const a = -0.75;
  const d = Math.abs(t);
  if (d <= 1) return (a + 2) * d ** 3 - (a + 3) * d ** 2 + 1;
  return d < 2 ? a * d ** 3 - 5 * a * d ** 2 + 8 * a * d - 4 * a : 0;
}

function bicubic(frame: GrayFrame, x: number, y: number): number {
  const [x0, y0] = [Math.floor(x), Math.floor(y)];
  let sum = 0;
  for (let j = -1; j <= 2; j++) {
    const py = Math.min(frame.height - 1, Math.max(0, y0 + j));
    for (let i = -1; i <= 2; i++) {
      const px = Math.min(frame.width - 1, Math.max(0, x0 + i));
      sum += keys(x - (x0 + i)) * keys(y - (y0 + j)) * (frame.pixels[py * frame.width + px] as number);
    }
  }
  return sum;
}

/** Which modules each threshold gets wrong: true where the sampled call differs from the code. */
function wrongCalls(samples: readonly number[], size: number, expectDark: (index: number) => boolean): boolean[] {
  let bestLevel = 0;
  let bestCount = Infinity;
  for (let level = 0; level <= 256; level++) {
    let count = 0;
    for (let i = 0; i < samples.length; i++) if ((samples[i] as number) < level !== expectDark(i)) count++;
    if (count < bestCount) [bestLevel, bestCount] = [level, count];
  }
  const global = samples.map((v, i) => v < bestLevel !== expectDark(i));
  const R = 3;
  const local = samples.map((v, i) => {
    const [mx, my] = [i % size, Math.floor(i / size)];
    let sum = 0;
    let count = 0;
    for (let y = Math.max(0, my - R); y <= Math.min(size - 1, my + R); y++) {
      for (let x = Math.max(0, mx - R); x <= Math.min(size - 1, mx + R); x++) {
        sum += samples[y * size + x] as number;
        count++;
      }
    }
    return v < sum / count !== expectDark(i);
  });
  const wrong = (calls: readonly boolean[]): number => calls.filter(Boolean).length;
  return wrong(local) < wrong(global) ? local : global;
}

/** Modules that carry no codeword bits: finders with separators and format info, timing, the alignment pattern. */
function isFunctionModule(x: number, y: number, size: number): boolean {
  if ((x < 9 && y < 9) || (x >= size - 8 && y < 9) || (x < 9 && y >= size - 8)) return true;
  if (x === 6 || y === 6) return true;
  // Versions 2–6 have one alignment pattern, centred 7 modules in from the bottom-right corner.
  return size > 21 && Math.abs(x - (size - 7)) <= 2 && Math.abs(y - (size - 7)) <= 2;
}

/** Data modules in codeword bit order: two-column strips from the right, up and down in turn, skipping column 6. */
export function codewordOrder(size: number): Point[] {
  const order: Point[] = [];
  let upward = true;
  for (let right = size - 1; right > 0; right -= 2) {
    if (right === 6) right = 5;
    for (let step = 0; step < size; step++) {
      const y = upward ? size - 1 - step : step;
      for (const x of [right, right - 1]) if (!isFunctionModule(x, y, size)) order.push({ x, y });
    }
    upward = !upward;
  }
  return order;
}

/**
 * Module and codeword errors of the code whose corners (module-grid corners, clockwise from the top-left, in
 * pixels) are given. `inverted`: the code is drawn light on dark.
 */
export function moduleErrors(frame: GrayFrame, corners: readonly Point[], code: QrMatrix, inverted: boolean): ModuleErrors {
  const { size } = code;
  const version = (size - 17) / 4;
  const ec = EC_M[version];
  if (!ec) throw new Error(`QR version ${version}: only versions 1–6 at level M are tabled`);
  const toFrame = fromCorners([{ x: 0, y: 0 }, { x: size, y: 0 }, { x: size, y: size }, { x: 0, y: size }], corners);
  const samples: number[] = [];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const centre = apply(toFrame, { x: x + 0.5, y: y + 0.5 });
      // Pixel centres sit at half-integers.
      samples.push(bicubic(frame, centre.x - 0.5, centre.y - 0.5));
    }
  }
  const wrong = wrongCalls(samples, size, (i) => (code.dark[i] as boolean) !== inverted);
  const order = codewordOrder(size);
  const codewords = ec.blocks * (ec.dataPerBlock + ec.ecPerBlock);
  const wrongCodewordsPerBlock: number[] = new Array<number>(ec.blocks).fill(0);
  for (let k = 0; k < codewords; k++) {
    const bits = order.slice(k * 8, k * 8 + 8);
    if (!bits.some(({ x, y }) => wrong[y * size + x])) continue;
    // Equal block lengths here: data codewords interleave block by block, then the EC codewords do.
    const block = (k < ec.blocks * ec.dataPerBlock ? k : k - ec.blocks * ec.dataPerBlock) % ec.blocks;
    wrongCodewordsPerBlock[block] = (wrongCodewordsPerBlock[block] as number) + 1;
  }
  return { modules: size * size, wrongModules: wrong.filter(Boolean).length, wrongCodewordsPerBlock, correctablePerBlock: ec.ecPerBlock / 2 };
}
