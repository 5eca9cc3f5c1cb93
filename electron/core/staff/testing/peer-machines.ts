// Staff machines of one kindergarten for the peer tests: each a real staff kiosk (staff-kit.ts) whose peer log signs
// with its own test key, pinned at the others as pairing would, and the pages one serves another as a session does
// (its own rows after what the other holds of it, its signed head at the last), taken in through the real importer
// with the real appliers.
import type { Database } from 'better-sqlite3';
import type { PeerRecord, SignedHead } from '../../../../shared/peers/peer-record.js';
import { rawPublicKey } from '../../credentials/ed25519.js';
import { ledgerAppliers } from '../../ledger/peer-apply.js';
import { peerLogOf, type PeerLog } from '../../ledger/peer-log.js';
import { seededSigningKey } from '../../ledger/testing/peer-log-kit.js';
import { importPage, type ImportContext, type PageImport } from '../../peers/record-import.js';
import { staffAppliers } from '../peer-apply.js';
import { staffKit } from './staff-kit.js';

export type Machine = ReturnType<typeof staffKit> & { seed: number };

export const appliers = { ...ledgerAppliers, ...staffAppliers };

/** The group's PIN pepper, as pairing hands it to every machine. */
const GROUP_PEPPER = Buffer.alloc(32, 0x5a);

/** A staff machine whose peer log signs with its own test key (peer_members pins each key once). */
export function machine(seed: number, startIso?: string): Machine {
  // Its own key from the first row on (the demo's PINs and card are its first records).
  const kit = staffKit(startIso, { peerSeed: seed, pepper: GROUP_PEPPER });
  return { ...kit, seed };
}

export function logOf(db: Database): PeerLog {
  const log = peerLogOf(db);
  if (log === null) throw new Error('the kit binds a peer log');
  return log;
}

/** B pins A's device under A's key, as pairing would. */
export function pinIn(b: Machine, a: Machine): void {
  const raw = Buffer.from(rawPublicKey(seededSigningKey(a.seed)));
  const deviceId = logOf(a.db).deviceId;
  b.db
    .prepare(
      `INSERT INTO peer_members (device_id, name, role, sign_pub, dh_pub, qr_key_id, qr_pub, paired_at, member_record_id)
       VALUES (?, ?, 'office', ?, ?, ?, ?, '2026-11-20T08:00:00+05:00', ?)`,
    )
    .run(deviceId, `Machine ${a.seed}`, raw, raw, `qr-${deviceId}`, raw, `member-${deviceId}`);
}

/** Pins every machine at every other. */
export function pair(...machines: Machine[]): void {
  for (const a of machines) for (const b of machines) if (a !== b) pinIn(b, a);
}

/** A's own rows after `fromSeq` (none it relays), with A's signed head at the last, as a peer serves them. */
export function pageFor(a: Machine, fromSeq = 0): { records: PeerRecord[]; heads: SignedHead[] } {
  const from = logOf(a.db);
  const after: Record<string, number> = {};
  for (const deviceId of Object.keys(from.haveVector())) after[deviceId] = Number.MAX_SAFE_INTEGER;
  const records = from.page({ ...after, [from.deviceId]: fromSeq }, 1000);
  const last = records.at(-1);
  const head = last === undefined ? null : from.headOf(last.deviceId, last.seq);
  return { records, heads: head === null ? [] : [head] };
}

export const context = (b: Machine): ImportContext => ({ ownDeviceId: logOf(b.db).deviceId, appliers, nowMs: () => b.clock.now().getTime() });

/** What `to` lacks of `from`'s own rows, taken in. */
export function sync(from: Machine, to: Machine): Extract<PageImport, { ok: true }> {
  const held = logOf(to.db).haveVector()[logOf(from.db).deviceId] ?? 0;
  const imported = importPage(to.db, pageFor(from, held), context(to));
  if (!imported.ok) throw new Error(`refused: ${imported.refusal.code} ${imported.refusal.why}`);
  return imported;
}

/** Both ways until neither has anything new for the other (follow-ups are new rows), at most a few rounds. */
export function converge(...machines: Machine[]): void {
  for (let round = 0; round < 6; round++) {
    let moved = 0;
    for (const a of machines) for (const b of machines) if (a !== b) moved += sync(a, b).stored;
    if (moved === 0) return;
  }
  throw new Error('the machines did not settle in 6 rounds');
}
