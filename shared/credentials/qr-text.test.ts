import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_QR_TEXT } from '../domain/attendance.js';
import { encodeBase32 } from './base32.js';
import { arbitraryPayload } from './qr-arbitraries.js';
import { encodePayload, type QrPayload } from './qr-payload.js';
import { decodeQrText, encodeQrText, MAX_V1_TEXT, QR_PREFIX, signedBytesOf } from './qr-text.js';

// The codec does not verify signatures (the core does), so any 64 bytes stand in for one here.
const signature = Uint8Array.from({ length: 64 }, (_, i) => (i * 37) & 0xff);
const phone: QrPayload = {
  variant: 'phone',
  kindergartenId: 'kg-demo',
  companionId: 'cp0003',
  credentialId: 'cq002',
  credentialVersion: 1,
  issuedAt: 1_795_403_400,
  lifetimeSeconds: 60,
  keyId: 'demo1',
};
const text = encodeQrText(encodePayload(phone), signature);
/** Upper-case letters, digits and the separators that are in the QR alphanumeric set and type on any layout. */
const KEYBOARD_SAFE_QR = /^[A-Z0-9:.-]+$/;

describe('QR text v1', () => {
  it('is "ESK1:" and base32, under 150 characters for a typical code', () => {
    expect(text).toMatch(/^ESK1:[A-Z2-7]+$/);
    expect(text.length).toBe(148);
    expect(decodeQrText(text)).toEqual({ ok: true, value: { payload: phone, signature, signedBytes: signedBytesOf(encodePayload(phone)) } });
  });

  it('signs the payload behind a context string, so the signature means nothing elsewhere', () => {
    const signed = signedBytesOf(Uint8Array.of(1, 2));
    expect(String.fromCharCode(...signed)).toBe('esik-qr-v1\u0000\u0001\u0002');
  });

  it('round-trips any payload, with only keyboard-safe QR alphanumeric characters', () => {
    fc.assert(
      fc.property(arbitraryPayload, fc.uint8Array({ minLength: 64, maxLength: 64 }), (payload, sig) => {
        const encoded = encodeQrText(encodePayload(payload), sig);
        expect(encoded).toMatch(KEYBOARD_SAFE_QR);
        expect(encoded.length).toBeLessThanOrEqual(MAX_V1_TEXT);
        const decoded = decodeQrText(encoded);
        expect(decoded.ok && decoded.value.payload).toEqual(payload);
      }),
    );
  });

  it('accepts what scanners add: a line ending, or lower case when Caps Lock is on', () => {
    expect(decodeQrText(`${text}\r\n`).ok).toBe(true);
    expect(decodeQrText(text.toLowerCase()).ok).toBe(true);
  });

  it('refuses oversize text before reading it', () => {
    expect(decodeQrText('x'.repeat(MAX_QR_TEXT + 1))).toMatchObject({ ok: false, code: 'QR_TOO_LARGE' });
    expect(decodeQrText(QR_PREFIX + 'A'.repeat(MAX_V1_TEXT))).toMatchObject({ ok: false, code: 'QR_TOO_LARGE' });
  });

  it('refuses other codes and broken ones as malformed, saying why', () => {
    const cases: [string, RegExp][] = [
      ['https://example.kz/pass?id=42', /not an ESK1/],
      [text.replace('ESK1:', 'ESK2:'), /not an ESK1/],
      [`${text.slice(0, 40)}1${text.slice(41)}`, /base32/],
      [`${QR_PREFIX}${encodeBase32(signature)}`, /too short/],
      [text.slice(0, -8), /base32|payload|ids|canonical/],
      [encodeQrText(Uint8Array.of(0x80, 1, 0, 0, 0, 0, 0, 0, 0), signature), /header/],
    ];
    for (const [input, reason] of cases) expect(decodeQrText(input)).toMatchObject({ ok: false, code: 'QR_MALFORMED', reason });
  });

  it('never throws on any string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 1100 }), (s) => {
        expect(decodeQrText(s).ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
    const base32ish = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'), maxLength: 600 });
    fc.assert(
      fc.property(base32ish, (body) => {
        decodeQrText(QR_PREFIX + body);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on random edits of a valid text', () => {
    const edit = fc.oneof(
      fc.record({ at: fc.nat(), char: fc.string({ minLength: 1, maxLength: 1 }), kind: fc.constant('replace' as const) }),
      fc.record({ at: fc.nat(), char: fc.string({ minLength: 1, maxLength: 3 }), kind: fc.constant('insert' as const) }),
      fc.record({ at: fc.nat(), char: fc.constant(''), kind: fc.constant('delete' as const) }),
    );
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 5 }), (edits) => {
        let mutated = text;
        for (const e of edits) {
          const at = e.at % (mutated.length + 1);
          mutated = mutated.slice(0, at) + e.char + mutated.slice(e.kind === 'insert' ? at : at + 1);
        }
        const result = decodeQrText(mutated);
        if (result.ok) expect(result.value.payload).toBeDefined();
      }),
      { numRuns: 2000 },
    );
  });
});
