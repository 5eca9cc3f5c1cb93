import { describe, expect, it } from 'vitest';
import type { QrPayload } from '../../../shared/credentials/qr-payload.js';
import { presentedQr } from './qr-presented.js';

const payload: QrPayload = {
  variant: 'card',
  kindergartenId: 'kg-demo',
  companionId: 'cp0005',
  credentialId: 'cq004',
  credentialVersion: 1,
  issuedAt: 0,
  lifetimeSeconds: null,
  keyId: 'demo1',
};

describe('presentedQr', () => {
  it('keeps a readable code\'s claims and a hash, not the code', () => {
    const text = 'ESK1:AAAWWA5ORAAIMDKZ56OE3IVJA4YFK6IHBBM67HEQSEVPNEMUJNEJ4IPOFQURWKOD47XAHEFEJBYDCG4OMKD2T7CKRIWG4ART7FKVYMIJ6ZGXMT6DDQSLKWCJDUQFPBVBKCDSXGTIAGOVUBI';
    const kept = presentedQr(text, payload);
    expect(kept).toMatch(/^card kg-demo\/cp0005\/cq004 v1 key demo1 #[0-9a-f]{16}$/);
    expect(presentedQr(`${text.toLowerCase()}\r\n`, payload)).toBe(kept); // the same code read differently
  });

  it('keeps the hash within the column\'s 128 characters, however long the ids', () => {
    const long = 'x'.repeat(64);
    const kept = presentedQr('ESK1:AAAA', { ...payload, kindergartenId: long, companionId: long, credentialId: long });
    expect(kept.length).toBe(128);
    expect(kept).toMatch(/ #[0-9a-f]{16}$/);
  });

  it('keeps only the length, the first characters and a hash of an unreadable text', () => {
    expect(presentedQr('https://example.kz/pass?token=SECRET', null)).toMatch(/^unreadable 36 chars "https:\/\/" #[0-9a-f]{16}$/);
  });
});
