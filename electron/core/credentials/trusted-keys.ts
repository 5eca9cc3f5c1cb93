// The trusted_keys table: which public key verifies a QR code that names a key id.
import type { Database, Statement } from 'better-sqlite3';
import type { KeyObject } from 'node:crypto';
import { publicKeyFromRaw } from './ed25519.js';

export type KeyOwner = 'city' | 'kiosk';

export interface TrustedKey {
  id: string;
  owner: KeyOwner;
  publicKey: KeyObject;
}

interface KeyRow {
  id: string;
  public_key: Buffer;
  owner: KeyOwner;
}

export class TrustedKeys {
  private readonly byId: Statement<[string], KeyRow>;
  private readonly insert: Statement<[string, Buffer, KeyOwner, string]>;

  constructor(db: Database) {
    this.byId = db.prepare('SELECT id, public_key, owner FROM trusted_keys WHERE id = ?');
    this.insert = db.prepare('INSERT INTO trusted_keys (id, public_key, owner, added_at) VALUES (?, ?, ?, ?)');
  }

  find(id: string): TrustedKey | undefined {
    const row = this.byId.get(id);
    return row && { id: row.id, owner: row.owner, publicKey: publicKeyFromRaw(row.public_key) };
  }

  /** Adds a key; adding the same key again is a no-op, but an id already naming another key is refused. */
  trust(id: string, publicKey: Uint8Array, owner: KeyOwner, now: Date): void {
    const existing = this.byId.get(id);
    if (existing) {
      if (Buffer.compare(existing.public_key, publicKey) !== 0 || existing.owner !== owner) {
        throw new Error(`key id ${id} already names a different ${existing.owner} key`);
      }
      return;
    }
    this.insert.run(id, Buffer.from(publicKey), owner, now.toISOString());
  }
}
