import { chmodSync, existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDataDir } from '../testing/fixtures.js';
import { hashPin, hashPinWhileOpening, pinMatches } from './pin-hash.js';
import { ensurePinPepper, PIN_PEPPER_FILE } from './pin-pepper.js';

describe('the PIN pepper', () => {
  it('is made once, 32 bytes, readable by the kiosk user only, and read back the same', () => {
    const dir = tempDataDir();
    const made = ensurePinPepper(dir, true);
    expect(made).toHaveLength(32);
    if (process.platform !== 'win32') expect(statSync(join(dir, PIN_PEPPER_FILE)).mode & 0o777).toBe(0o600);
    expect(ensurePinPepper(dir, false).equals(made)).toBe(true);
  });

  it('tightens a loosened mode instead of refusing to start', () => {
    if (process.platform === 'win32') return;
    const dir = tempDataDir();
    ensurePinPepper(dir, true);
    chmodSync(join(dir, PIN_PEPPER_FILE), 0o644);
    ensurePinPepper(dir, false);
    expect(statSync(join(dir, PIN_PEPPER_FILE)).mode & 0o777).toBe(0o600);
  });

  it('is never silently replaced while PINs exist, nor read when damaged', () => {
    const dir = tempDataDir();
    expect(() => ensurePinPepper(dir, false)).toThrow(/missing/);
    expect(existsSync(join(dir, PIN_PEPPER_FILE))).toBe(false);
    writeFileSync(join(dir, PIN_PEPPER_FILE), 'short');
    expect(() => ensurePinPepper(dir, true)).toThrow(/damaged/);
  });
});

describe('PIN hashes', () => {
  const pepper = Buffer.alloc(32, 1);

  it('match the right PIN only, and need the same pepper', async () => {
    const stored = await hashPin('2468', pepper);
    expect(await pinMatches('2468', pepper, stored)).toBe(true);
    expect(await pinMatches('2469', pepper, stored)).toBe(false);
    expect(await pinMatches('2468', Buffer.alloc(32, 2), stored)).toBe(false);
    // The demo's PINs, hashed while the kiosk opens, are the same kind of hash.
    expect(await pinMatches('2468', pepper, hashPinWhileOpening('2468', pepper))).toBe(true);
  });

  it('differ for the same PIN (a fresh salt each time) and hold no trace of it', async () => {
    const a = await hashPin('2468', pepper);
    const b = await hashPin('2468', pepper);
    expect(a.hash.equals(b.hash)).toBe(false);
    expect(a.hash.toString('latin1')).not.toContain('2468');
  });

  it('refuse parameters they do not know', async () => {
    const stored = { ...(await hashPin('2468', pepper)), params: 'md5' };
    await expect(pinMatches('2468', pepper, stored)).rejects.toThrow(/unknown/);
  });
});
