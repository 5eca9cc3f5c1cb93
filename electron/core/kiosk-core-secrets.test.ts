// An older version's data folder (the QR signing key and the PIN pepper as plain files beside the database) opened by
// this one: both are read, sealed into the SecretStore and the plain files removed, and the door still accepts the
// cards signed with that key and the PINs hashed with that pepper.
import BetterSqlite3 from 'better-sqlite3';
import { createPrivateKey } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../shared/api/result.js';
import { rawPublicKey } from './credentials/ed25519.js';
import { KIOSK_KEY_FILE, kioskKeyId } from './credentials/kiosk-key.js';
import { printedCardQr } from './credentials/qr-issuer.js';
import { KioskCore } from './kiosk-core.js';
import { PIN_PEPPER_FILE } from './staff/pin-pepper.js';
import { FileSecretStore, SECRETS_FOLDER, type SecretCipher } from './files/secret-store.js';
import { manualClock, tempDataDir } from './testing/fixtures.js';

const quiet = { log: () => undefined };

/** Stands in for the OS keystore (Electron's safeStorage): reversible, never the plain text. */
const keystore: SecretCipher = {
  encrypt: (plain) => Buffer.from(Buffer.from(plain, 'utf8').map((b) => b ^ 0xa5)),
  decrypt: (sealed) => Buffer.from(sealed.map((b) => b ^ 0xa5)).toString('utf8'),
};

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.detail ?? ''}`);
  return result.value;
}

/** A demo kiosk's folder as a version before the SecretStore left it: the key as a PEM file, the pepper as 32 bytes. */
function olderVersionFolder(): { dir: string; pem: string; pepper: Buffer } {
  const dir = tempDataDir();
  const clock = manualClock('2026-11-23T03:10:00.000Z');
  const plain = new FileSecretStore(dir, { cipher: null, ...quiet });
  new KioskCore({ dataDir: dir, demo: true, clock, ...quiet, cityPullIntervalMs: 0, secrets: plain }).close();
  const pem = plain.get('qr-signing-key');
  const pepper = plain.get('pin-pepper');
  if (pem === null || pepper === null) throw new Error('the first start made no key or pepper');
  rmSync(join(dir, SECRETS_FOLDER), { recursive: true });
  writeFileSync(join(dir, KIOSK_KEY_FILE), pem, { mode: 0o600 });
  writeFileSync(join(dir, PIN_PEPPER_FILE), Buffer.from(pepper, 'base64'), { mode: 0o600 });
  return { dir, pem, pepper: Buffer.from(pepper, 'base64') };
}

describe('secrets an older version kept as plain files', () => {
  it('are sealed into the secret store at start, the plain files removed, and the old key and pepper still work', async () => {
    const { dir, pem, pepper } = olderVersionFolder();
    // A card printed by the older version, signed with its key, for a demo QR credential.
    const db = new BetterSqlite3(join(dir, 'esik.sqlite'), { readonly: true });
    const credential = db
      .prepare<[], { value: string; companion_id: string; version: number }>("SELECT value, companion_id, version FROM credentials WHERE kind = 'qr' AND revoked_at IS NULL ORDER BY id LIMIT 1")
      .get();
    db.close();
    if (!credential) throw new Error('the demo roster has no QR credential');
    const privateKey = createPrivateKey(pem);
    const clock = manualClock('2026-11-23T03:20:00.000Z');
    const card = printedCardQr(
      { kindergartenId: 'kg-demo', companionId: credential.companion_id, credentialId: credential.value, credentialVersion: credential.version },
      { keyId: kioskKeyId(rawPublicKey(privateKey)), privateKey },
      clock.now(),
    );

    const lines: string[] = [];
    const secrets = new FileSecretStore(dir, { cipher: keystore, ...quiet });
    const core = new KioskCore({ dataDir: dir, demo: true, clock, log: (line) => lines.push(line), cityPullIntervalMs: 0, secrets });
    try {
      expect(existsSync(join(dir, KIOSK_KEY_FILE))).toBe(false);
      expect(existsSync(join(dir, PIN_PEPPER_FILE))).toBe(false);
      // The device key is made at the first start too (docs/peers.md §3), sealed like the rest.
      expect(readdirSync(join(dir, SECRETS_FOLDER)).sort()).toEqual(['device-key', 'pin-pepper', 'qr-signing-key']);
      for (const name of ['device-key', 'pin-pepper', 'qr-signing-key']) {
        const stored = readFileSync(join(dir, SECRETS_FOLDER, name), 'utf8');
        expect(stored.startsWith('esik-secret-v1 os-sealed\n'), name).toBe(true);
      }
      expect(readFileSync(join(dir, SECRETS_FOLDER, 'qr-signing-key'), 'utf8')).not.toContain('PRIVATE KEY');
      expect(readFileSync(join(dir, SECRETS_FOLDER, 'pin-pepper'), 'utf8')).not.toContain(pepper.toString('base64'));
      expect(lines.filter((line) => line.includes('moved into the secret store'))).toHaveLength(2);

      // The card signed by the old key opens the door.
      const outcome = value(core.handlers.identifyQr({ text: card, source: 'camera' }));
      expect(['recorded', 'choose']).toContain(outcome.kind);
      // The demo admin's PIN, hashed with the old pepper by the older version, still signs in.
      const signedIn = value(await core.handlers.staffSignIn({ who: { kind: 'staff', staffId: 'staff-admin' }, pin: '2468' }));
      expect(signedIn.outcome).toBe('signed-in');
    } finally {
      core.close();
    }
    // The same store opens them again; nothing new was made in their place.
    expect(new FileSecretStore(dir, { cipher: keystore, ...quiet }).get('qr-signing-key')).toBe(pem);
    expect(new FileSecretStore(dir, { cipher: keystore, ...quiet }).get('pin-pepper')).toBe(pepper.toString('base64'));
  });
});
