// The kindergarten-wide registers as the peer log holds them (docs/peers.md §6 "The general rule"): which record is a
// register's winner now (peer_registers, the `base` an edit made here names), the decision of a register from every
// record of it in peer_log by the pure rules (merge-rules.ts), the concurrent pairs it found
// (peer_conflicts, for the console), and the follow-up this machine owes when its own head lost. Here, on the floor
// every domain stands on, so each owning folder's writer and applier (staff/, roster/, admin/, ledger/) settles its
// registers the same way; the projection (the table a screen reads) stays its owner's.
import type { Database, Statement } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { decideRegister, registerKeyOf, type Conflict, type RegisterContent, type RegisterDecision, type RegisterKind, type RegisterRecord } from './merge-rules.js';
import { PEER_ONLY_BODY, type PeerKind } from '../../../shared/peers/peer-record.js';
import { rosterChangeTarget } from '../../../shared/domain/roster-change.js';
import { CredentialChangeRecordSchema, RosterChangeRecordSchema } from '../../../shared/sync/protocol.js';
import { peerLogOf, type PeerLogRow } from './peer-log.js';

export const REGISTER_KINDS = [
  'credential-change',
  'roster-change',
  'staff-account',
  'staff-pin',
  'staff-lock',
  'staff-card',
  'setting',
  'transfer',
  'paper-day',
  'member',
  'member-revoked',
] as const satisfies readonly RegisterKind[];

export function isRegisterKind(kind: PeerKind): kind is RegisterKind {
  return (REGISTER_KINDS as readonly string[]).includes(kind);
}

export const PEER_REGISTER_SQL = {
  winner: 'SELECT winner_record_id FROM peer_registers WHERE entity = ? AND key = ?',
  setWinner: `INSERT INTO peer_registers (entity, key, winner_record_id, winner_hlc, winner_device) VALUES (@entity, @key, @id, @hlc, @device)
              ON CONFLICT (entity, key) DO UPDATE SET winner_record_id = excluded.winner_record_id, winner_hlc = excluded.winner_hlc,
                winner_device = excluded.winner_device`,
  // The partial index of migration 0030 holds only the register and fact kinds, never the door's taps; its condition
  // is repeated here word for word so SQLite knows it may read it.
  ofKind: `SELECT device_id, seq, kind, record_id, hlc, base, body FROM peer_log WHERE kind = ? AND kind <> 'attendance'`,
  // Migration 0032's expression word for word, so SQLite reads the register's few records from peer_log_by_register.
  ofRegister: `SELECT device_id, seq, kind, record_id, hlc, base, body FROM peer_log WHERE kind = ? AND kind <> 'attendance' AND (CASE WHEN json_valid(body) THEN CASE kind
        WHEN 'roster-change' THEN coalesce(json_extract(body, '$.change.group.id'), json_extract(body, '$.change.child.id'),
          json_extract(body, '$.change.companion.id'), json_extract(body, '$.change.link.companionId'),
          json_extract(body, '$.change.companionId'), json_extract(body, '$.change.childId'), json_extract(body, '$.change.groupId'))
        WHEN 'credential-change' THEN json_extract(body, '$.credentialId')
        WHEN 'staff-card' THEN json_extract(body, '$.cardId')
        WHEN 'setting' THEN json_extract(body, '$.key')
        WHEN 'transfer' THEN json_extract(body, '$.date')
        WHEN 'paper-day' THEN json_extract(body, '$.groupId')
        WHEN 'member' THEN json_extract(body, '$.deviceId')
        WHEN 'member-revoked' THEN json_extract(body, '$.deviceId')
        ELSE json_extract(body, '$.staffId') END END) = ?`,
  // §9 "the group first": the last seq of its own log a member brought when it was paired (null: a founder, or none).
  brought: 'SELECT brought_seq FROM peer_members WHERE device_id = ?',
  conflict: `INSERT OR IGNORE INTO peer_conflicts (entity, key, kept_record_id, lost_record_id, rule, decided_ms)
             VALUES (?, ?, ?, ?, ?, ?)`,
} as const;

type LogRow = Pick<PeerLogRow, 'device_id' | 'seq' | 'kind' | 'record_id' | 'hlc' | 'base' | 'body'>;

interface RegisterStatements {
  winner: Statement<[string, string], { winner_record_id: string }>;
  setWinner: Statement<[{ entity: string; key: string; id: string; hlc: string; device: string }]>;
  ofKind: Statement<[string], LogRow>;
  ofRegister: Statement<[string, string], LogRow>;
  brought: Statement<[string], { brought_seq: number | null }>;
  conflict: Statement<[string, string, string, string, string, number]>;
}

const prepared = new WeakMap<Database, RegisterStatements>();

