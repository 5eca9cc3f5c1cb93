// The merge rules of the kindergarten-wide registers (docs/peers.md §6 "Per kind"), as pure functions of a set of
// records: any two machines holding the same records decide the same, whatever order the records came in. The
// projection (its appliers) stores the decision; the machine of each losing record writes the follow-up.
// On the floor (ledger/), not in peers/: the appliers of roster/, staff/ and admin/ decide their registers with these
// rules, and no domain may import peers/.
import type { z } from 'zod';
import { rosterChangeTarget, type RosterChange } from '../../../shared/domain/roster-change.js';
import type {
  MemberBodySchema,
  MemberRevokedBodySchema,
  PaperDayBodySchema,
  SettingBodySchema,
  StaffAccountBodySchema,
  StaffCardBodySchema,
  StaffLockBodySchema,
  StaffPinBodySchema,
  TransferBodySchema,
} from '../../../shared/peers/peer-record.js';
import type { CredentialChangeRecord } from '../../../shared/sync/protocol.js';
import { byHlc, earliest, groupFirst, headsOf, latest, pick, type RecordMeta } from './register-heads.js';

export type StaffAccountBody = z.infer<typeof StaffAccountBodySchema>;
export type MemberBody = z.infer<typeof MemberBodySchema>;
export type MemberRevokedBody = z.infer<typeof MemberRevokedBodySchema>;

/** A register record as the rules need it: its place and order, and its parsed body. */
export type RegisterRecord = RecordMeta &
  (
    | { kind: 'credential-change'; body: Pick<CredentialChangeRecord, 'credentialId' | 'companionId' | 'kind' | 'value' | 'action'> }
    | { kind: 'roster-change'; body: { change: RosterChange } }
    | { kind: 'staff-account'; body: StaffAccountBody }
    | { kind: 'staff-pin'; body: z.infer<typeof StaffPinBodySchema> }
    | { kind: 'staff-lock'; body: z.infer<typeof StaffLockBodySchema> }
    | { kind: 'staff-card'; body: z.infer<typeof StaffCardBodySchema> }
    | { kind: 'setting'; body: z.infer<typeof SettingBodySchema> }
    | { kind: 'transfer'; body: z.infer<typeof TransferBodySchema> }
    | { kind: 'paper-day'; body: z.infer<typeof PaperDayBodySchema> }
    | { kind: 'member'; body: MemberBody }
    | { kind: 'member-revoked'; body: MemberRevokedBody }
  );
export type RegisterKind = RegisterRecord['kind'];
/** What a record says, without its place: enough to name its register (a writer knows it before it appends). */
export type RegisterContent = RegisterRecord extends infer R ? (R extends RegisterRecord ? Pick<R, 'kind' | 'body'> : never) : never;
type OfKind<K extends RegisterKind> = Extract<RegisterRecord, { kind: K }>;

/** The names `peer_conflicts` stores, one per rule of §6. */
export type MergeRule =
  | 'later-wins'
  | 'first-wins'
  | 'revocation-wins'
  | 'earliest-enrolment'
  | 'restrictive-wins'
  | 'leaving-wins'
  | 'removal-wins'
  | 'deactivation-wins'
  | 'demotion-wins'
  | 'lock-wins'
  | 'member-revoked-wins'
  | 'group-first'
  /** Concurrent edits that said the same: nothing to tell a person, but the loser's machine still follows up (§6). */
  | 'same-value';

/** A member's state: its newest `member` record and whether (and up to where) it was removed. */
export interface MemberState {
  member: MemberBody | null;
  revoked: boolean;
  /** The highest cut of any `member-revoked`; null while not revoked. */
  acceptUpToSeq: number | null;
}
export type RegisterValue = RegisterRecord['body'] | MemberState;

export interface Conflict {
  rule: MergeRule;
  winnerId: string;
  loserId: string;
  /** The machine that writes the follow-up (a revoke, a restating record with the winner as its base). */
  loserDeviceId: string;
}

export interface RegisterDecision {
  key: string;
  /** The record the value is attributed to (`peer_registers.winner_record_id`). */
  winner: RegisterRecord;
  /** The register's value: the winner's body, or the field-by-field merge of the heads (links, staff accounts). */
  value: RegisterValue;
  conflicts: Conflict[];
}

