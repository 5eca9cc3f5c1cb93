// The kindergarten's peer group as this machine belongs to it (docs/peers.md §3 "Identity"): the one peer_group row
// (migration 0029), this machine's own member body, and founding the group when this machine opens its first pairing
// code: the group id (uuid v7) and this machine's own `member` record, written in one transaction and projected into
// peer_members as every member record is (ledger/member-apply.ts).
import type { Database } from 'better-sqlite3';
import type { KeyObject } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { MachineRole, PeerRecord } from '../../../shared/peers/peer-record.js';
import { rawPublicKey } from '../credentials/ed25519.js';
import { projectMemberFromLog } from '../ledger/member-apply.js';
import { peerLogOf } from '../ledger/peer-log.js';

export interface PeerGroup {
  groupId: string;
  kindergarten: { id: string; name: string };
  /** The group's city as a sponsor told it; null: none told (a founder's own sync state says). */
  city: { url: string; kindergartenId: string } | null;
  sponsorDeviceId: string | null;
  madeMs: number;
}

/** Who this machine is to its peers: what its member record and its PairJoin state. */
export interface OwnMachine {
  deviceId: string;
  /** The device key (Ed25519, private). */
  signKey: KeyObject;
  /** The static X25519 key's public half (credentials/peer-dh-key.ts), raw 32 bytes. */
  dhPub: Uint8Array;
  qrKeyId: string;
  /** The QR signing key's public half, raw 32 bytes. */
  qrPub: Uint8Array;
  role: MachineRole;
  /** How the others list it ("Door 1", "Office"): 1–60 characters. */
  name: string;
  /** Where it listens for its peers ("ip:port", ≤ 8). */
  addrs: string[];
}

/** The admin who acts, named in the records and the audit. */
export interface GroupActor {
  staffId: string;
}

interface GroupRow {
  group_id: string;
  kindergarten_id: string;
  kindergarten_name: string;
  city_url: string | null;
  city_kindergarten_id: string | null;
  sponsor_device_id: string | null;
  made_ms: number;
}

export function readGroup(db: Database): PeerGroup | null {
  const row = db.prepare<[], GroupRow>('SELECT * FROM peer_group WHERE id = 1').get();
  if (row === undefined) return null;
  return {
    groupId: row.group_id,
    kindergarten: { id: row.kindergarten_id, name: row.kindergarten_name },
    city: row.city_url !== null && row.city_kindergarten_id !== null ? { url: row.city_url, kindergartenId: row.city_kindergarten_id } : null,
    sponsorDeviceId: row.sponsor_device_id,
    madeMs: row.made_ms,
  };
}

export function insertGroup(db: Database, group: PeerGroup): void {
  db.prepare(
    `INSERT INTO peer_group (id, group_id, kindergarten_id, kindergarten_name, city_url, city_kindergarten_id, sponsor_device_id, made_ms)
     VALUES (1, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(group.groupId, group.kindergarten.id, group.kindergarten.name, group.city?.url ?? null, group.city?.kindergartenId ?? null, group.sponsorDeviceId, group.madeMs);
}

/** The kindergarten row this machine shows (the setup's name step or the city's roster made it). */
export function ownKindergarten(db: Database): { id: string; name: string } | null {
  return db.prepare<[], { id: string; name: string }>('SELECT id, name FROM kindergarten LIMIT 1').get() ?? null;
}

function b64u(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url');
}

/** A machine's member body (shared/peers/peer-record.ts MemberBodySchema) as its sponsor, or the founder, writes it. */
export function memberBody(
  machine: Pick<OwnMachine, 'deviceId' | 'name' | 'role' | 'addrs'> & { signPub: string; dhPub: string; qrKeyId: string; qrPub: string },
  pairedBy: string | null,
  pairedAt: string,
  broughtSeq?: number,
): string {
  const body = {
    deviceId: machine.deviceId,
    name: machine.name,
    role: machine.role,
    signPub: machine.signPub,
    dhPub: machine.dhPub,
    qrKeyId: machine.qrKeyId,
    qrPub: machine.qrPub,
    addrs: machine.addrs,
    pairedBy,
    pairedAt,
    ...(broughtSeq === undefined ? {} : { broughtSeq }),
  };
  return JSON.stringify(body);
}

/** This machine's keys as a member body carries them. */
export function ownKeys(own: OwnMachine): { signPub: string; dhPub: string; qrKeyId: string; qrPub: string } {
  return { signPub: b64u(rawPublicKey(own.signKey)), dhPub: b64u(own.dhPub), qrKeyId: own.qrKeyId, qrPub: b64u(own.qrPub) };
}

/**
 * The group, made now if this machine has none: its id, the kindergarten it shows, and its own `member` record (no
 * broughtSeq: the founder had nobody before it and keeps its own, §9), all in one transaction. Refused (thrown) on a
 * machine with no kindergarten yet or no peer log bound: neither can found a group.
 */
export function foundGroup(db: Database, own: OwnMachine, by: GroupActor, at: { iso: string; ms: number }): PeerGroup {
  return db
    .transaction((): PeerGroup => {
      const held = readGroup(db);
      if (held !== null) return held;
      const kindergarten = ownKindergarten(db);
      if (kindergarten === null) throw new Error('this computer has no kindergarten yet: the setup names it first');
      const log = peerLogOf(db);
      if (log === null || log.deviceId !== own.deviceId) throw new Error("this computer's peer log is not open: no group can be made");
      const group: PeerGroup = { groupId: uuidv7(), kindergarten, city: null, sponsorDeviceId: null, madeMs: at.ms };
      insertGroup(db, group);
      log.append('member', uuidv7(), { body: memberBody({ ...own, ...ownKeys(own) }, by.staffId, at.iso) });
      projectMemberFromLog(db, own.deviceId);
      return group;
    })
    .immediate();
}

interface MemberLogRow {
  device_id: string;
  seq: number;
  kind: 'member' | 'member-revoked';
  record_id: string;
  hlc: string;
  base: string | null;
  prev_hash: string;
  hash: string;
  content_hash: string;
  body: string;
}

/** Every member and member-revoked record this machine holds, as they travel (the welcome's memberRecords), oldest first. */
export function memberRecordsHeld(db: Database, limit: number): PeerRecord[] {
  return db
    .prepare<[number], MemberLogRow>(
      `SELECT device_id, seq, kind, record_id, hlc, base, prev_hash, hash, content_hash, body FROM peer_log
        WHERE kind IN ('member', 'member-revoked') ORDER BY hlc, device_id, seq LIMIT ?`,
    )
    .all(limit)
    .map((r) => ({ deviceId: r.device_id, seq: r.seq, kind: r.kind, id: r.record_id, hlc: r.hlc, base: r.base, prevHash: r.prev_hash, hash: r.hash, contentHash: r.content_hash, body: r.body }));
}
