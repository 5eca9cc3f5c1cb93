import BetterSqlite3 from 'better-sqlite3';
import { chmodSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../db/migrate.js';
import { migrations } from '../db/migrations/index.js';
import { tempDataDir } from '../testing/fixtures.js';
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

describe('the kiosk signing key', () => {
  it('is made once, in a file only the kiosk user may read, and trusted as the kiosk\'s', () => {
    const dir = tempDataDir();
    const { db, keys } = store();
    const first = ensureKioskSigningKey(dir, keys, NOW);
    const path = join(dir, KIOSK_KEY_FILE);
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual([KIOSK_KEY_FILE]); // no temporary file left behind
    expect(first.keyId).toMatch(/^k[0-9a-f]{8}$/);
    expect(db.prepare('SELECT id, owner, added_at FROM trusted_keys').all()).toEqual([{ id: first.keyId, owner: 'kiosk', added_at: NOW.toISOString() }]);
    const again = ensureKioskSigningKey(dir, keys, new Date());
    expect(again.keyId).toBe(first.keyId);
    expect(db.prepare('SELECT count(*) AS n FROM trusted_keys').get()).toEqual({ n: 1 });
  });

  it('signs cards the verifier accepts', () => {
    const { keys } = store();
    const signer = ensureKioskSigningKey(tempDataDir(), keys, NOW);
    const text = printedCardQr({ kindergartenId: 'kg-1', companionId: 'cp1', credentialId: 'cq1', credentialVersion: 1 }, signer, NOW);
    const verdict = verifyQr(text, NOW, {
      kindergartenId: 'kg-1',
      findKey: (id) => keys.find(id),
      findCredential: (id) => ({ id, companion_id: 'cp1', version: 1, revoked_at: null }),
    });
    expect(verdict).toMatchObject({ ok: true, credentialId: 'cq1' });
  });

  it('tightens a loosened file mode, and after losing the file keeps the old key trusted beside a new one', () => {
    const dir = tempDataDir();
    const { db, keys } = store();
    const old = ensureKioskSigningKey(dir, keys, NOW);
    const path = join(dir, KIOSK_KEY_FILE);
    if (process.platform !== 'win32') {
      chmodSync(path, 0o644);
      ensureKioskSigningKey(dir, keys, NOW);
      expect(statSync(path).mode & 0o777).toBe(0o600);
    }
    rmSync(path);
    const fresh = ensureKioskSigningKey(dir, keys, NOW);
    expect(fresh.keyId).not.toBe(old.keyId);
    expect(existsSync(path)).toBe(true);
    expect((db.prepare('SELECT id FROM trusted_keys ORDER BY id').all() as { id: string }[]).map((r) => r.id).sort()).toEqual([old.keyId, fresh.keyId].sort());
  });
});
