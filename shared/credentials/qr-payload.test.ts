import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteWriter } from './byte-io.js';
import { arbitraryPayload } from './qr-arbitraries.js';
import { decodePayload, encodePayload, type QrPayload } from './qr-payload.js';

const card: QrPayload = {
  variant: 'card',
  kindergartenId: 'kg-demo',
  companionId: 'cp0002',
  credentialId: 'cq001',
  credentialVersion: 1,
  issuedAt: 1_795_403_400,
  lifetimeSeconds: null,
  keyId: 'demo1',
};

describe('QR payload v1', () => {
  it('is 25 bytes for a demo card: header, version, time, lifetime and 18 bytes of packed ids', () => {
    const bytes = encodePayload(card);
    expect(bytes).toHaveLength(25);
    expect(bytes[0]).toBe(0); // printed card, packed ids
    expect(decodePayload(bytes)).toEqual({ ok: true, value: card });
  });

  it('marks a phone code and stores ids that do not pack as length-prefixed ASCII', () => {
    const phone: QrPayload = { ...card, variant: 'phone', lifetimeSeconds: 60, companionId: 'CP-0002/A' };
    const bytes = encodePayload(phone);
    expect(bytes[0]).toBe(0b11);
    expect(decodePayload(bytes)).toEqual({ ok: true, value: phone });
  });

  it('round-trips any payload', () => {
    fc.assert(
      fc.property(arbitraryPayload, (p) => {
        expect(decodePayload(encodePayload(p))).toEqual({ ok: true, value: p });
      }),
    );
  });

  it('refuses to encode what no code may carry', () => {
    expect(() => encodePayload({ ...card, companionId: 'Әлихан' })).toThrow(RangeError);
    expect(() => encodePayload({ ...card, credentialId: 'x'.repeat(65) })).toThrow(RangeError);
    expect(() => encodePayload({ ...card, credentialVersion: 0 })).toThrow(RangeError);
    expect(() => encodePayload({ ...card, lifetimeSeconds: 0 })).toThrow(RangeError);
  });

  it('refuses unknown header bits, truncation, trailing bytes and any second encoding of the same fields', () => {
    const bytes = encodePayload(card);
    expect(decodePayload(Uint8Array.of(0x04, ...bytes.subarray(1)))).toMatchObject({ ok: false, reason: /header/ });
    expect(decodePayload(bytes.subarray(0, 5))).toMatchObject({ ok: false });
    expect(decodePayload(new Uint8Array())).toMatchObject({ ok: false });
    expect(decodePayload(Uint8Array.of(...bytes, 0))).toMatchObject({ ok: false });
    // Version 1 as a two-byte varint (0x81 0x00) instead of 0x01.
    const padded = new ByteWriter().u8(0).u8(0x81).u8(0x00).raw(bytes.subarray(2)).finish();
    expect(decodePayload(padded)).toMatchObject({ ok: false, reason: 'non-canonical encoding' });
    // Packable ids stored raw.
    const raw = new ByteWriter().u8(0b10).raw(bytes.subarray(1, 7));
    for (const id of ['kg-demo', 'cp0002', 'cq001', 'demo1']) raw.u8(id.length).raw(Uint8Array.from(id, (c) => c.charCodeAt(0)));
    expect(decodePayload(raw.finish())).toMatchObject({ ok: false, reason: 'non-canonical encoding' });
  });

  it('never throws on any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const result = decodePayload(bytes);
        if (result.ok) expect(encodePayload(result.value)).toEqual(bytes);
      }),
      { numRuns: 2000 },
    );
  });
});
