import { describe, expect, it } from 'vitest';
import { createKeyboardDecoder, MAX_KEY_GAP_MS } from './keyboard-report-decoder.js';
import { decodeStream } from './testing/decode-stream.js';
import { loadRecordedStream } from './testing/recorded-stream.js';

const report = (...bytes: number[]) => Uint8Array.from([...bytes, ...new Array<number>(8 - bytes.length).fill(0)]);
const UP = report();

describe('keyboard report decoder', () => {
  it('reads each card of a recorded EM reader once, at its Enter', () => {
    const events = decodeStream(createKeyboardDecoder(null), loadRecordedStream('keyboard-em-decimal.hex'));
    expect(events).toEqual([
      { kind: 'card', text: '0004512346' },
      { kind: 'card', text: '0006762840' },
    ]);
  });

  it('reads through rollover, repeated reports, ErrorRollOver, shift and keypad keys, and drops the card with a cut report', () => {
    const events = decodeStream(createKeyboardDecoder(null), loadRecordedStream('keyboard-noise.hex'));
    expect(events).toEqual([
      { kind: 'card', text: '103,12632' },
      { kind: 'card', text: '04A21B7C' },
      { kind: 'card', text: '0004512345' },
      { kind: 'dropped', reason: 'short-report', partial: '00045123' },
      { kind: 'card', text: '0004512348' },
    ]);
  });

  it('drops the half-typed card when the reader is unplugged, and reads the next one whole', () => {
    const events = decodeStream(createKeyboardDecoder(null), loadRecordedStream('keyboard-unplug-mid-card.hex'));
    expect(events).toEqual([
      { kind: 'card', text: '0004512346' },
      { kind: 'dropped', reason: 'unplugged', partial: '000676' },
      { kind: 'card', text: '0006762840' },
    ]);
  });

  it('drops a half card after a pause instead of gluing it to the next card', () => {
    const decoder = createKeyboardDecoder(null);
    decoder.push(report(0, 0, 0x27), 0);
    decoder.push(UP, 4);
    expect(decoder.push(report(0, 0, 0x1e), 4 + MAX_KEY_GAP_MS + 1)).toEqual([{ kind: 'dropped', reason: 'gap', partial: '0' }]);
    decoder.push(UP, 600);
    expect(decoder.push(report(0, 0, 0x28), 604)).toEqual([{ kind: 'card', text: '1' }]);
  });

  it('takes a report ID byte off numbered reports and ignores reports of other IDs', () => {
    const decoder = createKeyboardDecoder(1);
    expect(decoder.push(Uint8Array.from([2, 0, 0, 0x1e, 0, 0, 0, 0, 0]), 0)).toEqual([]);
    decoder.push(Uint8Array.from([1, 0, 0, 0x1f, 0, 0, 0, 0, 0]), 1);
    decoder.push(Uint8Array.from([1, 0, 0, 0, 0, 0, 0, 0, 0]), 2);
    expect(decoder.push(Uint8Array.from([1, 0, 0, 0x28, 0, 0, 0, 0, 0]), 3)).toEqual([{ kind: 'card', text: '2' }]);
  });

  it('spoils a card with a key no reader types, and a reader stuck on a key', () => {
    const decoder = createKeyboardDecoder(null);
    decoder.push(report(0, 0, 0x1e), 0);
    decoder.push(report(0, 0, 0x3a), 1); // F1
    expect(decoder.push(report(0, 0, 0x28), 2)).toEqual([{ kind: 'dropped', reason: 'unknown-key', partial: '1' }]);
    const events = [];
    for (let i = 0; i < 70; i++) {
      events.push(...decoder.push(report(0, 0, 0x1e), 10 + 2 * i), ...decoder.push(UP, 11 + 2 * i));
    }
    events.push(...decoder.push(report(0, 0, 0x28), 200));
    expect(events).toEqual([{ kind: 'dropped', reason: 'too-long', partial: '1'.repeat(65) }]);
  });

  it('ignores an Enter with nothing typed', () => {
    expect(createKeyboardDecoder(null).push(report(0, 0, 0x28), 0)).toEqual([]);
  });
});
