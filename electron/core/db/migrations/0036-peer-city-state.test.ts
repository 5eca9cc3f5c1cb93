import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.js';
import { AWAITING_CITY_SQL } from '../../roster/card-awaiting-city.js';
import { ROSTER_AWAITING_CITY_FOREIGN_SQL } from '../../roster/roster-awaiting-city.js';
import { migrations } from './index.js';
import { peerCityState } from './0036-peer-city-state.js';
import { migratedDatabase, queryPlan } from './testing/migration-kit.js';

const BEFORE = migrations.filter((m) => m.version < peerCityState.version);
const id = (n: number): string => `0196f3a2-7c1e-7b3a-9d4e-${String(n).padStart(12, '0')}`;

/** This machine (office), a door's changes and taps, and city-acks already held from both. */
function held(): string {
  const row = (device: string, seq: number, kind: string, recordId: string, body: string | null) =>
    `INSERT INTO peer_log (device_id, seq, kind, record_id, hlc, base, content_hash, prev_hash, hash, sig, body, received_ms)
     VALUES ('${device}', ${seq}, '${kind}', '${recordId}', '1795403523000-000${seq}', NULL, '${'c'.repeat(64)}', '${'0'.repeat(64)}', '${'h'.repeat(64)}', NULL, ${body === null ? 'NULL' : `'${body}'`}, 1);`;
  const acks = (accepted: string[], rejected: { id: string; reason: string }[]) => JSON.stringify({ forDevice: 'door-1', accepted, duplicate: [], rejected, atMs: 1 });
  return [
    "INSERT INTO device (id, created_at) VALUES ('office-1', 't');",
    // The door joined bringing its seq 1 (its backfill): that change is never awaited.
    `INSERT INTO peer_members (device_id, name, role, sign_pub, dh_pub, qr_key_id, qr_pub, paired_at, member_record_id, brought_seq)
     VALUES ('door-1', 'Door 1', 'door', zeroblob(32), zeroblob(32), 'qr', zeroblob(32), 't', '${id(90)}', 1);`,
    row('door-1', 1, 'credential-change', id(1), '{}'),
    row('door-1', 2, 'credential-change', id(2), '{}'),
    row('door-1', 3, 'roster-change', id(3), '{}'),
    row('door-1', 4, 'roster-change', id(4), '{}'),
    row('door-1', 5, 'attendance', id(5), null),
    row('door-1', 6, 'city-acks', id(6), acks([id(1), id(5)], [{ id: id(3), reason: 'no such child' }])),
    // The office relayed the door for a while: its own city-acks for the door count as the door's.
    row('office-1', 1, 'credential-change', id(7), '{}'),
    row('office-1', 2, 'city-acks', id(8), acks([id(2)], [])),
  ].join('\n');
}

describe('migration 0036 peer-city-state', () => {
  it('holds the other machines’ changes already taken in: pending, or as the city-acks held answered them', () => {
    const db = migratedDatabase(BEFORE, held());
    expect(migrate(db, [...BEFORE, peerCityState]).applied).toEqual([peerCityState.version]);
    expect(db.prepare('SELECT record_id, origin, state, reason FROM peer_city_state ORDER BY record_id').all()).toEqual([
      { record_id: id(2), origin: 'door-1', state: 'sent', reason: null },
      { record_id: id(3), origin: 'door-1', state: 'rejected', reason: 'no such child' },
      { record_id: id(4), origin: 'door-1', state: 'pending', reason: null },
    ]);
    expect(() => db.exec(`INSERT INTO peer_city_state VALUES ('${id(9)}', 'door-1', 'acked', NULL)`)).toThrow(/CHECK/);
    expect(() => db.exec(`INSERT INTO peer_city_state VALUES ('${id(9)}', 'door-1', 'pending', 'why')`)).toThrow(/CHECK/);
  });

  it('answers the roster pull’s "awaiting the city" from the state index, never walking the change logs', () => {
    const db = migratedDatabase(migrations);
    for (const sql of [AWAITING_CITY_SQL.foreign, AWAITING_CITY_SQL.foreignRefused, ROSTER_AWAITING_CITY_FOREIGN_SQL]) {
      const plan = queryPlan(db, sql);
      expect(plan, sql).toMatch(/^SEARCH a USING (COVERING )?INDEX peer_city_state_by_state \(state=\?\)/);
      expect(plan, sql).toMatch(/SEARCH ch USING INDEX sqlite_autoindex_\w+_changes_1 \(id=\?\)/);
      expect(plan, sql).not.toMatch(/SCAN/);
    }
  });
});
