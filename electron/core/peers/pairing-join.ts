// The joiner's side of pairing on the data (docs/peers.md §3 "The exchange", §9): whether this machine may join at all,
// and taking the sponsor's welcome. The welcome came inside the channel the code proved, signed over this exchange by
// the sponsor's device key; its member records are checked one by one (hash, content, body) and must name the sponsor
// under that key and this machine under its own. They become peer_members rows through the same projection as every
// member record (ledger/member-projection.ts), but not peer_log rows: they sit at scattered seqs of their origins'
// logs, and this machine takes each origin's log from seq 1 in the catch-up, where they come again and are proven
// whole. The group's PIN pepper replaces this machine's own; a machine that ran on its own until now (§9 "Joining
// with history") voided its PINs before it dialled (pairing-pins.ts), and their rows leave staff_pins here.
import type { Database } from 'better-sqlite3';
import type { PairWelcome } from '../../../shared/peers/peer-protocol.js';
import { MemberBodySchema, PEER_ONLY_BODY, type PeerRecord } from '../../../shared/peers/peer-record.js';
import type { PeerJoined } from '../../../shared/peers/peer-status.js';
import type { LocalTime } from '../../../shared/domain/local-time.js';
import { AdminAudit } from '../ledger/admin-audit.js';
import { writeMemberRow } from '../ledger/member-apply.js';
import { projectMember, type MemberFact } from '../ledger/member-projection.js';
import { bodyContentHash, linkFieldsOf, peerRecordHash } from '../ledger/peer-hash.js';
import { insertGroup, ownKeys, readGroup, type GroupActor, type OwnMachine } from './peer-group.js';
import { dropVoidedPins, type VoidedPin } from './pairing-pins.js';

/**
 * Why this machine cannot join a group, or null: one already in a group is refused PEER_ALREADY_IN_GROUP (it comes back
 * only as a new one, §3). A machine with a past of its own joins (§9 "Joining with history"): its facts replicate as
 * any, its register records up to the seq it brings rank below the group's, and its PINs are voided before it dials.
 */
export function joinRefusal(db: Database): string | null {
  if (readGroup(db) !== null) return 'this computer already belongs to a group';
  return null;
}

