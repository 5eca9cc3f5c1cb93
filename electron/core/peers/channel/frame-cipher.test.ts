import { createCipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FRAME_TAG_BYTES, frameNonce, frameOpener, frameSealer, type FrameSealer } from './frame-cipher.js';

function sealed(sealer: FrameSealer, text: string): Uint8Array {
  const r = sealer.seal(text);
  if (!r.ok) throw new Error(r.code);
  return r.frame;
}

describe('frame cipher', () => {
  it('matches a fixed vector: key 32 × 0x01, frame 1, aad esik-peer-frame-v1', () => {
    const sealer = frameSealer(Buffer.alloc(32, 1));
    sealed(sealer, 'first');
    const second = sealed(sealer, '{"t":"ready"}');
    expect(Buffer.from(second).toString('hex')).toBe(VECTOR_FRAME_1);
    expect(frameNonce(1).toString('hex')).toBe('000000000000000000000001');
    expect(frameNonce(2 ** 32 - 1).toString('hex')).toBe('0000000000000000ffffffff');
  });

  it('is AES-256-GCM as node:crypto computes it, ciphertext then the 16-byte tag', () => {
    const key = randomBytes(32);
    const frame = sealed(frameSealer(key), 'hello');
    const c = createCipheriv('aes-256-gcm', key, Buffer.alloc(12));
    c.setAAD(Buffer.from('esik-peer-frame-v1'));
    const expected = Buffer.concat([c.update('hello'), c.final(), c.getAuthTag()]);
    expect(Buffer.from(frame).equals(expected)).toBe(true);
    expect(frame.length).toBe(5 + FRAME_TAG_BYTES);
  });

  it('opens frames in order, each once', () => {
    const key = randomBytes(32);
    const sealer = frameSealer(key);
    const opener = frameOpener(key);
    const texts = ['{"t":"ready"}', 'два', '', 'x'.repeat(70_000)];
    for (const text of texts) expect(opener.open(sealed(sealer, text))).toEqual({ ok: true, text });
  });

  it('refuses a replayed frame, and everything after it', () => {
    const key = randomBytes(32);
    const sealer = frameSealer(key);
    const opener = frameOpener(key);
    const a = sealed(sealer, 'a');
    const b = sealed(sealer, 'b');
    expect(opener.open(a).ok).toBe(true);
    expect(opener.open(a)).toEqual({ ok: false, code: 'PEER_BAD_FRAME' });
    expect(opener.open(b).ok).toBe(false);
  });

  it('refuses a dropped or reordered frame', () => {
    const key = randomBytes(32);
    const sealer = frameSealer(key);
    const [a, b] = [sealed(sealer, 'a'), sealed(sealer, 'b')];
    expect(frameOpener(key).open(b).ok).toBe(false);
    const opener = frameOpener(key);
    expect(opener.open(a).ok).toBe(true);
    expect(opener.open(b).ok).toBe(true);
  });

  it('refuses a frame sealed for the other direction', () => {
    const i2r = randomBytes(32);
    const r2i = randomBytes(32);
    const fromI = sealed(frameSealer(i2r), 'to R');
    expect(frameOpener(r2i).open(fromI).ok).toBe(false);
    expect(frameOpener(i2r).open(fromI).ok).toBe(true);
  });

  it('refuses any single flipped bit, a cut tag and a short frame', () => {
    const key = randomBytes(32);
    const frame = sealed(frameSealer(key), '{"t":"have"}');
    for (let bit = 0; bit < frame.length * 8; bit += 1) {
      const bad = Uint8Array.from(frame);
      bad[bit >> 3] = (bad[bit >> 3] ?? 0) ^ (1 << (bit & 7));
      expect(frameOpener(key).open(bad).ok).toBe(false);
    }
    expect(frameOpener(key).open(frame.subarray(0, frame.length - 1)).ok).toBe(false);
    expect(frameOpener(key).open(new Uint8Array(3)).ok).toBe(false);
    expect(frameOpener(key).open(frame).ok).toBe(true);
  });

  it('refuses bytes that are not UTF-8 even under a good tag', () => {
    const key = randomBytes(32);
    const c = createCipheriv('aes-256-gcm', key, frameNonce(0));
    c.setAAD(Buffer.from('esik-peer-frame-v1'));
    const frame = Buffer.concat([c.update(Buffer.from([0xff, 0xfe])), c.final(), c.getAuthTag()]);
    expect(frameOpener(key).open(frame).ok).toBe(false);
  });

  it('stops at the end of a direction instead of reusing a nonce', () => {
    const key = randomBytes(32);
    const sealer = frameSealer(key, 2);
    sealed(sealer, 'a');
    sealed(sealer, 'b');
    expect(sealer.seal('c')).toEqual({ ok: false, code: 'PEER_FRAMES_EXHAUSTED' });
  });

  it('takes only 32-byte keys', () => {
    expect(() => frameSealer(new Uint8Array(16))).toThrow(RangeError);
    expect(() => frameOpener(new Uint8Array(33))).toThrow(RangeError);
  });
});

// Computed independently with Python's cryptography (AESGCM), not by the code under test.
const VECTOR_FRAME_1 = 'c0f8e4a5e61c0b476857a95b48b41aff01e4587a76ea693e39078f8cf9';
