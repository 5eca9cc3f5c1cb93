// The readability measure of bench/qr-misses-main.ts on codes drawn perfectly (4 px a module, no blur), where
// every wrong module is one this test put there. Needs qrencode, as the hard set does.
import { describe, expect, it } from 'vitest';
import { codewordOrder, type GrayFrame, moduleErrors } from './module-errors.js';
import { encodeQr, type QrMatrix } from './qr-matrix.js';

const PX = 4;
const QUIET = 4;

function draw(code: QrMatrix, flipped: readonly { x: number; y: number }[] = []): { frame: GrayFrame; corners: { x: number; y: number }[] } {
  const side = (code.size + 2 * QUIET) * PX;
  const pixels = new Uint8Array(side * side).fill(220);
  for (let my = 0; my < code.size; my++) {
    for (let mx = 0; mx < code.size; mx++) {
      const dark = (code.dark[my * code.size + mx] as boolean) !== flipped.some(({ x, y }) => x === mx && y === my);
      if (!dark) continue;
      for (let dy = 0; dy < PX; dy++) pixels.fill(30, ((QUIET + my) * PX + dy) * side + (QUIET + mx) * PX, ((QUIET + my) * PX + dy) * side + (QUIET + mx + 1) * PX);
    }
  }
  const [a, b] = [QUIET * PX, (QUIET + code.size) * PX];
  return { frame: { width: side, height: side, pixels }, corners: [{ x: a, y: a }, { x: b, y: a }, { x: b, y: b }, { x: a, y: b }] };
}

// Version 5 at level M (37 modules, two blocks of 67 codewords), the size most hard-set payloads get.
const code = encodeQr('ESK1:' + 'A'.repeat(100), 'M');

describe('moduleErrors', () => {
  it('places every codeword bit of versions 5 and 6, plus their 7 remainder bits', () => {
    expect(code.size).toBe(37);
    expect(codewordOrder(37)).toHaveLength(134 * 8 + 7);
    expect(codewordOrder(41)).toHaveLength(172 * 8 + 7);
    const unique = new Set(codewordOrder(37).map(({ x, y }) => `${x},${y}`));
    expect(unique.size).toBe(134 * 8 + 7);
  });

  it('finds nothing wrong in a perfectly drawn code', () => {
    const { frame, corners } = draw(code);
    expect(moduleErrors(frame, corners, code, false)).toEqual({ modules: 37 * 37, wrongModules: 0, wrongCodewordsPerBlock: [0, 0], correctablePerBlock: 12 });
  });

  it('counts a flipped data module as one wrong codeword in one block, and a flipped timing module in none', () => {
    const [first] = codewordOrder(37);
    const { frame, corners } = draw(code, [first as { x: number; y: number }, { x: 6, y: 20 }]);
    const errors = moduleErrors(frame, corners, code, false);
    expect(errors.wrongModules).toBe(2);
    expect(errors.wrongCodewordsPerBlock).toEqual([1, 0]);
  });

  it('reads a light-on-dark code when told it is inverted, and about half wrong when not (a level calling all of them light is the best left)', () => {
    const { frame, corners } = draw(code);
    const negative = { ...frame, pixels: frame.pixels.map((v) => 250 - v) };
    expect(moduleErrors(negative, corners, code, true).wrongModules).toBe(0);
    expect(moduleErrors(negative, corners, code, false).wrongModules).toBeGreaterThan(37 * 37 * 0.4);
  });
});