function jsonOf(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Why one of the welcome's records is not a member record its origin could have written, or null. */
function recordProblem(r: PeerRecord): string | null {
  if (r.kind !== 'member' && r.kind !== 'member-revoked') return `a ${r.kind} record among the members`;
  if (r.body === null) return 'a member record without its body';
  if (peerRecordHash(linkFieldsOf(r)) !== r.hash) return `record ${r.id}: the hash does not compute`;
  if (bodyContentHash(r.body) !== r.contentHash) return `record ${r.id}: content_hash is not the hash of the body`;
  if (!PEER_ONLY_BODY[r.kind].safeParse(jsonOf(r.body)).success) return `record ${r.id}: not a ${r.kind} body`;
  return null;
}

function factOf(r: PeerRecord): MemberFact {
  return { kind: r.kind === 'member' ? 'member' : 'member-revoked', recordId: r.id, origin: r.deviceId, hlc: r.hlc, body: r.body ?? '' };
}

export interface WelcomeMembers {
  facts: MemberFact[];
  /** Every device a member record names. */
  devices: string[];
}

/** The welcome's member records checked; a text saying what is wrong when they cannot be taken. */
export function checkWelcome(welcome: PairWelcome, own: OwnMachine): WelcomeMembers | string {
  for (const r of welcome.memberRecords) {
    const problem = recordProblem(r);
    if (problem !== null) return problem;
  }
  const facts = welcome.memberRecords.map(factOf);
  const members = welcome.memberRecords.flatMap((r) => (r.kind === 'member' ? [MemberBodySchema.parse(jsonOf(r.body ?? ''))] : []));
  const devices = [...new Set(members.map((m) => m.deviceId))];
  const signPubOf = (deviceId: string): string | undefined => projectMember(deviceId, facts)?.signPub;
  if (signPubOf(welcome.sponsor.deviceId) !== welcome.sponsor.signPub) return 'the welcome does not name its sponsor under the key that signed it';
  if (signPubOf(own.deviceId) !== ownKeys(own).signPub) return 'the welcome does not name this computer under its own key';
  // Every record was written by a member: a stranger's record has no place in the group's list.
  const stranger = welcome.memberRecords.find((r) => !devices.includes(r.deviceId));
  if (stranger !== undefined) return `record ${stranger.id} was written by ${stranger.deviceId}, who is no member`;
  return { facts, devices };
}

export interface JoinContext {
  db: Database;
  own: OwnMachine;
  /** The admin who joined this machine from its console; null from the first-run setup (no admin here yet). */
  by: GroupActor | null;
  /** The address the admin typed: kept as the sponsor's address to dial. */
  sponsorAddress: string;
  /** This machine's PINs voided before it dialled (pairing-pins.ts): their staff_pins rows go with the welcome. */
  voided?: readonly VoidedPin[];
  /** Stores the group's PIN pepper as this machine's (staff/pin-pepper.ts's secret, its own set aside); throws when it cannot. */
  adoptPepper: (pepper: Buffer) => void;
  at: () => LocalTime;
}

/**
 * Takes the welcome in one transaction: the group, the kindergarten, peer_members, the sponsor's address, the audit,
 * and last the pepper (a pepper that cannot be stored leaves nothing written). Throws what is wrong.
 */
export function takeWelcome(ctx: JoinContext, welcome: PairWelcome): PeerJoined {
  const { db, own } = ctx;
  const checked = checkWelcome(welcome, own);
  if (typeof checked === 'string') throw new Error(checked);
  const at = ctx.at();
  return db
    .transaction((): PeerJoined => {
      const refusal = joinRefusal(db);
      if (refusal !== null) throw new Error(refusal);
      insertGroup(db, { groupId: welcome.groupId, kindergarten: welcome.kindergarten, city: welcome.city, sponsorDeviceId: welcome.sponsor.deviceId, madeMs: at.ms });
      const { id, name } = welcome.kindergarten;
      // The group's kindergarten replaces the one the setup named here (roster-apply.ts replaces it the same way).
      if (db.prepare('SELECT 1 FROM kindergarten WHERE id = ? AND name = ?').get(id, name) === undefined) {
        db.prepare('DELETE FROM kindergarten').run();
        db.prepare('INSERT INTO kindergarten (id, name, demo) VALUES (?, ?, 0)').run(id, name);
      }
      for (const deviceId of checked.devices) {
        const projection = projectMember(deviceId, checked.facts);
        if (projection !== null) writeMemberRow(db, projection, checked.facts);
      }
      const self = projectMember(own.deviceId, checked.facts);
      const pairedBy = self?.pairedBy ?? null;
      const actor = ctx.by?.staffId ?? pairedBy;
      db.prepare('INSERT OR REPLACE INTO peer_addresses (device_id, address, staff_id, set_ms) VALUES (?, ?, ?, ?)').run(
        welcome.sponsor.deviceId,
        ctx.sponsorAddress,
        actor ?? '',
        at.ms,
      );
      // Attributed to the admin here, or else to the sponsor's admin who paired it when this machine knows that account
      // (a city's roster brings it): a machine joining from its first run has no admin of its own yet.
      if (actor !== null && db.prepare('SELECT 1 FROM staff WHERE id = ?').get(actor) !== undefined) {
        new AdminAudit(db).record('peer-paired', actor, at, { deviceId: welcome.sponsor.deviceId, groupId: welcome.groupId, address: ctx.sponsorAddress, side: 'joiner' });
      }
      // Peppered with the pepper this machine gives up: the group's PINs for these accounts arrive with the catch-up.
      dropVoidedPins(db, ctx.voided ?? []);
      ctx.adoptPepper(Buffer.from(welcome.pepper, 'base64url'));
      const sponsorName = projectMember(welcome.sponsor.deviceId, checked.facts)?.name ?? welcome.sponsor.deviceId;
      return { groupId: welcome.groupId, kindergarten: welcome.kindergarten, sponsor: { deviceId: welcome.sponsor.deviceId, name: sponsorName }, members: checked.devices.length };
    })
    .immediate();
}
