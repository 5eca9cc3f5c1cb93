import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.js';
import { migrations } from './index.js';
import { MEMBER_RECORDS_SQL } from '../../ledger/member-apply.js';
import { peerGroup } from './0029-peer-group.js';
import { migratedDatabase, queryPlan } from './testing/migration-kit.js';

const ROW = `INSERT INTO peer_group (id, group_id, kindergarten_id, kindergarten_name, city_url, city_kindergarten_id, sponsor_device_id, made_ms)
  VALUES (1, '0193a1f0-5c2e-7d41-8b6a-3f9e2d1c0a00', 'kg-1', 'Балапан', NULL, NULL, NULL, 1)`;

describe('migration 0029 peer-group', () => {
  it('holds one group, fixed once made, and typed member addresses', () => {
    const db = migratedDatabase(migrations.filter((m) => m.version < peerGroup.version));
    expect(migrate(db, migrations.filter((m) => m.version <= peerGroup.version)).applied).toEqual([peerGroup.version]);
    db.exec(ROW);
    expect(() => db.exec(ROW.replace('(1,', '(2,'))).toThrow(/CHECK/);
    expect(() => db.exec(ROW)).toThrow(/UNIQUE/);
    expect(() => db.exec("UPDATE peer_group SET kindergarten_name = 'x'")).toThrow(/fixed once made/);
    expect(() => db.exec('DELETE FROM peer_group')).toThrow(/fixed once made/);
    expect(() => db.exec("UPDATE peer_group SET city_url = 'https://city.example'")).toThrow(/fixed once made/);
    db.exec("INSERT INTO peer_addresses (device_id, address, staff_id, set_ms) VALUES ('d2', '192.168.1.23:47620', 's1', 5)");
    expect(() => db.exec("INSERT INTO peer_addresses (device_id, address, staff_id, set_ms) VALUES ('d3', 'x', 's1', 5)")).toThrow(/CHECK/);
    db.close();
  });

  it("finds a device's member records by the index, not by a scan of the log", () => {
    const db = migratedDatabase(migrations);
    const plan = queryPlan(db, MEMBER_RECORDS_SQL, 'd2');
    expect(plan).toContain('peer_log_members');
    expect(plan).not.toMatch(/SCAN peer_log/);
    db.close();
  });

  it('refuses a city URL without its kindergarten id', () => {
    const db = migratedDatabase(migrations);
    expect(() => db.exec(ROW.replace('NULL, NULL, NULL, 1)', "'https://city.example', NULL, NULL, 1)"))).toThrow(/CHECK/);
    db.close();
  });
});
