import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packIds, unpackIds } from './id-pack.js';

const packableId = fc.string({ unit: fc.constantFrom(...'0123456789abcdefghijklmnopqrstuvwxyz-._'), minLength: 1, maxLength: 64 });

describe('id packing', () => {
  it('packs three characters into two bytes', () => {
    const packed = packIds(['kg-demo', 'cp0002', 'cq001', 'demo1']);
    expect(packed).toHaveLength(18); // 26 characters with separators, padded to 27
    expect(unpackIds(packed ?? new Uint8Array(), 4)).toEqual(['kg-demo', 'cp0002', 'cq001', 'demo1']);
  });

  it('round-trips any packable ids', () => {
    fc.assert(
      fc.property(fc.array(packableId, { minLength: 1, maxLength: 4 }), (ids) => {
        const packed = packIds(ids);
        expect(packed).not.toBeNull();
        expect(unpackIds(packed ?? new Uint8Array(), ids.length)).toEqual(ids);
      }),
    );
  });

  it('does not pack upper case, spaces, other symbols or empty ids', () => {
    for (const id of ['KG-1', 'a b', 'a/b', 'ә', '']) expect(packIds(['x', id])).toBeNull();
  });

  it('refuses bytes that are not a packing of exactly that many non-empty ids', () => {
    const two = packIds(['ab', 'cd']) ?? new Uint8Array();
    expect(unpackIds(two, 3)).toBeNull();
    expect(unpackIds(two.subarray(1), 2)).toBeNull(); // odd length
    expect(unpackIds(Uint8Array.of(0xff, 0xff), 1)).toBeNull(); // 65535 ≥ 40³
    expect(unpackIds(Uint8Array.of(0, 0), 1)).toBeNull(); // only separators
    expect(unpackIds(Uint8Array.of(...(packIds(['ab']) ?? []), 0, 0), 1)).toBeNull(); // a whole chunk of padding
  });
});
