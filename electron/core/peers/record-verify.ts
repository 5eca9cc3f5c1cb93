// Decides what of a page of peer records may be taken in (docs/peers.md §5 "Pulling and being told"), before anything is
// written: pure, so the importer, the bundle reader and their tests share one judge. The database answers only through
// the lookups passed in.
import type { KeyObject } from 'node:crypto';
import { PEER_ONLY_BODY, isCityKind, type HaveVector, type PeerRecord, type SignedHead } from '../../../shared/peers/peer-record.js';
import { MemberBodySchema, MemberRevokedBodySchema } from '../../../shared/peers/peer-record.js';
import { SyncRecordSchema, type AttendanceRecord } from '../../../shared/sync/protocol.js';
import { publicKeyFromRaw } from '../credentials/ed25519.js';
import { eventHash } from '../ledger/event-chain.js';
import { chainedFieldsOf } from '../ledger/record-as-event.js';
import { bodyContentHash, headSignatureValid, linkFieldsOf, peerRecordHash, PEER_GENESIS_HASH } from '../ledger/peer-hash.js';

export interface MemberKey {
  signPub: KeyObject;
  revoked: boolean;
  /** A revoked member's rows up to this seq are still taken (the highest `member-revoked` wins); null: none. */
  acceptUpToSeq: number | null;
}
export type MemberLookup = (deviceId: string) => MemberKey | null;

export interface PageToVerify {
  records: readonly PeerRecord[];
  heads: readonly SignedHead[];
  /** The receiver's highest contiguous seq per origin. */
  have: HaveVector;
  ownDeviceId: string;
  member: MemberLookup;
  /**
   * The hash of the row the receiver holds at (device, seq); null when it holds none, or only its archive does. At an
   * origin's archive boundary (§5 "Archived years") it answers with the boundary head's hash the chain started from, so
   * the row after it is still linked.
   */
  heldHashAt: (deviceId: string, seq: number) => string | null;
  /**
   * The origins' archived heads the page names (records.archived, §5 "Archived years"): an origin's attendance rows up
   * to its head may come without their event. Each is checked as a head: the origin's signature, and the hash of the
   * row at its seq where the page or the receiver holds that row.
   */
  archived?: readonly SignedHead[];
  /** The seq through which the receiver already takes an origin's rows without their event (peer_archived); 0: none. */
  archivedThrough?: (deviceId: string) => number;
}

export type RefusalCode = 'PEER_BAD_RECORD' | 'PEER_FORK' | 'PEER_UNKNOWN' | 'PEER_REVOKED';
export interface PeerRefusal {
  code: RefusalCode;
  deviceId: string;
  seq: number;
  why: string;
}
/** An origin whose rows in the page do not continue what the receiver holds: ask it again from `fromSeq`. */
export interface PageGap {
  deviceId: string;
  fromSeq: number;
}
export interface PageSkips {
  /** The receiver's own rows (a peer never gives a machine its own log back, but a relay may serve it). */
  own: number;
  /** Rows already held with the same hash. */
  held: number;
  /** Rows of an origin whose run starts past the receiver's have + 1. */
  gap: number;
}
export type PageVerdict = { ok: true; accepted: PeerRecord[]; skipped: PageSkips; gaps: PageGap[] } | { ok: false; refusal: PeerRefusal };

class Refused extends Error {
  constructor(readonly refusal: PeerRefusal) {
    super(refusal.why);
  }
}

function refuse(code: RefusalCode, record: { deviceId: string; seq: number }, why: string): never {
  throw new Refused({ code, deviceId: record.deviceId, seq: record.seq, why });
}

export function verifyPage(page: PageToVerify): PageVerdict {
  try {
    return judge(page);
  } catch (error) {
    if (error instanceof Refused) return { ok: false, refusal: error.refusal };
    throw error;
  }
}

