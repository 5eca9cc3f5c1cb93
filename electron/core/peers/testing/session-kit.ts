// Machines for the session's tests: a real SQLite file each with its peer log, a member table both sides answer from,
// and a small importer over the real verifier that writes accepted rows into peer_log (a stand-in until
// peers/record-import.ts is wired: it writes no domain rows, which is all the session's tests read).
import type { Database } from 'better-sqlite3';
import { createPublicKey } from 'node:crypto';
import { join } from 'node:path';
import type { PeerRecord, SignedHead } from '../../../../shared/peers/peer-record.js';
import type { AbsenceRecord } from '../../../../shared/sync/protocol.js';
import { openDatabase } from '../../db/open-database.js';
import { PEER_LOG_SQL, PeerLog, type PeerLogRow } from '../../ledger/peer-log.js';
import { seededSigningKey } from '../../ledger/testing/peer-log-kit.js';
import { tempDataDir } from '../../testing/fixtures.js';
import type { MemberLookup, OwnIdentity } from '../channel/handshake.js';
import { GROUP } from '../channel/testing/peers-kit.js';
import type { SessionImport } from '../peer-session.js';
import { verifyPage, type MemberLookup as RecordMemberLookup } from '../record-verify.js';

export const T0 = 1_795_403_523_000;

export interface SessionMachine {
  own: OwnIdentity;
  db: Database;
  log: PeerLog;
}

export function sessionMachine(deviceId: string, seed: number, dir = tempDataDir()): SessionMachine {
  const db = openDatabase(join(dir, 'esik.sqlite'));
  let tick = 0;
  const log = new PeerLog(db, deviceId, seededSigningKey(seed), () => T0 + tick++);
  return { own: { deviceId, groupId: GROUP, signKey: seededSigningKey(seed), addrs: ['127.0.0.1:1'] }, db, log };
}

/** One own absence, appended in its transaction as a writer would; its record id. */
export function addAbsence(m: SessionMachine, id: string): PeerLogRow {
  const body: AbsenceRecord = {
    type: 'absence', id, deviceId: m.own.deviceId, childId: 'child-1', firstDate: '2026-11-20', lastDate: '2026-11-20', reason: 'sick',
    certificateNumber: null, certificateDate: null, note: null, staffId: 'staff-1', recordedAt: '2026-11-20T09:00:00+05:00', recordedMs: 1_795_406_400_000,
  };
  return m.db.transaction(() => m.log.append('absence', id, { body: JSON.stringify(body) }))();
}

export function handshakeMembers(machines: SessionMachine[]): MemberLookup {
  const table = new Map(machines.map((m) => [m.own.deviceId, { signPub: createPublicKey(m.own.signKey), revoked: false }]));
  return (deviceId) => table.get(deviceId) ?? null;
}

/** The verifier's and the writer's view of the same members. */
export function testImporter(m: SessionMachine, machines: SessionMachine[]): (records: PeerRecord[], heads: SignedHead[]) => SessionImport {
  const lookup = handshakeMembers(machines);
  const member: RecordMemberLookup = (deviceId) => {
    const key = lookup(deviceId);
    return key === null ? null : { ...key, acceptUpToSeq: null };
  };
  const insert = m.db.prepare<[PeerLogRow]>(PEER_LOG_SQL.insert);
  return (records, heads) => {
    const verdict = verifyPage({ records, heads, have: m.log.haveVector(), ownDeviceId: m.own.deviceId, member, heldHashAt: (d, s) => m.log.rowAt(d, s)?.hash ?? null });
    if (!verdict.ok) return verdict;
    m.db.transaction(() => {
      for (const r of verdict.accepted) {
        const head = heads.find((h) => h.deviceId === r.deviceId && h.seq === r.seq);
        insert.run({
          device_id: r.deviceId, seq: r.seq, kind: r.kind, record_id: r.id, hlc: r.hlc, base: r.base, content_hash: r.contentHash, prev_hash: r.prevHash, hash: r.hash,
          sig: head === undefined ? null : Buffer.from(head.sig, 'base64url'), body: r.body, received_ms: T0,
        });
      }
    })();
    return { ok: true, gaps: verdict.gaps };
  };
}
