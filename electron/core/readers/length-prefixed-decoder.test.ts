import { describe, expect, it } from 'vitest';
import { createLengthPrefixedDecoder } from './length-prefixed-decoder.js';
import { decodeStream } from './testing/decode-stream.js';
import { loadRecordedStream } from './testing/recorded-stream.js';

describe('length-prefixed decoder', () => {
  it('reads ASCII frames, each repeat as its own read, and drops a frame cut short', () => {
    const events = decodeStream(createLengthPrefixedDecoder('ascii', null), loadRecordedStream('length-ascii-64.hex'));
    expect(events).toEqual([
      { kind: 'card', text: '0006762840' },
      { kind: 'card', text: '0006762840' },
      { kind: 'card', text: '0006762840' },
      { kind: 'dropped', reason: 'truncated-frame', partial: '30303034353132' },
      { kind: 'card', text: '103,12632' },
    ]);
  });

  it('reads UID frames behind a report ID as colon hex, in the order the reader sends the bytes', () => {
    const events = decodeStream(createLengthPrefixedDecoder('uid', 2), loadRecordedStream('length-uid-16.hex'));
    expect(events).toEqual([
      { kind: 'card', text: '7C:1B:A2:04' },
      { kind: 'dropped', reason: 'bad-frame', partial: '112233' },
      { kind: 'card', text: '80:5D:3E:C2:7A:52:04' },
    ]);
  });

  it('refuses ASCII frames with bytes no reader prints, and takes empty reports as noise', () => {
    const decoder = createLengthPrefixedDecoder('ascii', null);
    expect(decoder.push(Uint8Array.from([3, 0x31, 0x07, 0x32]), 0)).toEqual([{ kind: 'dropped', reason: 'bad-frame', partial: '310732' }]);
    expect(decoder.push(Uint8Array.from([]), 1)).toEqual([{ kind: 'dropped', reason: 'short-report', partial: '' }]);
    expect(decoder.push(Uint8Array.from([2, 0x0d, 0x0a]), 2)).toEqual([]);
  });
});
