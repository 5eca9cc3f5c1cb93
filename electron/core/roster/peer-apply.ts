// The roster folder's applier of another machine's card enrolments and revocations (docs/peers.md §6 "card enrol /
// revoke"): a register per credential id where any revocation wins for good; and one card number live for two
// companions (enrolled at two machines while they were apart) kept by the earlier enrolment by HLC, then device id, the
// other machine revoking its own with reason `card-conflict`. Until that revoke arrives, every other machine already
// holds the losing card as revoked, so a card never opens the door for two companions. Foreign changes get no outbox
// row: each reaches the city from its own machine (this machine's card-conflict revoke from here).
import type { Database, Statement } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { CredentialChangeRecordSchema, type CredentialChangeRecord } from '../../../shared/sync/protocol.js';
import { cardNumberConflicts, type LiveCard, type RegisterDecision } from '../ledger/merge-rules.js';
import { OutboxWriter } from '../ledger/outbox-store.js';
import type { PeerApplier, PeerAppliers } from '../ledger/peer-applier.js';
import { peerLogOf } from '../ledger/peer-log.js';
import { preJoinOf, settleRegister } from '../ledger/peer-registers.js';
import { decidedNowMs } from '../ledger/register-apply.js';
import type { RecordMeta } from '../ledger/register-heads.js';
import { awaitingCityApplier } from './peer-awaiting-city.js';
import { retiredValue } from './roster-apply.js';
import { applyRosterChange } from './roster-change-apply.js';

interface CredentialRow {
  id: string;
  companion_id: string;
  kind: 'rfid' | 'qr';
  value: string;
  revoked_at: string | null;
}

interface ChangeRow {
  id: string;
  credential_id: string;
  companion_id: string;
  action: string;
  kind: string;
  value: string;
  staff_id: string;
  reason: string | null;
  occurred_at: string;
  occurred_ms: number;
}

interface CardStatements {
  companion: Statement<[string]>;
  staff: Statement<[string]>;
  credential: Statement<[string], CredentialRow>;
  holder: Statement<[string, string], CredentialRow>;
  change: Statement<[string], ChangeRow>;
  enrolment: Statement<[string], { device_id: string; seq: number; record_id: string; hlc: string; base: string | null }>;
  insertCredential: Statement<[string, string, string, string, string | null]>;
  retire: Statement<[string, string]>;
  revoke: Statement<[string, string]>;
  insertChange: Statement<ChangeRow>;
}

const prepared = new WeakMap<Database, CardStatements>();

function statementsOf(db: Database): CardStatements {
  let s = prepared.get(db);
  if (s === undefined) {
    s = {
      companion: db.prepare('SELECT 1 FROM companions WHERE id = ?'),
      staff: db.prepare('SELECT 1 FROM staff WHERE id = ?'),
      credential: db.prepare('SELECT id, companion_id, kind, value, revoked_at FROM credentials WHERE id = ?'),
      holder: db.prepare('SELECT id, companion_id, kind, value, revoked_at FROM credentials WHERE kind = ? AND value = ?'),
      change: db.prepare('SELECT id, credential_id, companion_id, action, kind, value, staff_id, reason, occurred_at, occurred_ms FROM credential_changes WHERE id = ?'),
      // The enrolment record of a card: its place and HLC decide one number on two cards (§6).
      enrolment: db.prepare(
        `SELECT device_id, seq, record_id, hlc, base FROM peer_log
          WHERE kind = 'credential-change' AND kind <> 'attendance' AND json_extract(body, '$.credentialId') = ? AND json_extract(body, '$.action') = 'enrol'
          ORDER BY hlc LIMIT 1`,
      ),
      insertCredential: db.prepare("INSERT INTO credentials (id, companion_id, kind, value, version, revoked_at, origin) VALUES (?, ?, ?, ?, 1, ?, 'local')"),
      retire: db.prepare('UPDATE credentials SET value = ? WHERE id = ?'),
      revoke: db.prepare('UPDATE credentials SET revoked_at = ? WHERE id = ?'),
      insertChange: db.prepare(
        `INSERT INTO credential_changes (id, credential_id, companion_id, action, kind, value, staff_id, reason, occurred_at, occurred_ms)
         VALUES (@id, @credential_id, @companion_id, @action, @kind, @value, @staff_id, @reason, @occurred_at, @occurred_ms)`,
      ),
    };
    prepared.set(db, s);
  }
  return s;
}