function judge(page: PageToVerify): PageVerdict {
  const skipped: PageSkips = { own: 0, held: 0, gap: 0 };
  const gaps: PageGap[] = [];
  const runs = new Map<string, PeerRecord[]>();
  for (const record of page.records) {
    if (record.deviceId === page.ownDeviceId) {
      skipped.own += 1;
      continue;
    }
    const run = runs.get(record.deviceId) ?? [];
    run.push(record);
    runs.set(record.deviceId, run);
  }

  // Runs that do not start at the receiver's have + 1 (or before it) are gaps: nothing of them is judged or taken.
  const judged = new Map<string, PeerRecord[]>();
  for (const [deviceId, run] of runs) {
    const have = page.have[deviceId] ?? 0;
    const gapAt = firstGap(run, have);
    if (gapAt === null) judged.set(deviceId, run);
    else {
      gaps.push({ deviceId, fromSeq: have + 1 });
      skipped.gap += run.length;
    }
  }

  // A page may introduce a member (its `member` record, from a member already known) and then carry its rows, so the
  // lookup grows with the member records the page proves; each round proves at least one more origin or stops.
  const members = new PageMembers(page.member);
  const proven = new Map<string, PeerRecord[]>();
  for (let round = 0; round <= judged.size; round += 1) {
    let progressed = false;
    for (const [deviceId, run] of judged) {
      if (proven.has(deviceId)) continue;
      const key = members.key(deviceId);
      if (key === null) continue;
      proveRun(run, key.signPub, page);
      proven.set(deviceId, run);
      members.learn(run);
      progressed = true;
    }
    if (!progressed) break;
  }
  for (const [deviceId, run] of judged) {
    if (proven.has(deviceId)) continue;
    // Its member record may sit behind another origin's gap: ask again rather than refuse a page that may be right.
    if (gaps.length > 0) {
      gaps.push({ deviceId, fromSeq: (page.have[deviceId] ?? 0) + 1 });
      skipped.gap += run.length;
      continue;
    }
    refuse('PEER_UNKNOWN', run[0] ?? { deviceId, seq: 0 }, 'the origin is not a member of the group');
  }

  // Membership last, with every revocation the page proved: the outcome does not hang on which origin came first.
  const take = new Set<PeerRecord>();
  for (const [deviceId, run] of proven) {
    const key = members.key(deviceId);
    const have = page.have[deviceId] ?? 0;
    for (const record of run) {
      if (record.seq <= have) {
        skipped.held += 1;
        continue;
      }
      if (key?.revoked === true && (key.acceptUpToSeq === null || record.seq > key.acceptUpToSeq)) {
        refuse('PEER_REVOKED', record, `the origin was removed from the group; its rows are taken up to seq ${key.acceptUpToSeq ?? 0}`);
      }
      take.add(record);
    }
  }
  return { ok: true, accepted: page.records.filter((r) => take.has(r)), skipped, gaps };
}

/** The seq the run stops continuing at, or null when it continues the receiver's chain without a hole. */
function firstGap(run: readonly PeerRecord[], have: number): number | null {
  let expected = run[0]?.seq ?? 1;
  if (expected > have + 1) return expected;
  for (const record of run) {
    if (record.seq !== expected) {
      // Backwards or twice in one page is no gap: the sender broke the page's own order.
      if (record.seq < expected) refuse('PEER_BAD_RECORD', record, `seq ${record.seq} after ${expected - 1} in the same page`);
      return record.seq;
    }
    expected += 1;
  }
  return null;
}

/**
 * One origin's run: every row's hash, content and body; the links from what the receiver holds through the run; the
 * origin's signature on the last. Only then a held place with another hash is a fork: the origin signed it.
 */
function proveRun(run: readonly PeerRecord[], signPub: KeyObject, page: PageToVerify): void {
  const through = archivedThroughOf(run, signPub, page);
  for (const record of run) checkRow(record, through);
  const first = run[0];
  const last = run.at(-1);
  if (first === undefined || last === undefined) return;
  for (let i = 1; i < run.length; i += 1) {
    const row = run[i];
    if (row !== undefined && row.prevHash !== run[i - 1]?.hash) refuse('PEER_BAD_RECORD', row, 'prev_hash is not the hash of the row before it');
  }
  const head = page.heads.find((h) => h.deviceId === last.deviceId && h.seq === last.seq);
  if (head === undefined) refuse('PEER_BAD_RECORD', last, 'no signed head covers the last row of its origin in the page');
  if (head.hash !== last.hash) refuse('PEER_BAD_RECORD', last, 'the signed head names another hash');
  if (!headSignatureValid(signPub, head.deviceId, head.seq, head.hash, head.sig)) refuse('PEER_BAD_RECORD', last, "the head's signature is not the origin's");

  const before = first.seq === 1 ? PEER_GENESIS_HASH : page.heldHashAt(first.deviceId, first.seq - 1);
  if (before !== null && first.prevHash !== before) {
    if (first.seq === 1) refuse('PEER_BAD_RECORD', first, 'the first row does not start from the genesis hash');
    refuse('PEER_FORK', { deviceId: first.deviceId, seq: first.seq - 1 }, 'the signed chain holds another row here than the one held');
  }
  const have = page.have[first.deviceId] ?? 0;
  for (const record of run) {
    if (record.seq > have) break;
    const held = page.heldHashAt(record.deviceId, record.seq);
    // null: held only in an archive (§5 "Archived years"); the row is not taken again either way.
    if (held !== null && held !== record.hash) refuse('PEER_FORK', record, 'a signed row at a held place with another hash');
  }
}

/**
 * The seq through which the run's attendance rows may come without their event: what the receiver already takes so, or
 * the origin's archived head the page names, once that head is proven the origin's (a head at a row the page or the
 * receiver holds must name that row's hash). Anything else naming the run's origin in `archived` is refused.
 */
