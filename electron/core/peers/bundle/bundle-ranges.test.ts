import { describe, expect, it } from 'vitest';
import { bundleRanges } from './bundle-ranges.js';

describe('bundleRanges', () => {
  it('starts each origin after the lowest seq any recipient is known to hold', () => {
    const own = { door2: 1350, door1: 40, office: 12 };
    const office = { door2: 1200, door1: 40, office: 12 };
    const door1 = { door2: 900, door1: 40, office: 10 };
    expect(bundleRanges(own, [office, door1])).toEqual({ door2: [901, 1350], office: [11, 12] });
  });

  it('carries everything for a recipient never heard from, and nothing every recipient holds', () => {
    expect(bundleRanges({ door2: 5, door1: 3 }, [{ door2: 5, door1: 3 }, null])).toEqual({ door2: [1, 5], door1: [1, 3] });
    expect(bundleRanges({ door2: 5, door1: 0 }, [{ door2: 5 }])).toEqual({});
    // A recipient that claims more than this machine holds asks for nothing of that origin from it.
    expect(bundleRanges({ door2: 5 }, [{ door2: 9 }])).toEqual({});
  });
});
