import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileSecretStore, SECRETS_FOLDER } from '../files/secret-store.js';
import { tempDataDir } from '../testing/fixtures.js';
import { hashPin, hashPinWhileOpening, pinMatches } from './pin-hash.js';
import { ensurePinPepper, PIN_PEPPER_FILE } from './pin-pepper.js';

const quiet = { log: () => undefined };
const secretsIn = (dir: string): FileSecretStore => new FileSecretStore(dir, { cipher: null, ...quiet });

describe('the PIN pepper', () => {
  it('is made once, 32 bytes, in the secret store (0600), and read back the same', () => {
    const dir = tempDataDir();
    const made = ensurePinPepper(secretsIn(dir), dir, true);
    expect(made).toHaveLength(32);
    expect(readdirSync(dir)).toEqual([SECRETS_FOLDER]);
    if (process.platform !== 'win32') expect(statSync(join(dir, SECRETS_FOLDER, 'pin-pepper')).mode & 0o777).toBe(0o600);
    expect(ensurePinPepper(secretsIn(dir), dir, false).equals(made)).toBe(true);
  });

  it("moves an older version's plain file into the store and removes it; PINs hashed with it still match", async () => {
    const dir = tempDataDir();
    const old = Buffer.alloc(32, 7);
    writeFileSync(join(dir, PIN_PEPPER_FILE), old, { mode: 0o644 });
    const stored = await hashPin('2468', old);
    const lines: string[] = [];
    const pepper = ensurePinPepper(secretsIn(dir), dir, false, (line) => lines.push(line));
    expect(pepper.equals(old)).toBe(true);
    expect(existsSync(join(dir, PIN_PEPPER_FILE))).toBe(false);
    expect(lines.join('\n')).toMatch(/moved into the secret store/);
    expect(await pinMatches('2468', ensurePinPepper(secretsIn(dir), dir, false), stored)).toBe(true);
  });

  it('removes a plain file left beside a copy already in the store (a crash between the two)', () => {
    const dir = tempDataDir();
    const made = ensurePinPepper(secretsIn(dir), dir, true);
    writeFileSync(join(dir, PIN_PEPPER_FILE), made);
    expect(ensurePinPepper(secretsIn(dir), dir, false).equals(made)).toBe(true);
    expect(existsSync(join(dir, PIN_PEPPER_FILE))).toBe(false);
  });

  it('is never silently replaced while PINs exist, nor read when damaged (the damaged file is kept)', () => {
    const dir = tempDataDir();
    expect(() => ensurePinPepper(secretsIn(dir), dir, false)).toThrow(/missing/);
    expect(existsSync(join(dir, SECRETS_FOLDER))).toBe(false);
    writeFileSync(join(dir, PIN_PEPPER_FILE), 'short');
    expect(() => ensurePinPepper(secretsIn(dir), dir, true)).toThrow(/damaged/);
    expect(existsSync(join(dir, PIN_PEPPER_FILE))).toBe(true);
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