function archivedThroughOf(run: readonly PeerRecord[], signPub: KeyObject, page: PageToVerify): number {
  const deviceId = run[0]?.deviceId;
  if (deviceId === undefined) return 0;
  let through = page.archivedThrough?.(deviceId) ?? 0;
  for (const head of page.archived ?? []) {
    if (head.deviceId !== deviceId) continue;
    const at = { deviceId, seq: head.seq };
    if (!headSignatureValid(signPub, head.deviceId, head.seq, head.hash, head.sig)) refuse('PEER_BAD_RECORD', at, "the archived head's signature is not the origin's");
    const named = run.find((r) => r.seq === head.seq)?.hash ?? page.heldHashAt(deviceId, head.seq);
    if (named !== null && named !== head.hash) refuse('PEER_BAD_RECORD', at, 'the archived head names another hash than the row at its seq');
    through = Math.max(through, head.seq);
  }
  return through;
}

/** One row on its own: its hash, its content hash, its body under its kind's schema. */
function checkRow(record: PeerRecord, archivedThrough: number): void {
  if (peerRecordHash(linkFieldsOf(record)) !== record.hash) refuse('PEER_BAD_RECORD', record, 'hash does not compute');
  if (record.kind === 'attendance') {
    const event = record.event;
    // Link-only: its event is in the sender's yearly archive; the chain's links and the signed head still prove the row.
    if (event === undefined && record.seq <= archivedThrough) return;
    if (event === undefined) refuse('PEER_BAD_RECORD', record, 'attendance without its event');
    checkEvent(record, event);
    return;
  }
  const body = record.body;
  if (body === null) refuse('PEER_BAD_RECORD', record, 'a record without its body');
  if (bodyContentHash(body) !== record.contentHash) refuse('PEER_BAD_RECORD', record, 'content_hash is not the hash of the body');
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    refuse('PEER_BAD_RECORD', record, 'the body is not JSON');
  }
  if (isCityKind(record.kind)) {
    const parsed = SyncRecordSchema.safeParse(json);
    if (!parsed.success) refuse('PEER_BAD_RECORD', record, `the body is not a ${record.kind} record`);
    if (parsed.data.type !== record.kind) refuse('PEER_BAD_RECORD', record, `a ${parsed.data.type} body in a ${record.kind} record`);
    if (parsed.data.id !== record.id) refuse('PEER_BAD_RECORD', record, "the body's id is not the record's");
    return;
  }
  const schema = PEER_ONLY_BODY[record.kind];
  if (!schema.safeParse(json).success) refuse('PEER_BAD_RECORD', record, `the body is not a ${record.kind} body`);
}

function checkEvent(record: PeerRecord, event: AttendanceRecord): void {
  const fields = chainedFieldsOf(event);
  if (eventHash(fields) !== record.contentHash || event.hash !== record.contentHash) refuse('PEER_BAD_RECORD', record, "content_hash is not the event's hash");
  if (event.id !== record.id) refuse('PEER_BAD_RECORD', record, "the event's id is not the record's");
  // A log carries only its origin's own events (§9: foreign events are not backfilled), so no member can enter an
  // event into another door's chain by wrapping it.
  if (event.deviceId !== record.deviceId) refuse('PEER_BAD_RECORD', record, "the event is another device's");
}

/** The lookup, grown by the `member` and `member-revoked` records of runs already proven in this page. */
class PageMembers {
  private readonly added = new Map<string, KeyObject>();
  private readonly cuts = new Map<string, number>();

  constructor(private readonly stored: MemberLookup) {}

  key(deviceId: string): MemberKey | null {
    const stored = this.stored(deviceId);
    const signPub = stored?.signPub ?? this.added.get(deviceId);
    if (signPub === undefined) return null;
    const cut = this.cuts.get(deviceId);
    if (cut === undefined) return stored ?? { signPub, revoked: false, acceptUpToSeq: null };
    // A revocation wins over any member record; the highest cut wins among revocations.
    const storedCut = stored?.revoked === true ? (stored.acceptUpToSeq ?? 0) : 0;
    return { signPub, revoked: true, acceptUpToSeq: Math.max(cut, storedCut) };
  }

  learn(run: readonly PeerRecord[]): void {
    for (const record of run) {
      if (record.body === null) continue;
      if (record.kind === 'member') {
        const body = MemberBodySchema.parse(JSON.parse(record.body));
        // A pinned key is never replaced by a page: a member comes back only as a new device (§3).
        if (!this.added.has(body.deviceId)) this.added.set(body.deviceId, publicKeyFromRaw(Buffer.from(body.signPub, 'base64url')));
      } else if (record.kind === 'member-revoked') {
        const body = MemberRevokedBodySchema.parse(JSON.parse(record.body));
        this.cuts.set(body.deviceId, Math.max(this.cuts.get(body.deviceId) ?? 0, body.acceptUpToSeq));
      }
    }
  }
}
