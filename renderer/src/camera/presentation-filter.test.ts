import { describe, expect, it } from 'vitest';
import { PresentationFilter } from './presentation-filter.js';

/** The filter's answers for one text seen at each of the given times. */
function seen(filter: PresentationFilter, text: string, times: readonly number[]): boolean[] {
  return times.map((t) => filter.accept(text, t));
}

describe('PresentationFilter', () => {
  it('takes a code held in view for seconds once', () => {
    const frames = Array.from({ length: 50 }, (_, i) => 1000 + i * 100);
    expect(seen(new PresentationFilter(), 'ESK1:A', frames).filter(Boolean)).toHaveLength(1);
  });

  it('takes it again only after it was out of view for 1.5 s', () => {
    const filter = new PresentationFilter();
    expect(seen(filter, 'ESK1:A', [0, 100, 200])).toEqual([true, false, false]);
    // A hand wobbling the phone: a second away, then back.
    expect(filter.accept('ESK1:A', 1200)).toBe(false);
    // Put away and shown again.
    expect(filter.accept('ESK1:A', 2700)).toBe(true);
  });

  it('takes a different code at once', () => {
    const filter = new PresentationFilter();
    expect(filter.accept('ESK1:A', 0)).toBe(true);
    expect(filter.accept('ESK1:B', 100)).toBe(true);
  });

  it('does not take two codes in view together again and again', () => {
    const filter = new PresentationFilter();
    const answers = Array.from({ length: 20 }, (_, i) => filter.accept(i % 2 === 0 ? 'ESK1:A' : 'ESK1:B', i * 100));
    expect(answers.filter(Boolean)).toHaveLength(2);
  });

  it('honours a configured absence', () => {
    const filter = new PresentationFilter(500);
    expect(seen(filter, 'X', [0, 400, 1000])).toEqual([true, false, true]);
  });
});
