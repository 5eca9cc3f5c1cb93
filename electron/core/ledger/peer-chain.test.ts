// The start-up walk over this device's peer log: whole, from its proven point, and each kind of damage found at its
// row (the append-only triggers dropped to make it, as the event chain's tests do).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localTimeOn } from '../../../shared/domain/local-time.js';
import { openDatabase } from '../db/open-database.js';
import { demoRoster } from '../demo/demo-roster.js';
import { RosterStore } from '../roster/roster-store.js';
import { tempDataDir } from '../testing/fixtures.js';
import { AttendanceLog } from './attendance-log.js';
import { checkPeerLogAtStart, PEER_START_WALK_LIMIT } from './chain-startup.js';
import { PeerLog } from './peer-log.js';
import { bindTestPeerLog, seededSigningKey } from './testing/peer-log-kit.js';

const DOOR = 'door-1';
const T0 = 1_795_403_523_120;
const uuid = (n: number) => `0196f3a2-7c1e-7b3a-9d4e-${String(n).padStart(12, '0')}`;

/** Six rows: taps (attendance, seq 1, 2, 5) and absences' bodies (seq 3, 4, 6). */
function logWithRows() {
  const db = openDatabase(join(tempDataDir(), 'esik.sqlite'));
  new RosterStore(db).seed(demoRoster());
  const peers = bindTestPeerLog(db, DOOR, () => T0);
  const log = new AttendanceLog(db, DOOR);
  const at = localTimeOn('2026-11-23', '08:12', 'Asia/Almaty');
  const tap = (childId: string) => log.append([{ childId, kind: 'arrival', method: 'rfid', companionId: null, credentialId: null, staffId: null }], at);
  const absence = (n: number) => db.transaction(() => peers.append('absence', uuid(n), { body: JSON.stringify({ type: 'absence', n }) }))();
  tap('ch0001');
  tap('ch0002');
  absence(3);
  absence(4);
  tap('ch0003');
  absence(6);
  const damage = (sql: string) => db.exec(`DROP TRIGGER IF EXISTS peer_log_no_update; DROP TRIGGER IF EXISTS peer_log_no_delete; ${sql}`);
  return { db, peers, damage, absence };
}

describe("the start-up walk over this device's peer log", () => {
  it('proves a whole log, then walks only what came after the proven point', () => {
    const { peers, absence } = logWithRows();
    const first = checkPeerLogAtStart(peers, null);
    expect(first.chain).toEqual({ intact: true, rows: 6, brokenAtSeq: null });
    expect(first.proven).toEqual(peers.newest());
    absence(7);
    const next = checkPeerLogAtStart(peers, first.proven);
    expect(next).toEqual({ chain: { intact: true, rows: 7, brokenAtSeq: null }, proven: peers.newest() });
    // An empty log is whole, with nothing to prove.
    const empty = new PeerLog(openDatabase(join(tempDataDir(), 'esik.sqlite')), DOOR, seededSigningKey(7), () => T0);
    expect(checkPeerLogAtStart(empty, null)).toEqual({ chain: { intact: true, rows: 0, brokenAtSeq: null }, proven: null });
  });

  it.each([
    ['a body edited', "UPDATE peer_log SET body = '{\"type\":\"absence\",\"n\":33}' WHERE seq = 3", 3],
    ['a content hash rewritten to match an edited body', "UPDATE peer_log SET body = '{}', content_hash = '" + '4'.repeat(64) + "' WHERE seq = 4", 4],
    ['an HLC moved', "UPDATE peer_log SET hlc = '1795403523999-0000' WHERE seq = 2", 2],
    ['a signature replaced', 'UPDATE peer_log SET sig = zeroblob(64) WHERE seq = 5', 5],
    // The row after the gap is where the walk stops; the rows before the gap are still whole.
    ['a row removed', 'DELETE FROM peer_log WHERE seq = 4', 5, 3],
    ['a link changed', "UPDATE peer_log SET prev_hash = '" + '2'.repeat(64) + "' WHERE seq = 2", 2],
    ['the newest row left unsigned', 'UPDATE peer_log SET sig = NULL WHERE seq = 6', 6],
  ])('finds %s at its row', (_name, sql, brokenAt, whole = brokenAt - 1) => {
    const { peers, damage } = logWithRows();
    damage(sql);
    expect(checkPeerLogAtStart(peers, null)).toEqual({ chain: { intact: false, rows: whole, brokenAtSeq: brokenAt }, proven: null });
  });

  it("finds an attendance row whose event's hash is no longer the one it names", () => {
    const { db, peers } = logWithRows();
    db.exec(`DROP TRIGGER attendance_events_no_update; UPDATE attendance_events SET hash = '${'9'.repeat(64)}' WHERE device_seq = 2`);
    expect(checkPeerLogAtStart(peers, null).chain).toEqual({ intact: false, rows: 1, brokenAtSeq: 2 });
  });

  it('takes a proven point on trust only while its row is still there, the same and whole', () => {
    const { peers, damage } = logWithRows();
    const proven = checkPeerLogAtStart(peers, null).proven;
    if (!proven) throw new Error('not proven');
    expect(checkPeerLogAtStart(peers, { seq: proven.seq, hash: '1'.repeat(64) }).chain).toEqual({ intact: false, rows: 5, brokenAtSeq: 6 });
    expect(checkPeerLogAtStart(peers, { seq: 9, hash: proven.hash }).chain).toEqual({ intact: false, rows: 8, brokenAtSeq: 9 });
    damage("UPDATE peer_log SET body = '{}' WHERE seq = 6");
    expect(checkPeerLogAtStart(peers, proven).chain).toEqual({ intact: false, rows: 5, brokenAtSeq: 6 });
  });

  it('checks only links and hashes of rows signed by a key this machine no longer has', () => {
    const { db } = logWithRows();
    const newKey = new PeerLog(db, DOOR, seededSigningKey(0x08), () => T0);
    expect(checkPeerLogAtStart(newKey, null).chain).toEqual({ intact: false, rows: 0, brokenAtSeq: 1 });
    const walked = checkPeerLogAtStart(newKey, null, { signatures: false });
    expect(walked).toEqual({ chain: { intact: true, rows: 6, brokenAtSeq: null }, proven: newKey.newest() });
    // From that point on, the rows the new key signs are checked in full.
    db.transaction(() => newKey.append('setting', uuid(50), { body: '{}' }))();
    expect(checkPeerLogAtStart(newKey, walked.proven).chain).toEqual({ intact: true, rows: 7, brokenAtSeq: null });
  });

  it('walks at most its limit of rows at a start, and then proves nothing', () => {
    const { db, peers } = logWithRows();
    db.transaction(() => {
      for (let n = 0; n < PEER_START_WALK_LIMIT; n++) peers.append('setting', uuid(100 + n), { body: `{"n":${n}}` });
    })();
    const check = checkPeerLogAtStart(peers, null);
    expect(check).toEqual({ chain: { intact: true, rows: 6 + PEER_START_WALK_LIMIT, brokenAtSeq: null }, proven: null });
  });
});
