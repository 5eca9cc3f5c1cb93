import BetterSqlite3 from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../db/migrate.js';
import { migrations } from '../db/migrations/index.js';
import { FileSecretStore, SECRETS_FOLDER, type SecretCipher } from '../files/secret-store.js';
import { tempDataDir } from '../testing/fixtures.js';
import { generateSigningKey } from './ed25519.js';
import { ensureKioskSigningKey, KIOSK_KEY_FILE } from './kiosk-key.js';
import { printedCardQr } from './qr-issuer.js';
import { verifyQr } from './qr-verifier.js';
import { TrustedKeys } from './trusted-keys.js';

const NOW = new Date('2026-11-23T03:10:00.000Z');

function store() {
  const db = new BetterSqlite3(':memory:');
  migrate(db, migrations);
  return { db, keys: new TrustedKeys(db) };
}

const quiet = { log: () => undefined };

function secretsIn(dir: string, cipher: SecretCipher | null = null): FileSecretStore {
  return new FileSecretStore(dir, { cipher, ...quiet });
}

/** Stands in for the OS keystore: reversible, and never the plain text. */
const keystore: SecretCipher = {
  encrypt: (plain) => Buffer.from(Buffer.from(plain, 'utf8').map((b) => b ^ 0x5a)),
  decrypt: (sealed) => Buffer.from(sealed.map((b) => b ^ 0x5a)).toString('utf8'),
};

describe('the kiosk signing key', () => {
  it("is made once, kept in the secret store (0600) and nowhere else, and trusted as the kiosk's", () => {
    const dir = tempDataDir();
    const { db, keys } = store();
    const secrets = secretsIn(dir);
    const first = ensureKioskSigningKey({ secrets, dataDir: dir, keys, now: NOW });
    expect(readdirSync(dir)).toEqual([SECRETS_FOLDER]);
    expect(readdirSync(join(dir, SECRETS_FOLDER))).toEqual(['qr-signing-key']); // no temporary file left behind
    if (process.platform !== 'win32') expect(statSync(join(dir, SECRETS_FOLDER, 'qr-signing-key')).mode & 0o777).toBe(0o600);
    expect(first.keyId).toMatch(/^k[0-9a-f]{8}$/);
    expect(db.prepare('SELECT id, owner, added_at FROM trusted_keys').all()).toEqual([{ id: first.keyId, owner: 'kiosk', added_at: NOW.toISOString() }]);
    const again = ensureKioskSigningKey({ secrets: secretsIn(dir), dataDir: dir, keys, now: new Date() });
    expect(again.keyId).toBe(first.keyId);
    expect(db.prepare('SELECT count(*) AS n FROM trusted_keys').get()).toEqual({ n: 1 });
  });

  it('signs cards the verifier accepts', () => {
    const { keys } = store();
    const dir = tempDataDir();
    const signer = ensureKioskSigningKey({ secrets: secretsIn(dir), dataDir: dir, keys, now: NOW });
    const text = printedCardQr({ kindergartenId: 'kg-1', companionId: 'cp1', credentialId: 'cq1', credentialVersion: 1 }, signer, NOW);
    const verdict = verifyQr(text, NOW, {
      kindergartenId: 'kg-1',
      findKey: (id) => keys.find(id),
      findCredential: (id) => ({ id, companion_id: 'cp1', version: 1, revoked_at: null }),
    });
    expect(verdict).toMatchObject({ ok: true, credentialId: 'cq1' });
  });

  it('after losing the secret keeps the old key trusted beside a new one', () => {
    const dir = tempDataDir();
    const { db, keys } = store();
    const secrets = secretsIn(dir);
    const old = ensureKioskSigningKey({ secrets, dataDir: dir, keys, now: NOW });
    secrets.delete('qr-signing-key');
    const fresh = ensureKioskSigningKey({ secrets, dataDir: dir, keys, now: NOW });
    expect(fresh.keyId).not.toBe(old.keyId);
    expect((db.prepare('SELECT id FROM trusted_keys ORDER BY id').all() as { id: string }[]).map((r) => r.id).sort()).toEqual([old.keyId, fresh.keyId].sort());
  });

  it('moves an older version\'s plain key file into the store, sealed, and keeps signing with that key', () => {
    const dir = tempDataDir();
    const { keys } = store();
    const oldKey = generateSigningKey();
    const plainPath = join(dir, KIOSK_KEY_FILE);
    writeFileSync(plainPath, oldKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o644 });
    const lines: string[] = [];
    const secrets = new FileSecretStore(dir, { cipher: keystore, log: () => undefined });
    const signer = ensureKioskSigningKey({ secrets, dataDir: dir, keys, now: NOW, log: (line) => lines.push(line) });
    expect(signer.privateKey.export({ format: 'pem', type: 'pkcs8' })).toEqual(oldKey.export({ format: 'pem', type: 'pkcs8' }));
    expect(existsSync(plainPath)).toBe(false);
    expect(lines.join('\n')).toMatch(/moved into the secret store/);
    // Sealed by the keystore: the PEM is not in the stored file, and the folder holds nothing else.
    expect(readdirSync(join(dir, SECRETS_FOLDER))).toEqual(['qr-signing-key']);
    const sealed = readFileSync(join(dir, SECRETS_FOLDER, 'qr-signing-key'), 'utf8');
    expect(sealed.startsWith('esik-secret-v1 os-sealed\n')).toBe(true);
    expect(sealed).not.toContain('PRIVATE KEY');
  });

  it('keeps a damaged plain key file where it is, and never replaces a stored key it cannot read', () => {
    const dir = tempDataDir();
    const { keys } = store();
    writeFileSync(join(dir, KIOSK_KEY_FILE), 'not a key');
    expect(() => ensureKioskSigningKey({ secrets: secretsIn(dir), dataDir: dir, keys, now: NOW })).toThrow(/cannot read/);
    expect(existsSync(join(dir, KIOSK_KEY_FILE))).toBe(true);

    const sealedDir = tempDataDir();
    ensureKioskSigningKey({ secrets: secretsIn(sealedDir, keystore), dataDir: sealedDir, keys, now: NOW });
    // The keystore is gone (another user, a copied folder): the sealed key is kept, not replaced.
    expect(() => ensureKioskSigningKey({ secrets: secretsIn(sealedDir), dataDir: sealedDir, keys, now: NOW })).toThrow(/cannot be read here/);
    expect(secretsIn(sealedDir, keystore).get('qr-signing-key')).toContain('PRIVATE KEY');
  });
});
