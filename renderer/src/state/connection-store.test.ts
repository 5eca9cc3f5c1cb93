import { describe, expect, it } from 'vitest';
import { createConnectionStore } from './connection-store.js';

describe('createConnectionStore', () => {
  it('starts unknown and tells listeners about real changes only', () => {
    const store = createConnectionStore();
    const seen: (boolean | null)[] = [];
    store.subscribe(() => seen.push(store.get()));
    expect(store.get()).toBeNull();
    store.set(true);
    store.set(true);
    store.set(false);
    expect(seen).toEqual([true, false]);
  });
});
