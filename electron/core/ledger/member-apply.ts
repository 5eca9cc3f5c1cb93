// member and member-revoked records into peer_members (docs/peers.md §6, row "members"): the appliers the peer worker's
// entry joins into the import's map, and the same projection for the records this machine writes itself (founding the
// group, pairing a machine, removing one), so peer_members is right on the writing machine too.
import type { Database } from 'better-sqlite3';
import type { PeerApplier, PeerAppliers } from './peer-applier.js';
import { projectMember, type MemberFact, type MemberProjection } from './member-projection.js';

/** Every member and member-revoked record naming a device, by the partial index of migration 0029. */
export const MEMBER_RECORDS_SQL = `SELECT kind, record_id, device_id, hlc, body FROM peer_log
  WHERE kind IN ('member', 'member-revoked') AND json_extract(body, '$.deviceId') = ?`;

interface FactRow {
  kind: 'member' | 'member-revoked';
  record_id: string;
  device_id: string;
  hlc: string;
  body: string;
}

interface HeldRow {
  member_record_id: string;
  brought_seq: number | null;
  revoked_at: string | null;
  accept_up_to_seq: number | null;
}

export function memberFactsOf(db: Database, deviceId: string): MemberFact[] {
  return db
    .prepare<[string], FactRow>(MEMBER_RECORDS_SQL)
    .all(deviceId)
    .map((r) => ({ kind: r.kind, recordId: r.record_id, origin: r.device_id, hlc: r.hlc, body: r.body }));
}

export type MemberWrite = 'written' | 'none' | 'key-taken';

/**
 * Writes a device's projection over what peer_members holds, as a join that never goes back: the pinned keys and who
 * paired it stay as first written; a revocation held stays (its earliest moment, the highest cut); the name, role and
 * addresses follow the projection only once the records behind the held row are among `facts` (a joiner's rows come
 * from its sponsor's welcome before the records themselves arrive, and an older record arriving first must not undo
 * them); the seq it brought (§9) is pinned as the keys are. A key another device already holds is never given to a second one: that record has no effect.
 */
export function writeMemberRow(db: Database, projection: MemberProjection, facts: readonly MemberFact[]): MemberWrite {
  const signPub = Buffer.from(projection.signPub, 'base64url');
  const keyHolder = db.prepare<[Buffer], { device_id: string }>('SELECT device_id FROM peer_members WHERE sign_pub = ?').get(signPub);
  if (keyHolder !== undefined && keyHolder.device_id !== projection.deviceId) return 'key-taken';
  const held = db.prepare<[string], HeldRow>('SELECT member_record_id, brought_seq, revoked_at, accept_up_to_seq FROM peer_members WHERE device_id = ?').get(projection.deviceId);
  if (held === undefined) {
    db.prepare(
      `INSERT INTO peer_members (device_id, name, role, sign_pub, dh_pub, qr_key_id, qr_pub, addrs, paired_by, paired_at, member_record_id, revoked_at, accept_up_to_seq, brought_seq)
       VALUES (@deviceId, @name, @role, @signPub, @dhPub, @qrKeyId, @qrPub, @addrs, @pairedBy, @pairedAt, @memberRecordId, @revokedAt, @acceptUpToSeq, @broughtSeq)`,
    ).run({
      ...projection,
      signPub,
      dhPub: Buffer.from(projection.dhPub, 'base64url'),
      qrPub: Buffer.from(projection.qrPub, 'base64url'),
      addrs: JSON.stringify(projection.addrs),
    });
    return 'written';
  }
  const follows = facts.some((f) => f.recordId === held.member_record_id);
  const revokedAt = [held.revoked_at, projection.revokedAt].filter((x): x is string => x !== null).sort()[0] ?? null;
  const cuts = [held.accept_up_to_seq, projection.acceptUpToSeq].filter((x): x is number => x !== null);
  const result = db
    .prepare(
      `UPDATE peer_members SET name = CASE WHEN @follows THEN @name ELSE name END, role = CASE WHEN @follows THEN @role ELSE role END,
              addrs = CASE WHEN @follows THEN @addrs ELSE addrs END,
              member_record_id = CASE WHEN @follows THEN @memberRecordId ELSE member_record_id END,
              revoked_at = @revokedAt, accept_up_to_seq = @acceptUpToSeq, brought_seq = @broughtSeq
        WHERE device_id = @deviceId`,
    )
    .run({
      follows: follows ? 1 : 0,
      name: projection.name,
      role: projection.role,
      addrs: JSON.stringify(projection.addrs),
      memberRecordId: projection.memberRecordId,
      revokedAt,
      acceptUpToSeq: cuts.length === 0 ? null : Math.max(...cuts),
      // Pinned as the keys: the first held stays (a row from a welcome has it before the record behind it arrives).
      broughtSeq: held.brought_seq ?? projection.broughtSeq,
      deviceId: projection.deviceId,
    });
  return result.changes > 0 ? 'written' : 'none';
}

/** Projects one device from the records this peer log holds, in the caller's transaction. */
export function projectMemberFromLog(db: Database, deviceId: string): MemberWrite {
  const facts = memberFactsOf(db, deviceId);
  const projection = projectMember(deviceId, facts);
  // A revocation whose member record has not arrived yet: stored, and folded in when the member record is applied.
  if (projection === null) return 'none';
  return writeMemberRow(db, projection, facts);
}

function namedDevice(body: string | null): string | null {
  if (body === null) return null;
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === 'object' && parsed !== null && 'deviceId' in parsed && typeof parsed.deviceId === 'string' ? parsed.deviceId : null;
  } catch {
    return null;
  }
}

/** Both kinds recompute the device they name from every record held for it, so the order they arrive in is moot. */
const applyMemberRecord: PeerApplier = (db, record) => {
  const deviceId = namedDevice(record.body);
  if (deviceId === null) return { outcome: 'refused', code: 'PEER_BAD_RECORD', why: `a ${record.kind} record names no device` };
  projectMemberFromLog(db, deviceId);
  return { outcome: 'applied' };
};

export const memberAppliers: PeerAppliers = { member: applyMemberRecord, 'member-revoked': applyMemberRecord };