/** Which register a record edits: `peer_registers(entity, key)` as one text. */
export function registerKeyOf(record: RegisterContent): string {
  switch (record.kind) {
    case 'credential-change':
      return `credential:${record.body.credentialId}`;
    case 'roster-change': {
      const target = rosterChangeTarget(record.body.change);
      return `roster-${target.entity}:${target.key}`;
    }
    case 'staff-account':
    case 'staff-pin':
      return `${record.kind}:${record.body.staffId}`;
    case 'staff-lock':
      return `staff-lock:${JSON.stringify([record.body.staffId, record.body.channel])}`;
    case 'staff-card':
      return `staff-card:${record.body.cardId}`;
    case 'setting':
      return `setting:${record.body.key}`;
    case 'transfer':
      return `transfer:${record.body.date}`;
    case 'paper-day':
      return `paper-day:${JSON.stringify([record.body.groupId, record.body.date])}`;
    case 'member':
    case 'member-revoked':
      return `member:${record.body.deviceId}`;
  }
}

interface Outcome {
  winner: RegisterRecord;
  value: RegisterValue;
  rule: MergeRule;
}

/** Decides one register from all its records (any order; every record must have the same key). */
export function decideRegister(records: readonly RegisterRecord[]): RegisterDecision {
  const all = [...records].sort(byHlc);
  const first = all[0];
  if (first === undefined) throw new RangeError('a register with no record');
  const key = registerKeyOf(first);
  const stranger = all.find((r) => registerKeyOf(r) !== key);
  if (stranger !== undefined) throw new RangeError(`record ${stranger.id} is not of register ${key}`);

  const heads = registerHeadsOf(all);
  // The group first (§9): a head its origin wrote before joining gives way to any head of a machine already a member.
  const members = heads.filter((h) => !h.preJoin);
  const kept = members.length > 0 ? members : heads;
  const outcome = decide(kept, all);
  const conflicts: Conflict[] = [];
  for (const head of heads) {
    if (head === outcome.winner) continue;
    const rule = kept.includes(head) ? outcome.rule : 'group-first';
    conflicts.push({ rule, winnerId: outcome.winner.id, loserId: head.id, loserDeviceId: head.deviceId });
  }
  conflicts.sort((a, b) => (a.loserId < b.loserId ? -1 : a.loserId > b.loserId ? 1 : 0));
  return { key, winner: outcome.winner, value: outcome.value, conflicts };
}

/**
 * The heads of one register as its rule decides between them: a stale restatement — one that says what its base says,
 * when someone has since changed that base knowing it — is none (register-heads.ts). A member's records take no
 * follow-up, and their rule reads every record anyway.
 */
export function registerHeadsOf<R extends RegisterRecord>(records: readonly R[]): R[] {
  const kind = records[0]?.kind;
  return kind === 'member' || kind === 'member-revoked' ? headsOf(records) : headsOf(records, sameSaid);
}

/** Decides every register the records touch, by key. */
export function decideRegisters(records: readonly RegisterRecord[]): Map<string, RegisterDecision> {
  const byKey = new Map<string, RegisterRecord[]>();
  for (const r of records) {
    const key = registerKeyOf(r);
    const same = byKey.get(key);
    if (same === undefined) byKey.set(key, [r]);
    else same.push(r);
  }
  const decisions = new Map<string, RegisterDecision>();
  for (const key of [...byKey.keys()].sort()) decisions.set(key, decideRegister(byKey.get(key) ?? []));
  return decisions;
}

function decide(heads: RegisterRecord[], all: RegisterRecord[]): Outcome {
  const head = heads[0];
  if (head === undefined) throw new RangeError('a register with no head');
  switch (head.kind) {
    case 'credential-change':
      return oneWay(only(heads, 'credential-change'), only(all, 'credential-change'), (r) => r.body.action === 'revoke', 'revocation-wins');
    case 'staff-card':
      return oneWay(only(heads, 'staff-card'), only(all, 'staff-card'), (r) => r.body.revokedAt !== null, 'revocation-wins');
    case 'roster-change':
      return rosterRule(only(heads, 'roster-change'));
    case 'staff-account':
      return staffAccountRule(only(heads, 'staff-account'));
    case 'staff-lock':
      return lockRule(only(heads, 'staff-lock'));
    case 'paper-day':
      return pickRule(heads, earliest(heads), 'first-wins');
    case 'member':
    case 'member-revoked':
      return memberRule(heads, all);
    case 'staff-pin':
    case 'setting':
    case 'transfer':
      return pickRule(heads, latest(heads), 'later-wins');
  }
}

