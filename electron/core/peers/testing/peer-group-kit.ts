// Machines of one kindergarten for the worker's tests: each a real SQLite file in its own data folder with the demo
// roster, its own device key and peer log, and taps written through the door's real write path (AttendanceLog.append,
// which queues the outbox and appends the peer log). `pairAll` puts each in the others' peer_members with a free port on
// 127.0.0.1, as pairing leaves them (a stand-in until the tests pair by code).
import type { Database } from 'better-sqlite3';
import type { KeyObject } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { localTimeOn } from '../../../../shared/domain/local-time.js';
import { rawPublicKey } from '../../credentials/ed25519.js';
import { openDatabase } from '../../db/open-database.js';
import { demoRoster } from '../../demo/demo-roster.js';
import { AttendanceLog } from '../../ledger/attendance-log.js';
import type { PeerLog } from '../../ledger/peer-log.js';
import { bindTestPeerLog, seededSigningKey } from '../../ledger/testing/peer-log-kit.js';
import { RosterStore } from '../../roster/roster-store.js';
import { tempDataDir } from '../../testing/fixtures.js';
import { GROUP } from '../channel/testing/peers-kit.js';

export { GROUP };

export interface GroupMachine {
  deviceId: string;
  dir: string;
  databasePath: string;
  db: Database;
  peers: PeerLog;
  events: AttendanceLog;
  signKey: KeyObject;
  /** Where its listener is to listen (a free port found before it starts). */
  port: number;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export async function groupMachine(deviceId: string, seed: number, wallMs: () => number = () => Date.now()): Promise<GroupMachine> {
  const dir = tempDataDir();
  const databasePath = join(dir, 'esik.sqlite');
  const db = openDatabase(databasePath);
  new RosterStore(db).seed(demoRoster());
  const peers = bindTestPeerLog(db, deviceId, wallMs, seed);
  return { deviceId, dir, databasePath, db, peers, events: new AttendanceLog(db, deviceId), signKey: seededSigningKey(seed), port: await freePort() };
}

/** One arrival per child through the door's write path (events, outbox, peer log in one transaction). */
export function tap(m: GroupMachine, childIds: string[], date = '2026-11-23', time = '08:12'): void {
  m.events.append(
    childIds.map((childId) => ({ childId, kind: 'arrival' as const, method: 'rfid' as const, companionId: 'cp0001', credentialId: null, staffId: null })),
    localTimeOn(date, time, 'Asia/Almaty'),
  );
}

/** The group as pairing leaves it on each machine: its id, and every machine in peer_members at 127.0.0.1:port. */
export type Pairable = Pick<GroupMachine, 'db' | 'deviceId' | 'signKey' | 'port'>;

export function pairAll(machines: Pairable[], groupId = GROUP): void {
  for (const m of machines) {
    ensurePeerGroupTable(m.db);
    m.db.prepare("INSERT INTO peer_group (id, group_id, kindergarten_id, kindergarten_name, made_ms) VALUES (1, ?, 'kg-demo', 'Demo', 0)").run(groupId);
    for (const other of machines) addMember(m.db, other);
  }
}

export function addMember(db: Database, other: Pairable, addrs: string[] = [`127.0.0.1:${other.port}`]): void {
  const raw = Buffer.from(rawPublicKey(other.signKey));
  db.prepare(
    `INSERT INTO peer_members (device_id, name, role, sign_pub, dh_pub, qr_key_id, qr_pub, addrs, paired_at, member_record_id)
     VALUES (?, ?, 'door', ?, ?, ?, ?, ?, '2026-11-20T08:00:00+05:00', ?)`,
  ).run(other.deviceId, `Door ${other.deviceId.slice(-2)}`, raw, raw, `qr-${other.deviceId}`, raw, JSON.stringify(addrs), `member-${other.deviceId}`);
}

/**
 * peer_group comes with pairing's migration; until that is in this version the kit makes the columns the worker reads,
 * so the link's tests do not wait for it.
 */
function ensurePeerGroupTable(db: Database): void {
  db.exec(`CREATE TABLE IF NOT EXISTS peer_group (
    id INTEGER PRIMARY KEY CHECK (id = 1), group_id TEXT NOT NULL, kindergarten_id TEXT NOT NULL,
    kindergarten_name TEXT NOT NULL, made_ms INTEGER NOT NULL)`);
}

export async function waitFor(what: string, check: () => boolean, ms = 5_000): Promise<number> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return Date.now() - started;
}

export function eventCount(db: Database, deviceId: string): number {
  return db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM attendance_events WHERE device_id = ?').get(deviceId)?.n ?? 0;
}
