import { describe, expect, it } from 'vitest';
import { migrations } from './index.js';
import { migratedDatabase } from './testing/migration-kit.js';

describe('migration 0034 peer-archived', () => {
  it('keeps one head per origin that only moves forward and is never deleted', () => {
    const db = migratedDatabase(migrations);
    const sig = Buffer.alloc(64, 1);
    db.prepare("INSERT INTO peer_archived (device_id, through_seq, hash, sig, recorded_ms) VALUES ('door', 5, ?, ?, 0)").run('a'.repeat(64), sig);
    expect(() => db.prepare("INSERT INTO peer_archived (device_id, through_seq, hash, sig, recorded_ms) VALUES ('door', 9, ?, ?, 0)").run('b'.repeat(64), sig)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => db.prepare("INSERT INTO peer_archived (device_id, through_seq, hash, sig, recorded_ms) VALUES ('other', 1, ?, ?, 0)").run('b'.repeat(64), Buffer.alloc(63))).toThrow(/CHECK/);
    expect(() => db.exec("UPDATE peer_archived SET through_seq = 4")).toThrow(/only moves forward/);
    expect(() => db.exec("UPDATE peer_archived SET through_seq = 5")).toThrow(/only moves forward/);
    expect(db.prepare("UPDATE peer_archived SET through_seq = 9, hash = ? WHERE device_id = 'door'").run('b'.repeat(64)).changes).toBe(1);
    expect(() => db.exec('DELETE FROM peer_archived')).toThrow(/keeps its heads/);
    expect(db.prepare('SELECT through_seq FROM peer_archived').pluck().all()).toEqual([9]);
    db.close();
  });
});