function changeRowOf(c: CredentialChangeRecord): ChangeRow {
  return {
    id: c.id,
    credential_id: c.credentialId,
    companion_id: c.companionId,
    action: c.action,
    kind: c.kind,
    value: c.value,
    staff_id: c.staffId,
    reason: c.reason,
    occurred_at: c.occurredAt,
    occurred_ms: c.occurredMs,
  };
}

export const applyCredentialChange: PeerApplier = (db, record) => {
  const parsed = record.body === null ? null : CredentialChangeRecordSchema.safeParse(JSON.parse(record.body));
  if (parsed === null || !parsed.success) return { outcome: 'refused', code: 'PEER_BAD_RECORD', why: 'not a credential-change body' };
  const change = parsed.data;
  const s = statementsOf(db);
  const row = changeRowOf(change);
  const held = s.change.get(row.id);
  if (held !== undefined) {
    return JSON.stringify(held) === JSON.stringify(row) ? { outcome: 'applied' } : { outcome: 'refused', code: 'PEER_FORK', why: `credential change ${row.id} is held with other content` };
  }
  // The foreign keys would refuse it: a companion or an admin another machine added that is not here yet.
  if (s.companion.get(change.companionId) === undefined) return { outcome: 'waiting', waitsFor: `companion:${change.companionId}` };
  if (s.staff.get(change.staffId) === undefined) return { outcome: 'waiting', waitsFor: `staff:${change.staffId}` };

  if (s.credential.get(change.credentialId) === undefined) {
    // A revoke arrives before its card's enrolment only through a relay that skipped it (pages go in HLC order); the
    // card is then known here as revoked all the same.
    const placed = change.action === 'enrol' ? placeNumber(db, change, record) : { value: change.value, revokedAt: change.occurredAt };
    s.insertCredential.run(change.credentialId, change.companionId, change.kind, placed.value, placed.revokedAt);
  }
  s.insertChange.run(row);
  const { decision } = settleRegister(db, { kind: 'credential-change', body: change }, { nowMs: decidedNowMs(db), followUp: (d) => restateRevoke(db, d) });
  projectCredential(db, decision);
  return { outcome: 'applied' };
};

/**
 * Where a foreign enrolment's number goes (§6 "one card number live for two companions"): the earlier enrolment keeps
 * it, one made before its machine joined coming after the group's (§9). A losing card of this machine is revoked here with reason `card-conflict` (a record the city and the others
 * get); another machine's losing card is held here as revoked at once under a retired value, its own machine revoking
 * it for good when it hears of the keeper. A card never opens the door for two companions, even for a moment.
 */