function only<K extends RegisterKind>(records: readonly RegisterRecord[], kind: K): OfKind<K>[] {
  return records.filter((r): r is OfKind<K> => r.kind === kind);
}

/** What a record says for its register, without the fields every record has of its own (ids, times, who). */
function said(record: RegisterRecord): unknown {
  switch (record.kind) {
    case 'credential-change':
      return { action: record.body.action, companionId: record.body.companionId, kind: record.body.kind, value: record.body.value };
    case 'roster-change':
      return record.body.change;
    case 'staff-card':
      return { staffId: record.body.staffId, value: record.body.value, revoked: record.body.revokedAt !== null };
    case 'transfer':
      return { kind: record.body.kind, note: record.body.note };
    default:
      return record.body;
  }
}

function sameSaid(a: RegisterRecord, b: RegisterRecord): boolean {
  return canonicalJson(said(a)) === canonicalJson(said(b));
}

/** JSON with keys sorted, so two bodies that say the same compare equal whatever their writer's key order. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}

/** The winner's body stands; heads that said the same are not a conflict a person needs to see. */
function pickRule(heads: readonly RegisterRecord[], winner: RegisterRecord, rule: MergeRule): Outcome {
  const differ = heads.some((h) => !sameSaid(h, winner));
  return { winner, value: winner.body, rule: differ ? rule : 'same-value' };
}

/** A one-way state (a revoked card): any record that reached it keeps it, whatever came after (§6: "for good"). */
function oneWay<R extends RegisterRecord>(heads: R[], all: R[], reached: (r: R) => boolean, rule: MergeRule): Outcome {
  const headsThere = heads.filter(reached);
  if (headsThere.length > 0) return pickRule(heads, earliest(headsThere), rule);
  const allThere = all.filter(reached);
  // The group first (§9) here too: a revoke written before its machine joined is not the one the state is named after
  // when the group has one of its own (it would make a pre-join loser the winner again).
  if (allThere.length > 0) return pickRule(heads, pick(allThere, (a, b) => groupFirst(a, b) < 0), rule);
  return pickRule(heads, latest(heads), 'later-wins');
}

function rosterRule(heads: OfKind<'roster-change'>[]): Outcome {
  const winning = (kind: RosterChange['kind'], rule: MergeRule): Outcome | null => {
    const these = heads.filter((h) => h.body.change.kind === kind);
    return these.length > 0 ? pickRule(heads, latest(these), rule) : null;
  };
  const change = heads[0]?.body.change;
  switch (change?.kind) {
    case 'link':
    case 'link-removed':
      return linkRule(heads);
    case 'child':
    case 'child-left':
      return winning('child-left', 'leaving-wins') ?? pickRule(heads, latest(heads), 'later-wins');
    case 'companion':
    case 'companion-removed':
      return winning('companion-removed', 'removal-wins') ?? pickRule(heads, latest(heads), 'later-wins');
    case 'group':
    case 'group-closed':
      return winning('group-closed', 'removal-wins') ?? pickRule(heads, latest(heads), 'later-wins');
    case undefined:
      throw new RangeError('a register with no head');
  }
}

/**
 * Restrictive wins field by field on the heads' values (not against their base): blocked OR, mayCollect AND, mayBring
 * AND, a removed link counting as no rights. A ban survives a removal; with no ban, a removal wins.
 */
function linkRule(heads: OfKind<'roster-change'>[]): Outcome {
  const links = heads.flatMap((h) => (h.body.change.kind === 'link' ? [h.body.change.link] : []));
  const removed = heads.filter((h) => h.body.change.kind === 'link-removed');
  const anyLink = links[0];
  if (anyLink === undefined || (removed.length > 0 && !links.some((l) => l.blocked))) {
    return pickRule(heads, latest(removed.length > 0 ? removed : heads), 'restrictive-wins');
  }
  const merged = {
    companionId: anyLink.companionId,
    childId: anyLink.childId,
    mayBring: removed.length === 0 && links.every((l) => l.mayBring),
    mayCollect: removed.length === 0 && links.every((l) => l.mayCollect),
    blocked: links.some((l) => l.blocked),
  };
  const change: RosterChange = { kind: 'link', link: merged };
  return mergedOutcome(heads, change, { change }, 'restrictive-wins');
}

