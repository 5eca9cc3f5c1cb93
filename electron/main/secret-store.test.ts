// The Electron secret store against the stand-in safeStorage: sealed by the OS keystore where it protects something,
// a plain 0600 file and a warning where it does not.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDataDir } from '../core/testing/fixtures.js';
import { electronSecretStore } from './secret-store.js';
import { electronFake } from './testing/fake-electron.js';

vi.mock('electron', () => import('./testing/fake-electron.js'));

beforeEach(() => electronFake.reset());

function secretFile(dataDir: string, name: string): Buffer {
  return readFileSync(join(dataDir, 'secrets', name));
}

describe('the secrets under safeStorage', () => {
  it('seals the city token with the OS keystore: the file holds no plain token, and it reads back', () => {
    const dataDir = tempDataDir();
    const lines: string[] = [];
    const store = electronSecretStore(dataDir, (line) => lines.push(line));
    expect(store.protection).toBe('os-encrypted');
    store.set('city-token', 'token-Қазақстан-42');
    expect(electronFake.safeStorage.calls).toContain('encryptString');
    const [header, body] = secretFile(dataDir, 'city-token').toString('utf8').split('\n');
    expect(header).toBe('esik-secret-v1 os-sealed');
    // What safeStorage sealed, not the token.
    expect(Buffer.from(body ?? '', 'base64').subarray(0, 7).toString()).toBe('sealed:');
    expect(Buffer.from(body ?? '', 'base64').toString('utf8')).not.toContain('token-Қазақстан-42');
    expect(electronSecretStore(dataDir, (line) => lines.push(line)).get('city-token')).toBe('token-Қазақстан-42');
    expect(electronFake.safeStorage.calls).toContain('decryptString');
    expect(lines.filter((line) => line.includes('WARNING'))).toEqual([]);
  });

  it.runIf(process.platform === 'linux')('falls back to a plain 0600 file, with a warning, on a Linux desktop without a keyring', () => {
    const dataDir = tempDataDir();
    electronFake.safeStorage.backend = 'basic_text';
    const lines: string[] = [];
    const store = electronSecretStore(dataDir, (line) => lines.push(line));
    expect(store.protection).toBe('plaintext-fallback');
    store.set('city-token', 'plain-token');
    expect(electronFake.safeStorage.calls).not.toContain('encryptString');
    expect(secretFile(dataDir, 'city-token').toString('utf8')).toBe(`esik-secret-v1 plain\n${Buffer.from('plain-token').toString('base64')}\n`);
    expect(statSync(join(dataDir, 'secrets', 'city-token')).mode & 0o777).toBe(0o600);
    expect(lines).toContain('[secrets] WARNING: the Linux storage backend is basic_text (no keyring); the city token is kept in a 0600 file, unencrypted');
  });

  it('falls back when the OS reports no encryption at all', () => {
    const dataDir = tempDataDir();
    electronFake.safeStorage.available = false;
    const lines: string[] = [];
    const store = electronSecretStore(dataDir, (line) => lines.push(line));
    expect(store.protection).toBe('plaintext-fallback');
    expect(lines.some((line) => line.includes('the OS reports no encryption available'))).toBe(true);
    store.set('device-key', 'k');
    expect(readdirSync(join(dataDir, 'secrets'))).toEqual(['device-key']);
  });
});