function placeNumber(db: Database, change: CredentialChangeRecord, record: Omit<RecordMeta, 'preJoin'>): { value: string; revokedAt: string | null } {
  const s = statementsOf(db);
  const live = { value: change.value, revokedAt: null };
  const other = s.holder.get(change.kind, change.value);
  if (other === undefined) return live;
  if (other.revoked_at !== null) {
    // A revoked card's number comes back only on a new credential: the old row keeps its history under a retired value.
    s.retire.run(retiredValue(other.value, other.id), other.id);
    return live;
  }
  const incoming: LiveCard = { cardId: change.credentialId, number: `${change.kind}:${change.value}`, enrolment: { id: record.id, deviceId: record.deviceId, seq: record.seq, hlc: record.hlc, base: record.base, preJoin: preJoinOf(db, record.deviceId, record.seq) } };
  const enrolment = s.enrolment.get(other.id);
  // A card with no enrolment record (the city's, or enrolled before this machine kept a peer log) was there first.
  const heldMeta: RecordMeta =
    enrolment === undefined
      ? { id: other.id, deviceId: '', seq: 0, hlc: '0000000000000-0000', base: null, preJoin: false }
      : { id: enrolment.record_id, deviceId: enrolment.device_id, seq: enrolment.seq, hlc: enrolment.hlc, base: enrolment.base, preJoin: preJoinOf(db, enrolment.device_id, enrolment.seq) };
  const [conflict] = cardNumberConflicts([{ cardId: other.id, number: incoming.number, enrolment: heldMeta }, incoming]);
  if (conflict?.keeper.cardId !== incoming.cardId) return { value: retiredValue(change.value, change.credentialId), revokedAt: change.occurredAt };
  s.retire.run(retiredValue(other.value, other.id), other.id);
  if (heldMeta.deviceId === peerLogOf(db)?.deviceId) revokeOwn(db, other, other.value, change.occurredAt, change.occurredMs, 'card-conflict');
  // Held revoked from the moment the keeper's enrolment is known; its machine's revoke sets the time everywhere.
  else s.revoke.run(change.occurredAt, other.id);
  return live;
}

/** This machine revokes its own card (its enrolling admin named, as the city expects an admin on every change). */
function revokeOwn(db: Database, card: CredentialRow, value: string, at: string, atMs: number, reason: string): void {
  const s = statementsOf(db);
  const log = peerLogOf(db);
  const enrolledBy = db.prepare<[string], { staff_id: string }>("SELECT staff_id FROM credential_changes WHERE credential_id = ? AND action = 'enrol' ORDER BY occurred_ms LIMIT 1").get(card.id);
  if (log === null || enrolledBy === undefined) return;
  const revoke: CredentialChangeRecord = {
    type: 'credential-change',
    id: uuidv7(),
    deviceId: log.deviceId,
    credentialId: card.id,
    companionId: card.companion_id,
    kind: card.kind,
    value,
    action: 'revoke',
    staffId: enrolledBy.staff_id,
    occurredAt: at,
    occurredMs: atMs,
    reason,
  };
  s.revoke.run(at, card.id);
  s.insertChange.run(changeRowOf(revoke));
  new OutboxWriter(db).enqueue(revoke, log.wallMs());
}

/** This machine's follow-up when its own head of a card lost: the card is revoked (§6 "for a card, a revoke"). */
function restateRevoke(db: Database, decision: RegisterDecision): void {
  if (decision.winner.kind !== 'credential-change' || decision.winner.body.action !== 'revoke') return;
  const card = statementsOf(db).credential.get(decision.winner.body.credentialId);
  const winner = CredentialChangeRecordSchema.safeParse(decision.winner.body);
  if (card === undefined || !winner.success) return;
  revokeOwn(db, card, winner.data.value, winner.data.occurredAt, winner.data.occurredMs, winner.data.reason ?? 'revoked');
}

/** The credential row as its register decided: revoked at its winning revoke's time, once any revoke is held. */
function projectCredential(db: Database, decision: RegisterDecision): void {
  if (decision.winner.kind !== 'credential-change') return;
  const winner = CredentialChangeRecordSchema.safeParse(decision.winner.body);
  if (!winner.success || winner.data.action !== 'revoke') return;
  statementsOf(db).revoke.run(winner.data.occurredAt, winner.data.credentialId);
}

/** The roster folder's part of the map the top hands peers/record-import.ts. */
// Each wrapped to note what it applied as awaiting the city (peer-awaiting-city.ts), for the roster pull.
export const rosterAppliers: PeerAppliers = { 'credential-change': awaitingCityApplier(applyCredentialChange), 'roster-change': awaitingCityApplier(applyRosterChange) };