/** Deactivation and demotion win; the names (and origin) are the later edit's. */
function staffAccountRule(heads: OfKind<'staff-account'>[]): Outcome {
  const named = latest(heads).body;
  const active = heads.every((h) => h.body.active);
  const role = heads.some((h) => h.body.role === 'staff') ? 'staff' : 'admin';
  const value: StaffAccountBody = { ...named, active, role };
  const rule: MergeRule = heads.some((h) => h.body.active !== active) ? 'deactivation-wins' : heads.some((h) => h.body.role !== role) ? 'demotion-wins' : 'later-wins';
  return mergedOutcome(heads, value, value, rule);
}

/**
 * A merged value is attributed to the latest head that already says it, else to the latest head: either way the other
 * heads' machines restate it (with the winner as base), and the register has one head again.
 */
function mergedOutcome(heads: RegisterRecord[], saying: unknown, value: RegisterRecord['body'], rule: MergeRule): Outcome {
  const text = canonicalJson(saying);
  const sayers = heads.filter((h) => canonicalJson(said(h)) === text);
  const winner = latest(sayers.length > 0 ? sayers : heads);
  const differ = heads.some((h) => canonicalJson(said(h)) !== text);
  return { winner, value: sayers.length > 0 ? winner.body : value, rule: differ ? rule : 'same-value' };
}

/** A lock wins over a concurrent unlock; of two locks, the one that ends later (a lock with no end ends never). */
function lockRule(heads: OfKind<'staff-lock'>[]): Outcome {
  const locks = heads.filter((h) => h.body.untilMs !== null);
  if (locks.length === 0) return pickRule(heads, latest(heads), 'later-wins');
  const winner = pick(locks, (a, b) => (a.body.untilMs ?? 0) > (b.body.untilMs ?? 0) || ((a.body.untilMs ?? 0) === (b.body.untilMs ?? 0) && byHlc(a, b) > 0));
  return pickRule(heads, winner, 'lock-wins');
}

/** `member-revoked` wins over any `member` of the same device, the highest cut among revocations. */
function memberRule(heads: RegisterRecord[], all: RegisterRecord[]): Outcome {
  const members = only(all, 'member');
  const revocations = only(all, 'member-revoked');
  const member = members.length > 0 ? latest(members) : null;
  if (revocations.length === 0) {
    if (member === null) throw new RangeError('a member register with no record');
    return { winner: member, value: { member: member.body, revoked: false, acceptUpToSeq: null }, rule: heads.length > 1 ? 'later-wins' : 'same-value' };
  }
  const cut = pick(revocations, (a, b) => a.body.acceptUpToSeq > b.body.acceptUpToSeq || (a.body.acceptUpToSeq === b.body.acceptUpToSeq && byHlc(a, b) > 0));
  return { winner: cut, value: { member: member?.body ?? null, revoked: true, acceptUpToSeq: cut.body.acceptUpToSeq }, rule: 'member-revoked-wins' };
}

/** A card live now (not revoked), with the record that enrolled it. */
export interface LiveCard {
  cardId: string;
  /** The card number as stored: for companions' cards `kind:value`, since the credentials table is UNIQUE (kind, value). */
  number: string;
  enrolment: RecordMeta;
}
export interface CardNumberConflict {
  number: string;
  keeper: LiveCard;
  /** Each other card with the number; its enrolling machine revokes it (reason `card-conflict`). */
  losers: { card: LiveCard; rule: 'earliest-enrolment' | 'group-first' }[];
}

/**
 * One card number live on two cards (enrolled at two machines while they were apart): the earlier enrolment by HLC,
 * then device id, keeps it, an enrolment made before its machine joined ranking below the group's (§9).
 */
export function cardNumberConflicts(cards: readonly LiveCard[]): CardNumberConflict[] {
  const byNumber = new Map<string, LiveCard[]>();
  for (const card of cards) {
    const same = byNumber.get(card.number);
    if (same === undefined) byNumber.set(card.number, [card]);
    else same.push(card);
  }
  const conflicts: CardNumberConflict[] = [];
  for (const number of [...byNumber.keys()].sort()) {
    const same = byNumber.get(number) ?? [];
    if (same.length < 2) continue;
    const keeper = pick(same, (a, b) => groupFirst(a.enrolment, b.enrolment) < 0);
    const losers = same
      .filter((c) => c !== keeper)
      .sort((a, b) => byHlc(a.enrolment, b.enrolment))
      .map((card) => ({ card, rule: card.enrolment.preJoin && !keeper.enrolment.preJoin ? ('group-first' as const) : ('earliest-enrolment' as const) }));
    conflicts.push({ number, keeper, losers });
  }
  return conflicts;
}
