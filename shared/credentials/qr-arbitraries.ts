// Test support: fast-check generators of QR payloads, for the codec's and the verifier's property tests.
import fc from 'fast-check';
import type { QrPayload } from './qr-payload.js';

const printableId = fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 64 });
const packableId = fc.string({ unit: fc.constantFrom(...'0123456789abcdefghijklmnopqrstuvwxyz-._'), minLength: 1, maxLength: 64 });
/** Mostly ids that pack, as real ones do; sometimes ones stored raw. */
export const arbitraryId = fc.oneof({ arbitrary: packableId, weight: 3 }, { arbitrary: printableId, weight: 1 });

export const arbitraryPayload: fc.Arbitrary<QrPayload> = fc.record({
  variant: fc.constantFrom('card' as const, 'phone' as const),
  kindergartenId: arbitraryId,
  companionId: arbitraryId,
  credentialId: arbitraryId,
  credentialVersion: fc.integer({ min: 1, max: 0xffff_ffff }),
  issuedAt: fc.integer({ min: 0, max: 0xffff_ffff }),
  lifetimeSeconds: fc.option(fc.integer({ min: 1, max: 0xffff_ffff }), { nil: null }),
  keyId: arbitraryId,
});
