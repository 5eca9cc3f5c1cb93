// Property tests: no single flipped bit turns a valid code into an accepted one, and no input makes the verifier throw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryPayload } from '../../../shared/credentials/qr-arbitraries.js';
import type { QrPayload } from '../../../shared/credentials/qr-payload.js';
import { flipQrBit } from '../demo/demo-qr.js';
import { generateSigningKey, publicKeyFromRaw, rawPublicKey } from './ed25519.js';
import { issueQr, type QrSigner } from './qr-issuer.js';
import { verifyQr, type QrVerifierContext } from './qr-verifier.js';

const city: QrSigner = { keyId: 'city1', privateKey: generateSigningKey() };
const cityKey = { id: city.keyId, owner: 'city' as const, publicKey: publicKeyFromRaw(rawPublicKey(city.privateKey)) };

/** The context in which this payload's honest code is accepted: its kindergarten, its key, its roster row. */
function contextFor(p: QrPayload): QrVerifierContext {
  return {
    kindergartenId: p.kindergartenId,
    findKey: (id) => (id === p.keyId ? { ...cityKey, id } : undefined),
    findCredential: (id) => (id === p.credentialId ? { id, companion_id: p.companionId, version: p.credentialVersion, revoked_at: null } : undefined),
  };
}

/** Payloads whose honest code is valid at issuedAt: phone codes get a lifetime the kiosk allows. */
const acceptablePayload = arbitraryPayload.map(
  (p): QrPayload => (p.variant === 'phone' ? { ...p, lifetimeSeconds: 1 + ((p.lifetimeSeconds ?? 60) % 90) } : p),
);

const bitsOf = (text: string) => Math.floor(((text.length - 'ESK1:'.length) * 5) / 8) * 8;

describe('a valid code with one bit flipped', () => {
  const demo: QrPayload = {
    variant: 'phone',
    kindergartenId: 'kg-demo',
    companionId: 'cp0003',
    credentialId: 'cq002',
    credentialVersion: 1,
    issuedAt: 1_795_403_400,
    lifetimeSeconds: 60,
    keyId: city.keyId,
  };

  it('is never accepted, for every bit of a demo phone code (payload and signature)', () => {
    const text = issueQr(demo, city);
    const at = new Date(demo.issuedAt * 1000);
    expect(verifyQr(text, at, contextFor(demo)).ok).toBe(true);
    const bits = bitsOf(text);
    expect(bits).toBe((25 + 64) * 8);
    for (let bit = 0; bit < bits; bit++) {
      const verdict = verifyQr(flipQrBit(text, bit), at, contextFor(demo));
      expect(verdict.ok, `bit ${bit}`).toBe(false);
    }
  });

  it('is never accepted, for random payloads and any bit', () => {
    fc.assert(
      fc.property(acceptablePayload, fc.nat(), (p, n) => {
        const text = issueQr(p, { ...city, keyId: p.keyId });
        const at = new Date(p.issuedAt * 1000);
        expect(verifyQr(text, at, contextFor(p)).ok).toBe(true);
        const flipped = flipQrBit(text, n % bitsOf(text));
        expect(verifyQr(flipped, at, contextFor(p)).ok).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('verifyQr on hostile input', () => {
  it('never throws on random strings or random edits of a valid code', () => {
    const payload: QrPayload = { variant: 'card', kindergartenId: 'kg-demo', companionId: 'cp0002', credentialId: 'cq001', credentialVersion: 1, issuedAt: 0, lifetimeSeconds: null, keyId: city.keyId };
    const valid = issueQr(payload, city);
    const at = new Date(0);
    fc.assert(
      fc.property(fc.string({ maxLength: 1100 }), (s) => {
        expect(verifyQr(s, at, contextFor(payload)).ok).toBe(false);
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567:1a '), (n, char) => {
        const where = n % valid.length;
        const mutated = valid.slice(0, where) + char + valid.slice(where + 1);
        const verdict = verifyQr(mutated, at, contextFor(payload));
        if (mutated.toUpperCase() !== valid) expect(verdict.ok).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});
