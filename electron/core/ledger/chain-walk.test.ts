// The whole-chain walk reads each event's canonical text from SQLite (CANONICAL_EVENT_SQL) instead of its fields: it must
// agree with eventHash's JSON.stringify on every text a field may hold, and still find every kind of break.
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../db/migrate.js';
import { migrations } from '../db/migrations/index.js';
import { walkOwnChain } from './chain-audit.js';
import { eventHash, GENESIS_HASH, verifyChain, type ChainedFields } from './event-chain.js';

const DEVICE = 'dev-1';
/** Texts JSON escapes (quotes, backslashes, every control character), Kazakh letters, an emoji, a line separator. */
const ODD_TEXTS = ['"quoted"', 'back\\slash', ...Array.from({ length: 32 }, (_, c) => `c${String.fromCharCode(c)}c`), 'Әлихан Ұлы қғңөүһі', '😀\u2028\u2029\u007f'];

function chainOf(texts: readonly string[]): BetterSqlite3.Database {
  const db = new BetterSqlite3(':memory:');
  migrate(db, migrations);
  // The texts stand in for ids the roster would hold: only the chain is looked at here.
  db.pragma('foreign_keys = OFF');
  const insert = db.prepare(
    `INSERT INTO attendance_events (id, device_id, device_seq, child_id, kind, method, companion_id, credential_id, staff_id, occurred_at, occurred_ms, local_date, prev_hash, hash)
     VALUES (@id, @device_id, @device_seq, @child_id, @kind, @method, @companion_id, @credential_id, @staff_id, @occurred_at, @occurred_ms, @local_date, @prev_hash, @hash)`,
  );
  let prev = GENESIS_HASH;
  texts.forEach((text, i) => {
    const fields: ChainedFields = {
      id: `e-${i}-${text}`,
      device_id: DEVICE,
      device_seq: i + 1,
      child_id: text,
      kind: i % 2 === 0 ? 'arrival' : 'departure',
      method: 'override',
      companion_id: i % 3 === 0 ? null : text,
      credential_id: null,
      staff_id: text,
      occurred_at: `2026-12-03T08:00:00.000+05:00 ${text}`,
      occurred_ms: 1_796_000_000_000 + i * 2 ** 40,
      local_date: text,
      prev_hash: prev,
    };
    prev = eventHash(fields);
    insert.run({ ...fields, hash: prev });
  });
  return db;
}

function byFields(db: BetterSqlite3.Database) {
  return verifyChain(db.prepare<[], ChainedFields & { hash: string }>('SELECT * FROM attendance_events ORDER BY device_seq').all());
}

describe('the walk over the whole chain', () => {
  it('proves a chain whose fields hold every text JSON escapes, as the field-by-field walk does', () => {
    const db = chainOf(ODD_TEXTS);
    expect(byFields(db)).toEqual({ intact: true, events: ODD_TEXTS.length, brokenAtSeq: null });
    const walk = walkOwnChain(db, DEVICE);
    expect(walk.chain).toEqual({ intact: true, events: ODD_TEXTS.length, brokenAtSeq: null });
    expect(walk.through).toEqual({ seq: ODD_TEXTS.length, hash: db.prepare('SELECT hash FROM attendance_events ORDER BY device_seq DESC LIMIT 1').pluck().get() });
  });

  it.each([
    ['a field edited', "UPDATE attendance_events SET local_date = 'x' WHERE device_seq = 9"],
    ['a hash rewritten to match an edit', "UPDATE attendance_events SET occurred_ms = occurred_ms + 1, hash = '" + '1'.repeat(64) + "' WHERE device_seq = 9"],
    ['an event removed', 'DELETE FROM attendance_events WHERE device_seq = 9'],
    ['a link changed', "UPDATE attendance_events SET prev_hash = '" + '2'.repeat(64) + "' WHERE device_seq = 9"],
  ])('finds %s, where the field-by-field walk does, and proves nothing past it', (_name, sql) => {
    const db = chainOf(ODD_TEXTS);
    db.exec(`DROP TRIGGER attendance_events_no_update; DROP TRIGGER attendance_events_no_delete; ${sql}`);
    const expected = byFields(db);
    expect(expected).toMatchObject({ intact: false, events: 8 });
    expect(walkOwnChain(db, DEVICE)).toEqual({ chain: expected, through: null });
  });

  it('proves nothing of a device with no events', () => {
    expect(walkOwnChain(chainOf([]), DEVICE)).toEqual({ chain: { intact: true, events: 0, brokenAtSeq: null }, through: null });
  });
});
