// The group's pepper taken on joining (docs/peers.md §9): this machine's own, when it had one that differs, is set
// aside in the data folder first, never lost; the group's is the one stored after.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileSecretStore } from '../files/secret-store.js';
import { tempDataDir } from '../testing/fixtures.js';
import { adoptPinPepper, ensurePinPepper, PIN_PEPPER_FILE } from './pin-pepper.js';

const NOW = Date.parse('2026-11-23T03:10:00.000Z');

describe("adopting the group's pepper", () => {
  it('sets the old pepper aside, then keeps the group’s; the same pepper again sets nothing aside', () => {
    const dir = tempDataDir();
    const secrets = new FileSecretStore(dir, { cipher: null, log: () => undefined });
    const own = ensurePinPepper(secrets, dir, true);
    const group = Buffer.alloc(32, 0x5a);
    const folder = adoptPinPepper(secrets, group, { dataDir: dir, nowMs: NOW });
    expect(folder).toBe(join(dir, 'set-aside', 'pin-pepper-20261123T031000000Z'));
    expect(Buffer.from(readFileSync(join(folder ?? '', PIN_PEPPER_FILE), 'utf8'), 'base64').equals(own)).toBe(true);
    expect(ensurePinPepper(secrets, dir, false).equals(group)).toBe(true);
    expect(adoptPinPepper(secrets, group, { dataDir: dir, nowMs: NOW + 1 })).toBeNull();
    expect(readdirSync(join(dir, 'set-aside'))).toHaveLength(1);
  });

  it('a machine with no pepper yet (a new one) sets nothing aside', () => {
    const dir = tempDataDir();
    const secrets = new FileSecretStore(dir, { cipher: null, log: () => undefined });
    expect(adoptPinPepper(secrets, Buffer.alloc(32, 1), { dataDir: dir, nowMs: NOW })).toBeNull();
    expect(existsSync(join(dir, 'set-aside'))).toBe(false);
  });
});
