import { describe, expect, it } from 'vitest';
import { PEER_REGISTER_SQL } from '../../ledger/peer-registers.js';
import { migrations } from './index.js';
import { migratedDatabase, queryPlan } from './testing/migration-kit.js';

describe('migration 0032 peer-log-by-register', () => {
  it("reads one register's records by its id from an index the taps stay out of, and a body that is not JSON still goes in", () => {
    const db = migratedDatabase(migrations);
    expect(queryPlan(db, PEER_REGISTER_SQL.ofRegister, 'roster-change', 'ch0001')).toMatch(/SEARCH peer_log USING INDEX peer_log_by_register \(kind=\? AND <expr>=\?\)/);
    const hash = 'a'.repeat(64);
    const insert = db.prepare(`INSERT INTO peer_log (device_id, seq, kind, record_id, hlc, base, content_hash, prev_hash, hash, sig, body, received_ms)
                               VALUES ('door', ?, ?, ?, '1795403523120-0000', NULL, '${hash}', '${hash}', '${hash}', NULL, ?, 0)`);
    insert.run(1, 'attendance', 'e1', null);
    insert.run(2, 'roster-change', 'r1', JSON.stringify({ type: 'roster-change', staffId: 's1', change: { kind: 'link-removed', companionId: 'co1', childId: 'ch1' } }));
    insert.run(3, 'roster-change', 'r2', JSON.stringify({ type: 'roster-change', staffId: 's1', change: { kind: 'child-left', childId: 'ch1' } }));
    insert.run(4, 'transfer', 't1', JSON.stringify({ date: '2026-12-31', staffId: 's1' }));
    insert.run(5, 'staff-pin', 'p1', JSON.stringify({ staffId: 's1' }));
    insert.run(6, 'setting', 'x1', 'not json');
    const ids = (kind: string, id: string): unknown[] => db.prepare(PEER_REGISTER_SQL.ofRegister).all(kind, id).map((r) => (r as { record_id: string }).record_id);
    expect(ids('roster-change', 'co1')).toEqual(['r1']);
    expect(ids('roster-change', 'ch1')).toEqual(['r2']);
    expect(ids('transfer', '2026-12-31')).toEqual(['t1']);
    expect(ids('staff-pin', 's1')).toEqual(['p1']);
    db.close();
  });
});