function statementsOf(db: Database): RegisterStatements {
  let s = prepared.get(db);
  if (s === undefined) {
    s = {
      winner: db.prepare(PEER_REGISTER_SQL.winner),
      setWinner: db.prepare(PEER_REGISTER_SQL.setWinner),
      ofKind: db.prepare(PEER_REGISTER_SQL.ofKind),
      ofRegister: db.prepare(PEER_REGISTER_SQL.ofRegister),
      brought: db.prepare(PEER_REGISTER_SQL.brought),
      conflict: db.prepare(PEER_REGISTER_SQL.conflict),
    };
    prepared.set(db, s);
  }
  return s;
}

/** `peer_registers(entity, key)` from the one text the rules name a register by ("staff-lock:[\"s1\",\"name\"]"). */
export function registerPlace(registerKey: string): { entity: string; key: string } {
  const colon = registerKey.indexOf(':');
  return colon < 0 ? { entity: registerKey, key: '' } : { entity: registerKey.slice(0, colon), key: registerKey.slice(colon + 1) };
}

/** The record an edit made here now names as its base: the register's winner as this machine holds it, or null. */
export function registerBase(db: Database, content: RegisterContent): string | null {
  const { entity, key } = registerPlace(registerKeyOf(content));
  return statementsOf(db).winner.get(entity, key)?.winner_record_id ?? null;
}

/**
 * Whether its origin wrote the row at `seq` before it joined (§9 "Joining with history"): at a seq up to the one its
 * sponsor wrote into its `member` record as `broughtSeq`. By seq, never by a clock; a founder (no broughtSeq) and a
 * machine not (yet) a member have none. Every machine holds the member records, so every machine reads it alike.
 */
export function preJoinOf(db: Database, deviceId: string, seq: number): boolean {
  const brought = statementsOf(db).brought.get(deviceId)?.brought_seq ?? null;
  return brought !== null && seq <= brought;
}

/**
 * A stored row as the rules read it, or null when its body is not one of its kind (never the case for a proven row).
 * `preJoin` is the caller's (preJoinOf): a row parsed only for what it says needs none.
 */
export function registerRecordOf(row: LogRow, preJoin = false): RegisterRecord | null {
  if (row.body === null || !isRegisterKind(row.kind)) return null;
  const meta = { id: row.record_id, deviceId: row.device_id, seq: row.seq, hlc: row.hlc, base: row.base, preJoin };
  const json: unknown = JSON.parse(row.body);
  const of = <T>(r: { success: true; data: T } | { success: false }): T | null => (r.success ? r.data : null);
  // One case a kind, so each body is typed by its own kind's schema (no assertion ties a kind to a body).
  switch (row.kind) {
    case 'credential-change': {
      const body = of(CredentialChangeRecordSchema.safeParse(json));
      return body && { ...meta, kind: row.kind, body };
    }
    case 'roster-change': {
      const body = of(RosterChangeRecordSchema.safeParse(json));
      return body && { ...meta, kind: row.kind, body: { change: body.change } };
    }
    case 'staff-account': {
      const body = of(PEER_ONLY_BODY[row.kind].safeParse(json));
      return body && { ...meta, kind: row.kind, body };
    }
    case 'staff-pin': {
      const body = of(PEER_ONLY_BODY[row.kind].safeParse(json));
      return body && { ...meta, kind: row.kind, body };
    }
    case 'staff-lock': {
      const body = of(PEER_ONLY_BODY[row.kind].safeParse(json));
      return body && { ...meta, kind: row.kind, body };
    }
    case 'staff-card': {
      const body = of(PEER_ONLY_BODY[row.kind].safeParse(json));
      return body && { ...meta, kind: row.kind, body };
    }
    case 'setting': {
      const body = of(PEER_ONLY_BODY[row.kind].safeParse(json));
      return body && { ...meta, kind: row.kind, body };
    }
    case 'transfer': {
      const body = of(PEER_ONLY_BODY[row.kind].safeParse(json));
      return body && { ...meta, kind: row.kind, body };
    }
    case 'paper-day': {
      const body = of(PEER_ONLY_BODY[row.kind].safeParse(json));
      return body && { ...meta, kind: row.kind, body };
    }
    case 'member': {
      const body = of(PEER_ONLY_BODY[row.kind].safeParse(json));
      return body && { ...meta, kind: row.kind, body };
    }
    case 'member-revoked': {
      const body = of(PEER_ONLY_BODY[row.kind].safeParse(json));
      return body && { ...meta, kind: row.kind, body };
    }
  }
}

/**
 * The id a register is found by in SQL (migration 0032's index): its entity's id, a link's companion. The register's
 * few records are read by it, so a roster of thousands of rows is not parsed whole for each edit; the key decides.
 */
