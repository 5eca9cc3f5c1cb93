// Growth rates from memory samples over a run. Memory read from a live process jumps up and down — a garbage
// collection that ran or not, an allocator keeping a freed arena, a page of receipts compiled — and a least-squares
// line through a few such jumps can tilt by as much as the growth it is looking for. The Theil–Sen estimator (the
// median of the slopes between every pair of samples) ignores up to ~29 % of samples being off, so with a few dozen
// samples a jump or two no longer reads as growth.

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** Least-squares slope of y over x. */
export function leastSquaresSlope(points: readonly Point[]): number {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const sxy = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  return sxx === 0 ? Number.NaN : sxy / sxx;
}

/** Theil–Sen slope: the median of (yj − yi) / (xj − xi) over all pairs with xi ≠ xj; NaN with fewer than two x. */
export function theilSenSlope(points: readonly Point[]): number {
  const slopes: number[] = [];
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      const a = points[i] as Point;
      const b = points[j] as Point;
      if (a.x !== b.x) slopes.push((b.y - a.y) / (b.x - a.x));
    }
  }
  if (slopes.length === 0) return Number.NaN;
  slopes.sort((p, q) => p - q);
  const mid = slopes.length >> 1;
  return slopes.length % 2 === 1 ? (slopes[mid] as number) : ((slopes[mid - 1] as number) + (slopes[mid] as number)) / 2;
}
