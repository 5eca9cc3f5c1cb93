import { describe, expect, it } from 'vitest';
import { ViewfinderSleep } from './viewfinder-sleep.js';

describe('ViewfinderSleep', () => {
  it('stays awake while the doorway moves, however long', () => {
    const sleep = new ViewfinderSleep(20_000, 0);
    for (let t = 0; t <= 60_000; t += 100) expect(sleep.look(true, t)).toBeNull();
    expect(sleep.sleeping).toBe(false);
  });

  it('sleeps once, after the delay without motion counted from the last motion (or the start)', () => {
    const sleep = new ViewfinderSleep(20_000, 1_000);
    expect(sleep.look(false, 20_900)).toBeNull();
    expect(sleep.look(false, 21_000)).toBe('sleep');
    expect(sleep.look(false, 21_100)).toBeNull();
    expect(sleep.sleeping).toBe(true);

    const moved = new ViewfinderSleep(20_000, 0);
    moved.look(true, 15_000);
    expect(moved.look(false, 34_900)).toBeNull();
    expect(moved.look(false, 35_000)).toBe('sleep');
  });

  it('wakes on the very first frame that moves, and sleeps again only after a fresh delay', () => {
    const sleep = new ViewfinderSleep(20_000, 0);
    expect(sleep.look(false, 20_000)).toBe('sleep');
    expect(sleep.look(false, 50_000)).toBeNull();
    expect(sleep.look(true, 50_100)).toBe('wake');
    expect(sleep.sleeping).toBe(false);
    expect(sleep.look(true, 50_200)).toBeNull();
    expect(sleep.look(false, 70_100)).toBeNull();
    expect(sleep.look(false, 70_200)).toBe('sleep');
  });
});
