// Machines for the session's tests: a real SQLite file each with its peer log, a member table both sides answer from,
// and the real importer (peers/record-import.ts) over each database.
import type { Database } from 'better-sqlite3';
import { createPublicKey } from 'node:crypto';
import { join } from 'node:path';
import type { PeerRecord, SignedHead } from '../../../../shared/peers/peer-record.js';
import type { AbsenceRecord } from '../../../../shared/sync/protocol.js';
import { openDatabase } from '../../db/open-database.js';
import { ledgerAppliers } from '../../ledger/peer-apply.js';
import { PeerLog, type PeerLogRow } from '../../ledger/peer-log.js';
import { seededSigningKey } from '../../ledger/testing/peer-log-kit.js';
import { tempDataDir } from '../../testing/fixtures.js';
import type { MemberLookup, OwnIdentity } from '../channel/handshake.js';
import { GROUP } from '../channel/testing/peers-kit.js';
import type { SessionImport } from '../peer-session.js';
import { importPage } from '../record-import.js';
import type { MemberLookup as RecordMemberLookup } from '../record-verify.js';

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

/** peers/record-import.ts over this machine's database, the members answered from the test's table. */
export function testImporter(m: SessionMachine, machines: SessionMachine[]): (records: PeerRecord[], heads: SignedHead[]) => SessionImport {
  const lookup = handshakeMembers(machines);
  const member: RecordMemberLookup = (deviceId) => {
    const key = lookup(deviceId);
    return key === null ? null : { ...key, acceptUpToSeq: null };
  };
  return (records, heads) => importPage(m.db, { records, heads }, { ownDeviceId: m.own.deviceId, appliers: ledgerAppliers, nowMs: () => T0, member });
}
