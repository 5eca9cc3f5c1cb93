import { describe, expect, it } from 'vitest';
import { credentialFromBurst } from './route-burst.js';

describe('credentialFromBurst', () => {
  it('sends card numbers to identifyCard as a keyboard-wedge read', () => {
    for (const raw of ['0004512345', '103,12632', '04A1B2C3', '04a1b2c3d4e5f6', '04:a1:b2:c3', 'DEADBEEF00112233AABB']) {
      expect(credentialFromBurst(raw)).toEqual({ kind: 'card', raw, source: 'keyboard-wedge' });
    }
  });

  it('sends everything else to identifyQr as a scanner read', () => {
    for (const text of ['ESK1:MFRGGZDFMZTWQ2LK', 'https://example.kz/?a=1', 'hello world', 'ABCDEF', 'DEADBEEF00112233AABBCC', '1'.repeat(40)]) {
      expect(credentialFromBurst(text)).toEqual({ kind: 'qr', text, source: 'scanner' });
    }
  });

  it('cuts a huge text to the request limit, so the core still refuses it and keeps the attempt', () => {
    const credential = credentialFromBurst('Q'.repeat(20_000));
    expect(credential.kind === 'qr' && credential.text.length).toBe(16_384);
  });
});