function needleOf(content: RegisterContent): string {
  switch (content.kind) {
    case 'credential-change':
      return content.body.credentialId;
    case 'roster-change': {
      const change = content.body.change;
      if (change.kind === 'link') return change.link.companionId;
      if (change.kind === 'link-removed') return change.companionId;
      return rosterChangeTarget(change).key;
    }
    case 'staff-card':
      return content.body.cardId;
    case 'staff-account':
    case 'staff-pin':
    case 'staff-lock':
      return content.body.staffId;
    case 'setting':
      return content.body.key;
    case 'transfer':
      return content.body.date;
    case 'paper-day':
      return content.body.groupId;
    case 'member':
    case 'member-revoked':
      return content.body.deviceId;
  }
}

/** Every record of one register this machine holds, in any order (the rules do not care), each marked pre-join or not. */
export function registerRecords(db: Database, content: RegisterContent): RegisterRecord[] {
  const key = registerKeyOf(content);
  const kinds: RegisterKind[] = content.kind === 'member' || content.kind === 'member-revoked' ? ['member', 'member-revoked'] : [content.kind];
  const s = statementsOf(db);
  const needle = needleOf(content);
  return kinds
    .flatMap((kind) => s.ofRegister.all(kind, needle).flatMap((row) => registerRecordOf(row, preJoinOf(db, row.device_id, row.seq)) ?? []))
    .filter((r) => registerKeyOf(r) === key);
}

export interface Settled {
  decision: RegisterDecision;
  /** This machine's follow-up rows written now (its own head had lost), in order. */
  followUps: PeerLogRow[];
  /** Each conflict this machine's own head lost (before its follow-up), for a kind's own amends (a paper day's arrivals). */
  ownLosses: Conflict[];
}

export interface SettleOptions {
  nowMs: number;
  /**
   * Writes this machine's follow-up for a register its own head lost. By default (the peer-only kinds) a record of the
   * same kind restating the decided value with the winner as its base; a city kind passes its own (it goes through the
   * outbox). Members take none (§6).
   */
  followUp?: (decision: RegisterDecision) => void;
  /** Run `followUp` also when this machine's head lost only to the group first (§9): a paper day withdraws its arrivals. */
  amendGroupFirst?: boolean;
}

/**
 * Decides the register `content` names from every record of it held here, stores the winner and the concurrent pairs,
 * and, when this machine's own head lost, writes its follow-up (one at most: a machine has one head in a register) and
 * decides again. Inside the caller's transaction (a page's, or an edit's).
 */
export function settleRegister(db: Database, content: RegisterContent, options: SettleOptions): Settled {
  const log = peerLogOf(db);
  const first = decideAndStore(db, content, options.nowMs);
  const ownLosses = log === null ? [] : first.conflicts.filter((c) => c.loserDeviceId === log.deviceId);
  // A head this machine wrote before it joined, beaten by the group first (§9), is owed no restating record: a
  // member's head stands beside it for good, so it never decides again. Written in the middle of the join's catch-up,
  // a restatement would be an edit the group had not seen, concurrent with the group's later edits of the register,
  // and could undo them. A kind whose loss has amends of its own (a paper day's arrivals) asks for them still.
  const owed = ownLosses.filter((c) => c.rule !== 'group-first' || options.amendGroupFirst === true);
  if (log === null || owed.length === 0 || content.kind === 'member' || content.kind === 'member-revoked') return { decision: first, followUps: [], ownLosses };
  const before = log.newest()?.seq ?? 0;
  if (options.followUp !== undefined) options.followUp(first);
  else log.append(content.kind, uuidv7(), { body: JSON.stringify(first.value) }, first.winner.id);
  const followUps = [...log.rowsAfter(log.deviceId, before)];
  return { decision: decideAndStore(db, content, options.nowMs), followUps, ownLosses };
}

function decideAndStore(db: Database, content: RegisterContent, nowMs: number): RegisterDecision {
  const s = statementsOf(db);
  const decision = decideRegister(registerRecords(db, content));
  const { entity, key } = registerPlace(decision.key);
  s.setWinner.run({ entity, key, id: decision.winner.id, hlc: decision.winner.hlc, device: decision.winner.deviceId });
  for (const c of decision.conflicts) s.conflict.run(entity, key, c.winnerId, c.loserId, c.rule, Math.trunc(nowMs));
  return decision;
}

/**
 * An edit made here (a writer's side): appended to the bound peer log in the caller's transaction with the register's
 * winner as its base, then the register settled. Null when the database has no peer log bound (tools, tests of other
 * domains), as OutboxWriter appends nothing then.
 */
export function appendRegisterEdit(db: Database, content: RegisterContent, nowMs: number, recordId: string = uuidv7()): Settled | null {
  const log = peerLogOf(db);
  if (log === null) return null;
  log.append(content.kind, recordId, { body: JSON.stringify(content.body) }, registerBase(db, content));
  return settleRegister(db, content, { nowMs });
}
