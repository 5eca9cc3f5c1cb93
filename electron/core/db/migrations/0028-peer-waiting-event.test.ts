import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.js';
import { migrations } from './index.js';
import { peerWaitingEvent } from './0028-peer-waiting-event.js';
import { migratedDatabase } from './testing/migration-kit.js';

const HASH = 'a'.repeat(64);
const WAITING = `
  INSERT INTO peer_log (device_id, seq, kind, record_id, hlc, base, content_hash, prev_hash, hash, sig, body, received_ms)
  VALUES ('door', 1, 'attendance', 'e1', '1795403523120-0000', NULL, '${HASH}', '${HASH}', '${HASH}', NULL, NULL, 0);
  INSERT INTO peer_waiting (record_id, waits_for, since_ms) VALUES ('e1', 'child:c1', 0);`;

describe('migration 0028 peer-waiting-event', () => {
  it('keeps the records already waiting, and a waiting attendance record its event as JSON', () => {
    const db = migratedDatabase(
      migrations.filter((m) => m.version < peerWaitingEvent.version),
      WAITING,
    );
    expect(migrate(db, migrations.filter((m) => m.version <= peerWaitingEvent.version)).applied).toEqual([peerWaitingEvent.version]);
    expect(db.prepare('SELECT record_id, waits_for, event FROM peer_waiting').all()).toEqual([{ record_id: 'e1', waits_for: 'child:c1', event: null }]);
    db.prepare("UPDATE peer_waiting SET event = ? WHERE record_id = 'e1'").run('{"id":"e1"}');
    expect(() => db.prepare("UPDATE peer_waiting SET event = 'not json' WHERE record_id = 'e1'").run()).toThrow(/CHECK/);
    db.close();
  });
});
