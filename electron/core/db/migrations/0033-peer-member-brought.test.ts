import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.js';
import { migrations } from './index.js';
import { migratedDatabase } from './testing/migration-kit.js';

const HASH = 'a'.repeat(64);
const memberBody = (deviceId: string, broughtSeq?: number) =>
  JSON.stringify({ deviceId, name: deviceId, role: 'door', signPub: 'x', dhPub: 'x', qrKeyId: 'k', qrPub: 'x', addrs: [], pairedBy: null, pairedAt: 't', ...(broughtSeq === undefined ? {} : { broughtSeq }) });

describe('migration 0033 peer-member-brought', () => {
  it("gives each member held the seq its first member record says it brought (a founder none), and checks the column", () => {
    const before = migrations.filter((m) => m.version < 33);
    const db = migratedDatabase(before);
    const log = db.prepare(`INSERT INTO peer_log (device_id, seq, kind, record_id, hlc, base, content_hash, prev_hash, hash, sig, body, received_ms)
                            VALUES ('door-1', ?, 'member', ?, ?, NULL, '${HASH}', '${HASH}', '${HASH}', NULL, ?, 0)`);
    log.run(1, 'r1', '1795403523120-0000', memberBody('door-1'));
    log.run(2, 'r2', '1795403524000-0000', memberBody('door-2', 412));
    // A later member record (a new name) carries none: the first one's stands.
    log.run(3, 'r3', '1795403525000-0000', memberBody('door-2'));
    const member = db.prepare(`INSERT INTO peer_members (device_id, name, role, sign_pub, dh_pub, qr_key_id, qr_pub, paired_at, member_record_id)
                               VALUES (?, ?, 'door', randomblob(32), randomblob(32), 'k', randomblob(32), 't', ?)`);
    member.run('door-1', 'Door 1', 'r1');
    member.run('door-2', 'Door 2', 'r3');
    migrate(db, migrations);
    expect(db.prepare('SELECT device_id, brought_seq FROM peer_members ORDER BY device_id').all()).toEqual([
      { device_id: 'door-1', brought_seq: null },
      { device_id: 'door-2', brought_seq: 412 },
    ]);
    expect(() => db.prepare("UPDATE peer_members SET brought_seq = -1 WHERE device_id = 'door-1'").run()).toThrow(/CHECK/);
    db.close();
  });
});
