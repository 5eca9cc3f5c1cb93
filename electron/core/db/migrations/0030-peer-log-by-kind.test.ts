import { describe, expect, it } from 'vitest';
import { PEER_REGISTER_SQL } from '../../ledger/peer-registers.js';
import { migrations } from './index.js';
import { migratedDatabase, queryPlan } from './testing/migration-kit.js';

describe('migration 0030 peer-log-by-kind', () => {
  it("reads one kind's records from an index the taps stay out of", () => {
    const db = migratedDatabase(migrations);
    // 0032's index on (kind, the register's id) serves a kind as well, and SQLite may take either: both leave the taps out.
    expect(queryPlan(db, PEER_REGISTER_SQL.ofKind, 'staff-pin')).toMatch(/SEARCH peer_log USING INDEX peer_log_by_(kind|register) \(kind=\?\)/);
    const hash = 'a'.repeat(64);
    const insert = db.prepare(`INSERT INTO peer_log (device_id, seq, kind, record_id, hlc, base, content_hash, prev_hash, hash, sig, body, received_ms)
                               VALUES ('door', ?, ?, ?, '1795403523120-0000', NULL, '${hash}', '${hash}', '${hash}', NULL, ?, 0)`);
    insert.run(1, 'attendance', 'e1', null);
    insert.run(2, 'staff-pin', 'p1', '{}');
    expect(db.prepare("SELECT count(*) FROM peer_log INDEXED BY peer_log_by_kind WHERE kind <> 'attendance'").pluck().get()).toBe(1);
    db.close();
  });
});
