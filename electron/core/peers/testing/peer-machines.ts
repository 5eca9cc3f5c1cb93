// Machines of one kindergarten for the appliers' tests: each a real SQLite file with the demo roster, its own peer
// log under its own seeded key and a clock the test moves, every machine pinning the others' keys (as pairing would),
// and `pull` serving one machine's page to another through the real importer, as a session does.
import type { Database } from 'better-sqlite3';
import { join } from 'node:path';
import type { PeerRecord, SignedHead } from '../../../../shared/peers/peer-record.js';
import { rawPublicKey } from '../../credentials/ed25519.js';
import { openDatabase } from '../../db/open-database.js';
import { demoRoster } from '../../demo/demo-roster.js';
import type { PeerAppliers } from '../../ledger/peer-applier.js';
import type { PeerLog } from '../../ledger/peer-log.js';
import { bindTestPeerLog, seededSigningKey } from '../../ledger/testing/peer-log-kit.js';
import { RosterStore } from '../../roster/roster-store.js';
import { tempDataDir } from '../../testing/fixtures.js';
import { importPage, retryWaiting, type PageImport } from '../record-import.js';

export interface PeerMachine {
  db: Database;
  log: PeerLog;
  deviceId: string;
  seed: number;
  /** This machine's wall clock (ms); tests move it. */
  clock: { ms: number };
}

export const T0 = 1_795_403_523_000;

/** A machine with the demo roster (unless `empty`), its peer log bound under the key of `seed`. */
export function peerMachine(seed: number, options: { empty?: boolean; startMs?: number } = {}): PeerMachine {
  const db = openDatabase(join(tempDataDir(), 'esik.sqlite'));
  if (options.empty !== true) new RosterStore(db).seed(demoRoster());
  const clock = { ms: options.startMs ?? T0 };
  const deviceId = `machine-${seed.toString(16).padStart(2, '0')}`;
  const log = bindTestPeerLog(db, deviceId, () => clock.ms, seed);
  return { db, log, deviceId, seed, clock };
}

/** Every machine pins every other's device key, as their pairing would have. */
export function pinAll(machines: readonly PeerMachine[]): void {
  for (const b of machines) {
    for (const a of machines) {
      if (a === b) continue;
      const raw = Buffer.from(rawPublicKey(seededSigningKey(a.seed)));
      b.db
        .prepare(
          `INSERT OR IGNORE INTO peer_members (device_id, name, role, sign_pub, dh_pub, qr_key_id, qr_pub, paired_at, member_record_id)
           VALUES (?, ?, 'door', ?, ?, ?, ?, '2026-11-20T08:00:00+05:00', ?)`,
        )
        .run(a.deviceId, a.deviceId, raw, raw, `qr-${a.deviceId}`, raw, `member-${a.deviceId}`);
    }
  }
}

/** What `from` holds that `to` lacks (its own rows and those it relays), with each origin's signed head. */
export function pageFor(to: PeerMachine, from: PeerMachine): { records: PeerRecord[]; heads: SignedHead[] } {
  const records = from.log.page(to.log.haveVector(), 1000);
  const lastSeq = new Map<string, number>();
  for (const r of records) lastSeq.set(r.deviceId, r.seq);
  const heads: SignedHead[] = [];
  for (const [deviceId, seq] of lastSeq) {
    const head = from.log.headOf(deviceId, seq);
    if (head !== null) heads.push(head);
  }
  return { records, heads };
}

/** `to` takes in what `from` has that it lacks, then retries what waits; the page's answer. */
export function pull(to: PeerMachine, from: PeerMachine, appliers: PeerAppliers): PageImport {
  const imported = importPage(to.db, pageFor(to, from), { ownDeviceId: to.deviceId, appliers, nowMs: () => to.clock.ms });
  retryWaiting(to.db, appliers);
  return imported;
}

/** Pulls both ways until neither has anything new for the other (bounded: a few rounds settle any follow-ups). */
export function exchange(machines: readonly PeerMachine[], appliers: PeerAppliers, rounds = 4): void {
  for (let round = 0; round < rounds; round += 1) {
    for (const to of machines) for (const from of machines) if (to !== from) pull(to, from, appliers);
  }
}

/** The rows of a table as JSON text, ordered: two machines' projections compare equal when the texts are. */
export function tableText(db: Database, sql: string): string {
  return JSON.stringify(db.prepare(sql).all());
}
