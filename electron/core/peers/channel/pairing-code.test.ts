import { describe, expect, it } from 'vitest';
import { displayPairingCode, newPairingCode, normalisePairingCode, PAIRING_ALPHABET, PairingCode } from './pairing-code.js';

function clockAt(startMs: number) {
  const clock = { ms: startMs, now: () => new Date(clock.ms) };
  return clock;
}
const T0 = Date.parse('2026-11-23T03:10:00.000Z');

describe('pairing code', () => {
  it('is 12 characters of the alphabet carrying 60 random bits', () => {
    expect(newPairingCode(() => Buffer.alloc(8))).toBe('000000000000');
    // Only the low 60 bits count: the top nibble is dropped, every other bit shows.
    expect(newPairingCode(() => Buffer.from('ffffffffffffffff', 'hex'))).toBe('ZZZZZZZZZZZZ');
    expect(newPairingCode(() => Buffer.from('f000000000000001', 'hex'))).toBe('000000000001');
    expect(newPairingCode(() => Buffer.from('0800000000000000', 'hex'))).toBe('G00000000000');
    const seen = new Set<string>();
    for (let i = 0; i < 200; i += 1) {
      const code = newPairingCode();
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
      seen.add(code);
    }
    expect(seen.size).toBe(200);
    expect(PAIRING_ALPHABET).toHaveLength(32);
  });

  it('is shown as XXXX-XXXX-XXXX and read back however it was typed', () => {
    expect(displayPairingCode('7KQ4M2XD9RTB')).toBe('7KQ4-M2XD-9RTB');
    expect(normalisePairingCode('7kq4-m2xd-9rtb')).toBe('7KQ4M2XD9RTB');
    expect(normalisePairingCode(' 7KQ4 M2XD 9RTB ')).toBe('7KQ4M2XD9RTB');
    expect(normalisePairingCode('IL0O-iloo-1100')).toBe('110011001100');
    expect(normalisePairingCode('7KQ4-M2XD-9RT')).toBeNull();
    expect(normalisePairingCode('7KQ4-M2XD-9RTU')).toBeNull();
    expect(normalisePairingCode('7KQ4-M2XD-9RT!')).toBeNull();
  });

  it('serves one pairing', () => {
    const code = PairingCode.open(clockAt(T0), '7KQ4-M2XD-9RTB');
    expect(code.code).toBe('7KQ4M2XD9RTB');
    expect(code.display).toBe('7KQ4-M2XD-9RTB');
    expect(code.begin()).toEqual({ ok: true, code: '7KQ4M2XD9RTB' });
    expect(code.settle(true)).toEqual({ ok: true });
    expect(code.begin()).toEqual({ ok: false, code: 'PAIR_CODE_USED' });
    expect(code.settle(true)).toEqual({ ok: false, code: 'PAIR_CODE_USED' });
  });

  it('counts each wrong try and dies on the third', () => {
    const code = PairingCode.open(clockAt(T0));
    expect(code.settle(false)).toEqual({ ok: false, code: 'PAIR_CODE_WRONG' });
    expect(code.settle(false)).toEqual({ ok: false, code: 'PAIR_CODE_WRONG' });
    expect(code.begin().ok).toBe(true);
    expect(code.settle(false)).toEqual({ ok: false, code: 'PAIR_CODE_WRONG' });
    expect(code.begin()).toEqual({ ok: false, code: 'PAIR_CODE_USED' });
    expect(code.settle(true)).toEqual({ ok: false, code: 'PAIR_CODE_USED' });
  });

  it('takes a right try after two wrong ones', () => {
    const code = PairingCode.open(clockAt(T0));
    code.settle(false);
    code.settle(false);
    expect(code.settle(true)).toEqual({ ok: true });
  });

  it('lives 10 minutes by the clock handed in, checked again when a try ends', () => {
    const clock = clockAt(T0);
    const code = PairingCode.open(clock);
    expect(code.expiresAtMs).toBe(T0 + 600_000);
    clock.ms = T0 + 599_999;
    expect(code.begin().ok).toBe(true);
    // The try's scrypt ran past the end.
    clock.ms = T0 + 600_000;
    expect(code.settle(true)).toEqual({ ok: false, code: 'PAIR_CODE_EXPIRED' });
    expect(code.begin()).toEqual({ ok: false, code: 'PAIR_CODE_EXPIRED' });
  });

  it('refuses to open what is not a code', () => {
    expect(() => PairingCode.open(clockAt(T0), 'UUUU-UUUU-UUUU')).toThrow(RangeError);
  });
});
