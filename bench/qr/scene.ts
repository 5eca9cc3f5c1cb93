// Draws what the webcam sees: a background, and on it a paper card or a phone screen carrying the code,
// placed by a homography. Each pixel near the card averages 3×3 sub-samples, like a sensor pixel
// integrating light, so edges are anti-aliased the way a real camera's are rather than jagged.
import { type GrayImage } from './gray-image.js';
import { type Mat3, apply, invert } from './homography.js';
import { type QrMatrix } from './qr-matrix.js';

export interface CardLook {
  /** Luminance of dark modules. */
  readonly ink: number;
  /** Luminance of light modules, the quiet zone and the rest of the card or screen. */
  readonly paper: number;
  readonly quietModules: number;
  /** Card or screen beyond the quiet zone, in modules. */
  readonly marginModules: number;
  /** A phone's bezel around the screen (none for a paper card). */
  readonly bezel?: { readonly value: number; readonly modules: number };
  /** Light-on-dark: dark-mode phone screens draw light modules on a dark screen. */
  readonly inverted: boolean;
}

const SUB = [-1 / 3, 0, 1 / 3];

/** The frame-pixel box holding the card's outline, so pixels outside it copy the background unsampled. */
function outlineBox(cardToFrame: Mat3, from: number, to: number, width: number, height: number): [number, number, number, number] {
  const corners = [apply(cardToFrame, { x: from, y: from }), apply(cardToFrame, { x: to, y: from }), apply(cardToFrame, { x: to, y: to }), apply(cardToFrame, { x: from, y: to })];
  const xs = corners.map((c) => c.x);
  const ys = corners.map((c) => c.y);
  return [
    Math.max(0, Math.floor(Math.min(...xs)) - 1),
    Math.max(0, Math.floor(Math.min(...ys)) - 1),
    Math.min(width, Math.ceil(Math.max(...xs)) + 1),
    Math.min(height, Math.ceil(Math.max(...ys)) + 1),
  ];
}

export function renderScene(background: GrayImage, code: QrMatrix, look: CardLook, cardToFrame: Mat3): GrayImage {
  const { width, height } = background;
  const out: GrayImage = { width, height, data: Float32Array.from(background.data) };
  const n = code.size;
  const screenEdge = look.quietModules + look.marginModules;
  const bezelEdge = screenEdge + (look.bezel?.modules ?? 0);
  const [dark, light] = look.inverted ? [look.paper, look.ink] : [look.ink, look.paper];
  const [x0, y0, x1, y1] = outlineBox(cardToFrame, -bezelEdge, n + bezelEdge, width, height);
  // The inverse homography, inlined below: this loop runs 9 times per pixel of the card's box.
  const [a, b, c, d, e, f, g, h, i] = invert(cardToFrame);
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const backgroundValue = background.data[y * width + x] as number;
      let sum = 0;
      for (const dy of SUB) {
        for (const dx of SUB) {
          const px = x + 0.5 + dx;
          const py = y + 0.5 + dy;
          const w = g * px + h * py + i;
          const u = (a * px + b * py + c) / w;
          const v = (d * px + e * py + f) / w;
          if (u >= 0 && v >= 0 && u < n && v < n) {
            sum += code.dark[Math.floor(v) * n + Math.floor(u)] ? dark : light;
          } else {
            const outside = Math.max(-u, -v, u - n, v - n);
            if (outside <= screenEdge) sum += light;
            else if (look.bezel && outside <= bezelEdge) sum += look.bezel.value;
            else sum += backgroundValue;
          }
        }
      }
      out.data[y * width + x] = sum / 9;
    }
  }
  return out;
}
