import { describe, expect, it } from 'vitest';
import { changedPixels, lumaThumbnail, MotionGate } from './motion-gate.js';
import { MOTION_GATE } from './scan-config.js';

const SIZE = MOTION_GATE.thumbWidth * MOTION_GATE.thumbHeight;

/** An empty doorway's thumbnail: flat grey with a little sensor noise, seeded. */
function doorway(seed: number, level = 150): Uint8Array {
  let state = seed;
  return Uint8Array.from({ length: SIZE }, () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return level + ((state >> 16) % 7) - 3;
  });
}

/** The doorway with a small code in it: a 3×3 patch of alternating dark and light thumbnail pixels. */
function withSmallCode(frame: Uint8Array): Uint8Array {
  const out = Uint8Array.from(frame);
  for (let y = 20; y < 23; y++) for (let x = 30; x < 33; x++) out[y * MOTION_GATE.thumbWidth + x] = (x + y) % 2 === 0 ? 30 : 220;
  return out;
}

describe('MotionGate', () => {
  it('counts pixels changed by more than the delta', () => {
    expect(changedPixels(Uint8Array.of(10, 10, 10), Uint8Array.of(10, 23, 0), 12)).toBe(1);
  });

  it('decodes the first frame, then in a still, noisy doorway only one frame every few seconds', () => {
    const gate = new MotionGate(MOTION_GATE);
    const decoded: number[] = [];
    for (let t = 0; t <= 20_000; t += 100) if (gate.shouldDecode(doorway(t), t)) decoded.push(t);
    // The first frame starts the hold; after it, one frame per stillDecodeEveryMs.
    expect(decoded.filter((t) => t >= MOTION_GATE.holdMs).length).toBeLessThanOrEqual(Math.ceil((20_000 - MOTION_GATE.holdMs) / MOTION_GATE.stillDecodeEveryMs));
    expect(decoded.length).toBeLessThan(60);
  });

  it('decodes the very first frame a small code appears in, and every frame while it stays', () => {
    const gate = new MotionGate(MOTION_GATE);
    for (let t = 0; t < 10_000; t += 100) gate.shouldDecode(doorway(t), t);
    // 10 s of a still doorway: the code comes in between two still-picture decodes.
    expect(gate.shouldDecode(withSmallCode(doorway(10_000)), 10_050)).toBe(true);
    for (let t = 10_150; t < 10_050 + MOTION_GATE.holdMs; t += 100) expect(gate.shouldDecode(withSmallCode(doorway(t)), t)).toBe(true);
  });

  it('keeps decoding every frame of a code held still for as long as it is read', () => {
    const gate = new MotionGate(MOTION_GATE);
    const still = withSmallCode(doorway(1));
    for (let t = 0; t < 60_000; t += 100) {
      expect(gate.shouldDecode(Uint8Array.from(still), t)).toBe(true);
      gate.codeSeen(t);
    }
  });
});

describe('lumaThumbnail', () => {
  it('averages each block of the frame into one pixel', () => {
    // 4×2 blocks of 4×4 pixels, each block one level, with a single odd pixel the sampling skips.
    const data = Uint8Array.from({ length: 16 * 8 }, (_, i) => 10 * (Math.floor((i % 16) / 4) + 4 * Math.floor(i / 16 / 4)));
    data[1] = 255;
    expect([...lumaThumbnail({ width: 16, height: 8, data }, 4, 2)]).toEqual([0, 10, 20, 30, 40, 50, 60, 70]);
  });

  it('refuses a frame smaller than the thumbnail', () => {
    expect(() => lumaThumbnail({ width: 32, height: 24, data: new Uint8Array(32 * 24) }, 64, 48)).toThrow(/smaller than its thumbnail/);
  });
});
