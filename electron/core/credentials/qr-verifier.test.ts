import { describe, expect, it } from 'vitest';
import type { QrPayload } from '../../../shared/credentials/qr-payload.js';
import { rawPublicKey, generateSigningKey, publicKeyFromRaw } from './ed25519.js';
import { issueQr, type QrSigner } from './qr-issuer.js';
import { verifyQr, type QrVerifierContext, type RosterQrCredential } from './qr-verifier.js';
import type { KeyOwner, TrustedKey } from './trusted-keys.js';

const NOW = new Date('2026-11-23T03:10:00.000Z');
const T = NOW.getTime() / 1000;
const city: QrSigner = { keyId: 'city1', privateKey: generateSigningKey() };
const kiosk: QrSigner = { keyId: 'k0badcafe', privateKey: generateSigningKey() };
const stranger: QrSigner = { keyId: 'nobody', privateKey: generateSigningKey() };

const trusted = (signer: QrSigner, owner: KeyOwner): TrustedKey => ({ id: signer.keyId, owner, publicKey: publicKeyFromRaw(rawPublicKey(signer.privateKey)) });
const keys = new Map([trusted(city, 'city'), trusted(kiosk, 'kiosk')].map((k) => [k.id, k]));

function context(rows: Record<string, RosterQrCredential> = { cq001: { id: 'cq001', companion_id: 'cp0002', version: 1, revoked_at: null } }): QrVerifierContext {
  return { kindergartenId: 'kg-demo', findKey: (id) => keys.get(id), findCredential: (id) => rows[id] };
}

const card: Omit<QrPayload, 'keyId'> = {
  variant: 'card',
  kindergartenId: 'kg-demo',
  companionId: 'cp0002',
  credentialId: 'cq001',
  credentialVersion: 1,
  issuedAt: T - 86_400 * 30,
  lifetimeSeconds: null,
};
const phone: Omit<QrPayload, 'keyId'> = { ...card, variant: 'phone', issuedAt: T, lifetimeSeconds: 60 };

const verdictOf = (claims: Omit<QrPayload, 'keyId'>, signer = city, at = NOW, ctx = context()) => verifyQr(issueQr(claims, signer), at, ctx);
const refusal = (claims: Omit<QrPayload, 'keyId'>, signer = city, at = NOW, ctx = context()) => {
  const v = verdictOf(claims, signer, at, ctx);
  return v.ok ? 'accepted' : `${v.code} ${v.reason}`;
};
const later = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);

describe('verifyQr', () => {
  it('accepts a printed card and a phone code of a roster credential', () => {
    expect(verdictOf(card)).toMatchObject({ ok: true, companionId: 'cp0002', credentialId: 'cq001' });
    expect(verdictOf(phone)).toMatchObject({ ok: true, companionId: 'cp0002', credentialId: 'cq001' });
    expect(verdictOf(card, kiosk)).toMatchObject({ ok: true });
  });

  it('refuses what is not a v1 code, and oversize text unread', () => {
    expect(verifyQr('0004512345', NOW, context())).toMatchObject({ ok: false, code: 'QR_MALFORMED', reason: 'qr-malformed', payload: null });
    expect(verifyQr('ESK1:' + 'A'.repeat(2000), NOW, context())).toMatchObject({ ok: false, code: 'QR_TOO_LARGE', reason: 'qr-too-large' });
  });

  it('refuses as forged a code signed by an unknown key, or whose signature is not the named key\'s', () => {
    expect(refusal(card, stranger)).toBe('QR_FORGED qr-unknown-key');
    expect(refusal(card, { keyId: city.keyId, privateKey: stranger.privateKey })).toBe('QR_FORGED qr-bad-signature');
  });

  it('refuses another kindergarten\'s code as foreign, even when its key is unknown here', () => {
    expect(refusal({ ...card, kindergartenId: 'kg-elsewhere' })).toBe('QR_FOREIGN qr-foreign');
    expect(refusal({ ...card, kindergartenId: 'kg-elsewhere' }, stranger)).toBe('QR_FOREIGN qr-foreign');
    expect(refusal(card, city, NOW, { ...context(), kindergartenId: undefined })).toBe('QR_FOREIGN qr-foreign');
  });

  it('lets a phone code live a minute, plus 30 s for the clocks to disagree', () => {
    expect(refusal(phone, city, later(90))).toBe('accepted');
    expect(refusal(phone, city, later(91))).toBe('QR_EXPIRED qr-expired');
    expect(refusal(phone, city, later(-30))).toBe('accepted');
    expect(refusal(phone, city, later(-31))).toBe('QR_NOT_YET_VALID qr-not-yet-valid');
  });

  it('refuses a phone code that its issuer let live longer than 90 s, or for ever', () => {
    expect(refusal({ ...phone, lifetimeSeconds: 90 })).toBe('accepted');
    expect(refusal({ ...phone, lifetimeSeconds: 91 })).toBe('QR_EXPIRED qr-lifetime-too-long');
    expect(refusal({ ...phone, lifetimeSeconds: null })).toBe('QR_EXPIRED qr-lifetime-too-long');
  });

  it('honours a printed card\'s expiry when it has one', () => {
    const season = { ...card, lifetimeSeconds: 86_400 * 31 };
    expect(refusal(season)).toBe('accepted');
    expect(refusal(season, city, later(86_400 + 31))).toBe('QR_EXPIRED qr-expired');
    expect(refusal({ ...card, issuedAt: T + 3600 })).toBe('QR_NOT_YET_VALID qr-not-yet-valid');
  });

  it('refuses a credential the roster withdrew, re-issued, or gave to someone else', () => {
    const row = { id: 'cq001', companion_id: 'cp0002', version: 2, revoked_at: null };
    expect(refusal(card, city, NOW, context({ cq001: { ...row, version: 1, revoked_at: '2026-10-01T09:00:00.000+05:00' } }))).toBe('QR_REVOKED qr-revoked');
    expect(refusal(card, city, NOW, context({ cq001: row }))).toBe('QR_REVOKED qr-superseded');
    expect(refusal({ ...card, credentialVersion: 2 }, city, NOW, context({ cq001: row }))).toBe('accepted');
    // The roster lags a re-issue: the signature vouches for the newer version.
    expect(refusal({ ...card, credentialVersion: 3 }, city, NOW, context({ cq001: row }))).toBe('accepted');
    expect(refusal(card, city, NOW, context({ cq001: { ...row, version: 1, companion_id: 'cp0099' } }))).toBe('QR_REVOKED qr-companion-mismatch');
  });

  it('accepts a credential the roster does not list yet only in a fresh city phone code', () => {
    const unknown = { credentialId: 'cq777' };
    expect(verdictOf({ ...phone, ...unknown })).toMatchObject({ ok: true, companionId: 'cp0002', credentialId: null });
    expect(refusal({ ...card, ...unknown })).toBe('QR_REVOKED qr-unknown-credential');
    expect(refusal({ ...phone, ...unknown }, kiosk)).toBe('QR_REVOKED qr-unknown-credential');
    expect(refusal({ ...phone, ...unknown }, city, later(120))).toBe('QR_EXPIRED qr-expired');
  });
});
