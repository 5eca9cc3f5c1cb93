// Where the card lands in the frame: a flat card in 3-D (rolled, pitched, yawed) seen through a pinhole
// webcam, reduced to the 3×3 homography from card coordinates to pixels and its inverse for sampling.

/** Row-major 3×3. */
export type Mat3 = readonly [number, number, number, number, number, number, number, number, number];

export interface Point {
  readonly x: number;
  readonly y: number;
}

export function apply(h: Mat3, p: Point): Point {
  const w = h[6] * p.x + h[7] * p.y + h[8];
  return { x: (h[0] * p.x + h[1] * p.y + h[2]) / w, y: (h[3] * p.x + h[4] * p.y + h[5]) / w };
}

export function invert(m: Mat3): Mat3 {
  const [a, b, c, d, e, f, g, h, i] = m;
  const A = e * i - f * h;
  const B = -(d * i - f * g);
  const C = d * h - e * g;
  const det = a * A + b * B + c * C;
  if (Math.abs(det) < 1e-12) throw new Error('singular homography');
  return [
    A / det, -(b * i - c * h) / det, (b * f - c * e) / det,
    B / det, (a * i - c * g) / det, -(a * f - c * d) / det,
    C / det, -(a * h - b * g) / det, (a * e - b * d) / det,
  ];
}

/** Solves the homography taking four source points to four destination points (h33 = 1). */
export function fromCorners(src: readonly Point[], dst: readonly Point[]): Mat3 {
  if (src.length !== 4 || dst.length !== 4) throw new Error('four corners needed');
  const rows: number[][] = [];
  for (let k = 0; k < 4; k++) {
    const { x, y } = src[k] as Point;
    const { x: u, y: v } = dst[k] as Point;
    rows.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    rows.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, g = 0, h = 0] = solve(rows);
  return [a, b, c, d, e, f, g, h, 1];
}

// Gauss–Jordan with partial pivoting on an n×(n+1) augmented matrix.
function solve(rows: number[][]): number[] {
  const n = rows.length;
  const at = (r: number, c: number): number => (rows[r] as number[])[c] as number;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(at(r, col)) > Math.abs(at(pivot, col))) pivot = r;
    [rows[col], rows[pivot]] = [rows[pivot] as number[], rows[col] as number[]];
    const p = at(col, col);
    if (Math.abs(p) < 1e-12) throw new Error('degenerate corners');
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const factor = at(r, col) / p;
      for (let c = col; c <= n; c++) (rows[r] as number[])[c] = at(r, c) - factor * at(col, c);
    }
  }
  return rows.map((row, r) => (row[n] as number) / at(r, r));
}

export interface CardPose {
  /** Width of one module in pixels if the card faced the camera squarely. */
  readonly modulePx: number;
  readonly rollDeg: number;
  /** Tilt away from the camera about the card's horizontal and vertical axes. */
  readonly pitchDeg: number;
  readonly yawDeg: number;
  /** Where the card's centre lands in the frame. */
  readonly centre: Point;
  /** Pinhole focal length in pixels (≈ 550 for a 640-wide webcam with a 60° field of view). */
  readonly focalPx: number;
}

/** Homography from card coordinates (modules, origin at the code's top-left) to frame pixels. */
export function cardToFrame(pose: CardPose, codeModules: number): Mat3 {
  const half = codeModules / 2;
  const rad = Math.PI / 180;
  const [cr, sr] = [Math.cos(pose.rollDeg * rad), Math.sin(pose.rollDeg * rad)];
  const [cp, sp] = [Math.cos(pose.pitchDeg * rad), Math.sin(pose.pitchDeg * rad)];
  const [cy, sy] = [Math.cos(pose.yawDeg * rad), Math.sin(pose.yawDeg * rad)];
  // The card sits at the distance where it would measure modulePx per module head-on.
  const distance = pose.focalPx;
  const corners: Point[] = [{ x: -half, y: -half }, { x: half, y: -half }, { x: half, y: half }, { x: -half, y: half }];
  const projected = corners.map(({ x, y }) => {
    const px = x * pose.modulePx;
    const py = y * pose.modulePx;
    // roll in the card plane, then pitch (about x), then yaw (about y).
    const rx = px * cr - py * sr;
    const ry = px * sr + py * cr;
    const y1 = ry * cp;
    const z1 = ry * sp;
    const x2 = rx * cy + z1 * sy;
    const z2 = -rx * sy + z1 * cy;
    const scale = pose.focalPx / (distance + z2);
    return { x: pose.centre.x + x2 * scale, y: pose.centre.y + y1 * scale };
  });
  const src = corners.map(({ x, y }) => ({ x: x + half, y: y + half }));
  return fromCorners(src, projected);
}
