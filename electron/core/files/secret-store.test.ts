import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KioskCore } from '../kiosk-core.js';
import { tempDataDir } from '../testing/fixtures.js';
import { FileSecretStore, keystoreProblem, SECRETS_FOLDER, type SecretCipher } from './secret-store.js';

const TOKEN = 'tok_4Qm9V0vS1b2Lx7Zr8Yw3Kc5Nd6Pe0Hf1Jg2Ti3Uk4';
const posix = process.platform !== 'win32';

/** A real cipher (AES-256-GCM with a key held in memory) in the OS keystore's place: what is on disk must be sealed. */
function memoryKeystore(): SecretCipher {
  const key = randomBytes(32);
  return {
    encrypt: (plain) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decrypt: (sealed) => {
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

const quiet = { log: () => undefined };

describe('FileSecretStore', () => {
  it('keeps a secret in a 0600 file inside a 0700 folder and reads it back after a restart', () => {
    const dir = tempDataDir();
    new FileSecretStore(dir, { cipher: null, ...quiet }).set('city-token', TOKEN);
    const again = new FileSecretStore(dir, { cipher: null, ...quiet });
    expect(again.get('city-token')).toBe(TOKEN);
    expect(again.get('device-key')).toBeNull();
    expect(again.protection).toBe('file-only');
    if (posix) {
      expect(statSync(join(dir, SECRETS_FOLDER)).mode & 0o777).toBe(0o700);
      expect(statSync(join(dir, SECRETS_FOLDER, 'city-token')).mode & 0o777).toBe(0o600);
    }
    // No temporary file is left beside it.
    expect(readdirSync(join(dir, SECRETS_FOLDER))).toEqual(['city-token']);
  });

  it('seals the secret with the keystore, so the file alone does not give it away', () => {
    const dir = tempDataDir();
    const keystore = memoryKeystore();
    const store = new FileSecretStore(dir, { cipher: keystore, ...quiet });
    store.set('city-token', TOKEN);
    expect(store.protection).toBe('os-encrypted');
    const onDisk = readFileSync(join(dir, SECRETS_FOLDER, 'city-token'), 'utf8');
    expect(onDisk).toMatch(/^esik-secret-v1 os-sealed\n/);
    expect(onDisk).not.toContain(TOKEN);
    expect(onDisk).not.toContain(Buffer.from(TOKEN).toString('base64'));
    expect(store.get('city-token')).toBe(TOKEN);

    // Another machine (no keystore, or another key) cannot read it: null and a log line, never a crash.
    const lines: string[] = [];
    expect(new FileSecretStore(dir, { cipher: null, log: (l) => lines.push(l) }).get('city-token')).toBeNull();
    expect(new FileSecretStore(dir, { cipher: memoryKeystore(), log: (l) => lines.push(l) }).get('city-token')).toBeNull();
    expect(lines).toHaveLength(2);
  });

  it('reports a wanted keystore that is missing as a plaintext fallback', () => {
    expect(new FileSecretStore(tempDataDir(), { cipher: null, fallback: true, ...quiet }).protection).toBe('plaintext-fallback');
  });

  it('seals a secret written in plain once the keystore is available', () => {
    const dir = tempDataDir();
    new FileSecretStore(dir, { cipher: null, ...quiet }).set('city-token', TOKEN);
    const sealed = new FileSecretStore(dir, { cipher: memoryKeystore(), ...quiet });
    expect(sealed.get('city-token')).toBe(TOKEN);
    expect(readFileSync(join(dir, SECRETS_FOLDER, 'city-token'), 'utf8')).toMatch(/^esik-secret-v1 os-sealed\n/);
    expect(sealed.get('city-token')).toBe(TOKEN);
  });

  it.runIf(posix)('tightens a file whose mode was loosened', () => {
    const dir = tempDataDir();
    const store = new FileSecretStore(dir, { cipher: null, ...quiet });
    store.set('device-key', 'pem');
    const path = join(dir, SECRETS_FOLDER, 'device-key');
    chmodSync(path, 0o644);
    expect(store.get('device-key')).toBe('pem');
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('does not guess at a file it does not recognise, and forgets a deleted secret', () => {
    const dir = tempDataDir();
    const store = new FileSecretStore(dir, { cipher: null, ...quiet });
    store.set('city-token', TOKEN);
    writeFileSync(join(dir, SECRETS_FOLDER, 'city-token'), TOKEN);
    expect(store.get('city-token')).toBeNull();
    store.delete('city-token');
    expect(store.get('city-token')).toBeNull();
  });
});

describe('whether the OS keystore protects anything', () => {
  it('trusts an available keystore, but not Chromium\'s built-in password on a Linux desktop without a keyring', () => {
    expect(keystoreProblem({ encryptionAvailable: true, platform: 'win32', linuxBackend: null })).toBeNull();
    expect(keystoreProblem({ encryptionAvailable: true, platform: 'darwin', linuxBackend: null })).toBeNull();
    expect(keystoreProblem({ encryptionAvailable: true, platform: 'linux', linuxBackend: 'gnome_libsecret' })).toBeNull();
    expect(keystoreProblem({ encryptionAvailable: true, platform: 'linux', linuxBackend: 'kwallet5' })).toBeNull();
    expect(keystoreProblem({ encryptionAvailable: true, platform: 'linux', linuxBackend: 'basic_text' })).toMatch(/basic_text/);
    expect(keystoreProblem({ encryptionAvailable: true, platform: 'linux', linuxBackend: 'unknown' })).toMatch(/unknown/);
    expect(keystoreProblem({ encryptionAvailable: false, platform: 'win32', linuxBackend: null })).toMatch(/no encryption/);
  });

  it('shows staff (in the kiosk status) that the shell fell back to an unencrypted file', () => {
    const dir = tempDataDir();
    const core = new KioskCore({ dataDir: dir, demo: true, ...quiet, cityPullIntervalMs: 0, secrets: new FileSecretStore(dir, { cipher: null, fallback: true, ...quiet }) });
    expect(core.handlers.getStatus({})).toMatchObject({ ok: true, value: { secretStorage: 'plaintext-fallback' } });
    core.close();
  });
});
