import { describe, expect, it } from 'vitest';
import { migrations } from './index.js';
import { migratedDatabase } from './testing/migration-kit.js';

describe('migration 0008: the chain verified-through point', () => {
  it('keeps one point per device and refuses a point that is not a seq and a full hash', () => {
    const db = migratedDatabase(migrations);
    const insert = db.prepare('INSERT INTO chain_verified (device_id, seq, hash, verified_ms) VALUES (?, ?, ?, ?)');
    insert.run('door-1', 10, 'a'.repeat(64), 1);
    expect(() => insert.run('door-1', 11, 'b'.repeat(64), 2)).toThrow(/UNIQUE/);
    expect(() => insert.run('door-2', -1, 'b'.repeat(64), 2)).toThrow(/CHECK/);
    expect(() => insert.run('door-2', 1, 'short', 2)).toThrow(/CHECK/);
    db.close();
  });
});
