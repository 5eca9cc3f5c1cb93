// Machines for the relay tests: real SQLite files with the demo roster, each with its device row and a peer log under a
// fixed key, the others pinned in peer_members as pairing leaves them; pages served as a peer serves them; the
// importer with the appliers the top joins (attendance, city-acks) and the relay queueing around them.
import type { Database } from 'better-sqlite3';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import type { HaveVector, PeerRecord, SignedHead } from '../../shared/peers/peer-record.js';
import { rawPublicKey } from '../../electron/core/credentials/ed25519.js';
import { x25519PublicRaw } from '../../electron/core/peers/x25519.js';
import { openDatabase } from '../../electron/core/db/open-database.js';
import { demoRoster } from '../../electron/core/demo/demo-roster.js';
import { AttendanceLog } from '../../electron/core/ledger/attendance-log.js';
import { cityAcksAppliers } from '../../electron/core/ledger/city-acks-apply.js';
import { ledgerAppliers } from '../../electron/core/ledger/peer-apply.js';
import type { PeerLog } from '../../electron/core/ledger/peer-log.js';
import { relayingAppliers } from '../../electron/core/ledger/relay-queue.js';
import { bindTestPeerLog, seededSigningKey } from '../../electron/core/ledger/testing/peer-log-kit.js';
import { importPage, type PageImport } from '../../electron/core/peers/record-import.js';
import { RosterStore } from '../../electron/core/roster/roster-store.js';
import { tempDataDir } from '../../electron/core/testing/fixtures.js';
import type { SecretName } from '../../electron/core/files/secret-store.js';

export const GROUP = '0193a1f0-0000-7000-8000-00000000aaaa';

export class MemorySecrets {
  private readonly values = new Map<SecretName, string>();
  get(name: SecretName): string | null {
    return this.values.get(name) ?? null;
  }
  set(name: SecretName, value: string): void {
    this.values.set(name, value);
  }
}

export interface Machine {
  deviceId: string;
  name: string;
  role: 'door' | 'office';
  dataDir: string;
  db: Database;
  peers: PeerLog;
  taps: AttendanceLog;
  signKey: KeyObject;
  dh: { privateKey: KeyObject; publicKey: KeyObject };
  secrets: MemorySecrets;
  now: () => number;
}

export function machine(deviceId: string, name: string, role: 'door' | 'office', seed: number, now: () => number): Machine {
  const dataDir = tempDataDir();
  const db = openDatabase(join(dataDir, 'esik.sqlite'));
  onTestFinished(() => {
    if (db.open) db.close();
  });
  new RosterStore(db).seed(demoRoster());
  db.prepare('INSERT INTO device (id, created_at) VALUES (?, ?)').run(deviceId, new Date(now()).toISOString());
  const peers = bindTestPeerLog(db, deviceId, now, seed);
  return {
    deviceId, name, role, dataDir, db, peers, taps: new AttendanceLog(db, deviceId), signKey: seededSigningKey(seed),
    dh: generateKeyPairSync('x25519'), secrets: new MemorySecrets(), now,
  };
}

/** Each machine's peer_members lists every machine (itself included), as pairing leaves them. */
export function pair(machines: readonly Machine[]): void {
  for (const at of machines) {
    const insert = at.db.prepare(
      `INSERT INTO peer_members (device_id, name, role, sign_pub, dh_pub, qr_key_id, qr_pub, paired_at, member_record_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, '2026-11-20T08:00:00+05:00', ?)`,
    );
    for (const m of machines) {
      const signPub = Buffer.from(rawPublicKey(m.signKey));
      insert.run(m.deviceId, m.name, m.role, signPub, Buffer.from(x25519PublicRaw(m.dh.publicKey)), `qr-${m.deviceId}`, signPub, `member-${m.deviceId}`);
    }
  }
}

/** A page as a peer serves it: its records after the asker's have, each origin's signed head at its last row. */
export function pageOf(from: PeerLog, after: HaveVector, limit = 1000): { records: PeerRecord[]; heads: SignedHead[] } {
  const records = from.page(after, limit);
  const last = new Map<string, number>();
  for (const r of records) last.set(r.deviceId, r.seq);
  const heads = [...last].map(([deviceId, seq]) => {
    const head = from.headOf(deviceId, seq);
    if (head === null) throw new Error(`no signed head at ${deviceId}/${seq}`);
    return head;
  });
  return { records, heads };
}

/** The appliers the top joins, with the relay queueing for the doors whose tokens this machine keeps. */
export function appliersOf(at: Machine) {
  return relayingAppliers({ ...ledgerAppliers, ...cityAcksAppliers }, at.now);
}

/** One LAN exchange: `to` takes in what `from` holds beyond `to`'s have. */
export function sync(from: Machine, to: Machine): PageImport {
  const page = pageOf(from.peers, to.peers.haveVector());
  const result = importPage(to.db, page, { ownDeviceId: to.deviceId, appliers: appliersOf(to), nowMs: to.now });
  if (!result.ok) throw new Error(`${to.name} refused ${from.name}'s page: ${result.refusal.code} ${result.refusal.why}`);
  return result;
}
