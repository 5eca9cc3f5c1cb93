import { describe, expect, it } from 'vitest';
import { leastSquaresSlope, theilSenSlope } from './growth-fit.js';

describe('growth fits', () => {
  const line = Array.from({ length: 40 }, (_, i) => ({ x: i / 4, y: 10 + 0.5 * (i / 4) }));

  it('both find the slope of a straight line', () => {
    expect(leastSquaresSlope(line)).toBeCloseTo(0.5, 9);
    expect(theilSenSlope(line)).toBeCloseTo(0.5, 9);
  });

  it('Theil–Sen is not tilted by a few jumps late in the run, where least squares is', () => {
    // Three samples near the end taken just before a garbage collection: 3 MB high.
    const jumpy = line.map((p, i) => (i === 33 || i === 35 || i === 38 ? { x: p.x, y: p.y + 3 } : p));
    expect(Math.abs(theilSenSlope(jumpy) - 0.5)).toBeLessThan(0.02);
    expect(leastSquaresSlope(jumpy) - 0.5).toBeGreaterThan(0.1);
  });

  it('has no slope without two distinct times', () => {
    expect(theilSenSlope([{ x: 1, y: 1 }])).toBeNaN();
    expect(theilSenSlope([{ x: 1, y: 1 }, { x: 1, y: 2 }])).toBeNaN();
  });
});
