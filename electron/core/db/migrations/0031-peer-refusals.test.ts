import { describe, expect, it } from 'vitest';
import { migrations } from './index.js';
import { migratedDatabase, queryPlan } from './testing/migration-kit.js';

describe('migration 0031 peer-refusals', () => {
  it('keeps refusals counted up only, one row per window, reason and key, and forks once per origin and seq', () => {
    const db = migratedDatabase(migrations);
    const insert = db.prepare(
      `INSERT INTO peer_refusals (window_ms, reason, remote_key, side, remote, first_ms, last_ms, count, detail) VALUES (0, ?, ?, 'accepted', '10.0.0.5:1', 1, 1, 1, '')`,
    );
    insert.run('PEER_UNKNOWN', 'dev-x');
    expect(() => insert.run('PEER_UNKNOWN', 'dev-x')).toThrow(/UNIQUE/);
    expect(() => insert.run('PEER_UNKNOWN', 'x'.repeat(101))).toThrow(/CHECK/);
    db.prepare("UPDATE peer_refusals SET count = 5, last_ms = 9, remote = '10.0.0.5:2', detail = 'again'").run();
    expect(() => db.prepare('UPDATE peer_refusals SET count = 4').run()).toThrow(/counted up only/);
    expect(() => db.prepare("UPDATE peer_refusals SET reason = 'PEER_REVOKED'").run()).toThrow(/counted up only/);
    expect(() => db.prepare('DELETE FROM peer_refusals').run()).toThrow(/append-only/);
    expect(queryPlan(db, 'SELECT * FROM peer_refusals WHERE last_ms > ?', 0)).toMatch(/peer_refusals_by_time/);

    const fork = db.prepare("INSERT OR IGNORE INTO peer_forks (device_id, seq, from_device, seen_ms, why) VALUES ('door', 3, 'office', ?, 'another hash')");
    fork.run(1);
    fork.run(2);
    expect(db.prepare('SELECT count(*) FROM peer_forks').pluck().get()).toBe(1);
    expect(() => db.prepare('UPDATE peer_forks SET seen_ms = 5').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM peer_forks').run()).toThrow(/append-only/);
    db.close();
  });
});
