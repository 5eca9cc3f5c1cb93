import { createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FileSecretStore, type SecretCipher } from '../files/secret-store.js';
import { tempDataDir } from '../testing/fixtures.js';
import { deviceKey } from './device-key.js';
import { rawPublicKey } from './ed25519.js';

const quiet = { log: () => undefined };
const keystore: SecretCipher = {
  encrypt: (plain) => Buffer.from(Buffer.from(plain, 'utf8').map((b) => b ^ 0x5a)),
  decrypt: (sealed) => Buffer.from(sealed.map((b) => b ^ 0x5a)).toString('utf8'),
};
const pub = (key: Parameters<typeof rawPublicKey>[0]) => Buffer.from(rawPublicKey(key)).toString('hex');

describe('the device key', () => {
  it('is made once and then read back the same, by a new store over the same folder too', () => {
    const dir = tempDataDir();
    const first = deviceKey(new FileSecretStore(dir, { cipher: null, ...quiet }));
    expect(createPublicKey(first).asymmetricKeyType).toBe('ed25519');
    expect(pub(deviceKey(new FileSecretStore(dir, { cipher: null, ...quiet })))).toBe(pub(first));
  });

  it('replaces a stored text that is no key, but never a sealed key this session cannot open', () => {
    const dir = tempDataDir();
    const plain = new FileSecretStore(dir, { cipher: null, ...quiet });
    plain.set('device-key', 'not a pem');
    const made = deviceKey(plain);
    expect(pub(deviceKey(plain))).toBe(pub(made));

    const sealedDir = tempDataDir();
    const sealed = deviceKey(new FileSecretStore(sealedDir, { cipher: keystore, ...quiet }));
    const blind = new FileSecretStore(sealedDir, { cipher: null, ...quiet });
    expect(blind.has('device-key')).toBe(true);
    expect(() => deviceKey(blind)).toThrow(/cannot be read here/);
    // Nothing was overwritten: the keystore still opens the same key.
    expect(pub(deviceKey(new FileSecretStore(sealedDir, { cipher: keystore, ...quiet })))).toBe(pub(sealed));
  });
});
