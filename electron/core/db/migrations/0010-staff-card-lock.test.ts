import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.js';
import { migrations } from './index.js';
import { staffCardLock } from './0010-staff-card-lock.js';

/** Every migration before this one, as registered. */
const BEFORE = migrations.filter((m) => m.version < staffCardLock.version);
const ALL = [...BEFORE, staffCardLock];

describe('migration 0010 staff card lock', () => {
  it("keeps a PIN and its lock on the name's channel, and starts the card's channel clear", () => {
    const db = new BetterSqlite3(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, BEFORE);
    db.exec(`INSERT INTO staff (id, first_name, last_name, role) VALUES ('s1', 'Жанна', 'Сейітова', 'admin')`);
    db.prepare(`INSERT INTO staff_pins (staff_id, hash, salt, params, set_at, failed_count, lock_count, locked_until_ms) VALUES ('s1', ?, ?, 'p', 't', 2, 3, 99)`).run(
      Buffer.alloc(32),
      Buffer.alloc(16),
    );
    expect(migrate(db, ALL).applied).toEqual([10]);
    expect(db.prepare('SELECT failed_count, lock_count, locked_until_ms, card_failed_count, card_lock_count, card_locked_until_ms FROM staff_pins').get()).toEqual({
      failed_count: 2,
      lock_count: 3,
      locked_until_ms: 99,
      card_failed_count: 0,
      card_lock_count: 0,
      card_locked_until_ms: null,
    });
    expect(() => db.prepare('UPDATE staff_pins SET card_failed_count = -1').run()).toThrow(/CHECK/);
  });
});
