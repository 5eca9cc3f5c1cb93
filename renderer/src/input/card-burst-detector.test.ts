import { describe, expect, it } from 'vitest';
import { CardBurstDetector, type CardBurst } from './card-burst-detector.js';

/** Feeds keys at a fixed pace from startMs and returns every burst recognised, plus the time after the last key. */
function type(detector: CardBurstDetector, keys: readonly string[], stepMs: number, startMs = 1000): { bursts: CardBurst[]; endMs: number } {
  const bursts: CardBurst[] = [];
  let t = startMs;
  for (const key of keys) {
    const burst = detector.feed(key, t);
    if (burst) bursts.push(burst);
    t += stepMs;
  }
  return { bursts, endMs: t - stepMs };
}

/** One key per character (card numbers and the QR texts here are ASCII). */
function chars(text: string): string[] {
  return Array.from(text);
}

const digits = chars('0012632103');

describe('CardBurstDetector', () => {
  it('recognises 10 digits at 5 ms followed by Enter as a card', () => {
    const { bursts } = type(new CardBurstDetector(), [...digits, 'Enter'], 5);
    expect(bursts).toEqual([{ raw: '0012632103' }]);
  });

  it('never takes the same keys typed by a person (120 ms apart) as a card', () => {
    const detector = new CardBurstDetector();
    const { bursts, endMs } = type(detector, [...digits, 'Enter'], 120);
    expect(bursts).toEqual([]);
    expect(detector.flush(endMs + 1000)).toBeNull();
  });

  it('keeps only the burst when a slow human key comes just before it', () => {
    const detector = new CardBurstDetector();
    expect(detector.feed('7', 1000)).toBeNull();
    const { bursts } = type(detector, [...digits, 'Enter'], 4, 1090);
    expect(bursts).toEqual([{ raw: '0012632103' }]);
  });

  it('accepts Tab as the suffix', () => {
    const { bursts } = type(new CardBurstDetector(), [...chars('04A1B2C3D4'), 'Tab'], 6);
    expect(bursts).toEqual([{ raw: '04A1B2C3D4' }]);
  });

  it('accepts W26 "facility,number" and colon-separated hex', () => {
    expect(type(new CardBurstDetector(), [...chars('103,12632'), 'Enter'], 3).bursts).toEqual([{ raw: '103,12632' }]);
    expect(type(new CardBurstDetector(), [...chars('04:a1:b2:c3'), 'Enter'], 3).bursts).toEqual([{ raw: '04:a1:b2:c3' }]);
  });

  it('flushes a suffix-less burst of 8 or more characters after 100 ms of quiet', () => {
    const detector = new CardBurstDetector();
    const { bursts, endMs } = type(detector, digits, 5);
    expect(bursts).toEqual([]);
    expect(detector.flush(endMs + 50)).toBeNull();
    expect(detector.flush(endMs + 100)).toEqual({ raw: '0012632103' });
    expect(detector.flush(endMs + 300)).toBeNull();
  });

  it('hands out a suffix-less burst when the next key comes before the flush ran', () => {
    const detector = new CardBurstDetector();
    const { endMs } = type(detector, digits, 5);
    expect(detector.feed('5', endMs + 500)).toEqual({ raw: '0012632103' });
  });

  it('keeps a burst that a flush found too short: its next keys, stamped a few ms on, still continue it', () => {
    // The page's flush timer ran during a busy spell, while the scanner's next keys waited in the input queue.
    const detector = new CardBurstDetector();
    const text = 'ESK1:MFRGGZDFMZTWQ2LK';
    const first = type(detector, chars(text.slice(0, 2)), 3);
    expect(detector.flush(first.endMs + 400)).toBeNull();
    const rest = type(detector, [...chars(text.slice(2)), 'Enter'], 3, first.endMs + 3);
    expect(rest.bursts).toEqual([{ raw: text }]);
  });

  it('does not flush a suffix-less burst shorter than 8 characters', () => {
    const detector = new CardBurstDetector();
    const { endMs } = type(detector, chars('1234567'), 5);
    expect(detector.flush(endMs + 200)).toBeNull();
  });

  it('ignores a burst that is too short', () => {
    const { bursts } = type(new CardBurstDetector(), [...chars('12345'), 'Enter'], 5);
    expect(bursts).toEqual([]);
  });

  it('ignores a burst longer than the core accepts', () => {
    expect(type(new CardBurstDetector({ maxLength: 64 }), [...chars('1'.repeat(65)), 'Enter'], 2).bursts).toEqual([]);
    expect(type(new CardBurstDetector(), [...chars('A'.repeat(16_385)), 'Enter'], 2).bursts).toEqual([]);
  });

  it('starts over on a key that is not a character', () => {
    for (const breaker of ['Escape', 'ArrowLeft', 'Backspace', 'Shortcut']) {
      const { bursts } = type(new CardBurstDetector(), [...chars('00126'), breaker, ...chars('32103'), 'Enter'], 5);
      expect(bursts).toEqual([]);
    }
  });

  it('takes a 2D scanner typing a QR text: capitals, lower case, digits and separators', () => {
    const text = 'ESK1:MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43UOV3HO6DZPI======';
    expect(type(new CardBurstDetector(), [...chars(text), 'Enter'], 3).bursts).toEqual([{ raw: text }]);
    const url = 'https://example.kz/p?id=42&name=Ab_c-d.e~f#x y';
    expect(type(new CardBurstDetector(), [...chars(url), 'Enter'], 3).bursts).toEqual([{ raw: url }]);
  });

  it('takes a long QR text typed at reader speed, and not the same text typed by a person', () => {
    const text = `ESK1:${'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'.repeat(12)}`;
    expect(type(new CardBurstDetector(), [...chars(text), 'Enter'], 3).bursts).toEqual([{ raw: text }]);
    expect(type(new CardBurstDetector(), [...chars(text), 'Enter'], 90).bursts).toEqual([]);
  });

  it('says whether the next key would extend the burst being held', () => {
    const detector = new CardBurstDetector();
    expect(detector.continues(1000)).toBe(false);
    const { endMs } = type(detector, chars('ESK1'), 3);
    expect(detector.continues(endMs + 3)).toBe(true);
    expect(detector.continues(endMs + 200)).toBe(false);
  });

  it('ignores an Enter that comes slowly after a burst', () => {
    const detector = new CardBurstDetector();
    const { endMs } = type(detector, digits, 5);
    expect(detector.feed('Enter', endMs + 80)).toBeNull();
  });

  it('honours a configured maximum gap', () => {
    const detector = new CardBurstDetector({ maxGapMs: 50 });
    expect(type(detector, [...digits, 'Enter'], 45).bursts).toEqual([{ raw: '0012632103' }]);
    expect(type(new CardBurstDetector(), [...digits, 'Enter'], 45).bursts).toEqual([]);
  });

  it('reads two cards in a row', () => {
    const detector = new CardBurstDetector();
    const first = type(detector, [...digits, 'Enter'], 5, 1000);
    const second = type(detector, [...chars('0099887766'), 'Enter'], 5, first.endMs + 700);
    expect([...first.bursts, ...second.bursts]).toEqual([{ raw: '0012632103' }, { raw: '0099887766' }]);
  });
});
