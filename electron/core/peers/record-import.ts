// Takes in a page of another machine's peer records (docs/peers.md §5 "Pulling and being told"): judged by
// record-verify.ts against what this database holds, then, in ONE transaction, each accepted row stored in peer_log as
// its origin wrote it and its effect applied through the appliers the top hands in (peers/ imports no domain: §5
// "Threads"). A record whose effect cannot be applied yet, or whose kind this machine has no applier for (a newer
// machine's kind), keeps its row and waits in peer_waiting: an older machine never drops a newer one's records.
// A refused page writes nothing.
import type { Database, Statement } from 'better-sqlite3';
import { AttendanceRecordSchema } from '../../../shared/sync/protocol.js';
import { PeerKindSchema, type PeerKind, type PeerRecord, type SignedHead } from '../../../shared/peers/peer-record.js';
import { archivedHeadOf, keepArchivedHead } from '../ledger/archive/peer-archived.js';
import type { PeerAppliers, PeerApplyResult } from '../ledger/peer-applier.js';
import { PEER_LOG_SQL, peerLogOf, type PeerLogRow } from '../ledger/peer-log.js';
import { memberLookupOf } from './member-lookup.js';
import { verifyPage, type MemberLookup, type PageGap, type PageSkips, type PeerRefusal } from './record-verify.js';

export interface IncomingPage {
  records: readonly PeerRecord[];
  heads: readonly SignedHead[];
  /** Origins' archived heads (§5 "Archived years"): their attendance rows up to them may come link-only. */
  archived?: readonly SignedHead[];
}

export interface ImportContext {
  ownDeviceId: string;
  appliers: PeerAppliers;
  /** When rows are received (received_ms, peer_waiting.since_ms). */
  nowMs: () => number;
  /** By default peer_members of this database. */
  member?: MemberLookup;
}

/** What changed, for the core to refresh (FromPeerWorker `applied`). */
export interface Applied {
  kinds: PeerKind[];
  children: string[];
  staff: string[];
  /** Records whose effect was written now. */
  applied: number;
  /** Records whose effect waits for what they name. */
  waiting: number;
}

export type PageImport =
  | ({
      ok: true;
      stored: number;
      skipped: PageSkips;
      gaps: PageGap[];
      /** The newest HLC taken in (null: none), which this machine's clock is raised to (§5 "The peer log"). */
      newestHlc: string | null;
      /** It was more than 10 minutes past this machine's wall clock, so not followed: a peer with a wild clock. */
      clockAhead: boolean;
    } & Applied)
  | { ok: false; refusal: PeerRefusal };

class Refused extends Error {
  constructor(readonly refusal: PeerRefusal) {
    super(refusal.why);
  }
}

interface ImportStatements {
  insert: Statement<[PeerLogRow]>;
  have: Statement<[], { device_id: string; seq: number }>;
  hashAt: Statement<[string, number], { hash: string }>;
  placeOf: Statement<[string], { device_id: string; seq: number }>;
  wait: Statement<[{ record_id: string; waits_for: string; since_ms: number; event: string | null }]>;
  waitingRows: Statement<[string, number], PeerLogRow & { event: string | null }>;
  done: Statement<[string]>;
  rewait: Statement<[string, string]>;
}

/** Prepared once per connection: a catch-up imports a page, and retries the waiting, every few dozen milliseconds. */
const prepared = new WeakMap<Database, ImportStatements>();

function statementsOf(db: Database): ImportStatements {
  const held = prepared.get(db);
  if (held !== undefined) return held;
  const s: ImportStatements = {
    insert: db.prepare(PEER_LOG_SQL.insert),
    have: db.prepare(PEER_LOG_SQL.have),
    hashAt: db.prepare('SELECT hash FROM peer_log WHERE device_id = ? AND seq = ?'),
    placeOf: db.prepare('SELECT device_id, seq FROM peer_log WHERE record_id = ?'),
    wait: db.prepare('INSERT INTO peer_waiting (record_id, waits_for, since_ms, event) VALUES (@record_id, @waits_for, @since_ms, @event)'),
    // In the order the records were made, so a record's causes are applied before it (the event before its correction).
    // Not those waiting for an applier this machine still lacks (the first parameter, a JSON list of `applier:<kind>`):
    // nothing but a newer version applies them, and up to the limit of them, oldest first, would take every retry's
    // place, so the records behind them, waiting for a child a page may just have brought, would never be retried.
    waitingRows: db.prepare(
      `SELECT p.*, w.event FROM peer_waiting w JOIN peer_log p ON p.record_id = w.record_id
        WHERE w.waits_for NOT IN (SELECT value FROM json_each(?))
        ORDER BY p.hlc, p.device_id, p.seq LIMIT ?`,
    ),
    done: db.prepare('DELETE FROM peer_waiting WHERE record_id = ?'),
    rewait: db.prepare('UPDATE peer_waiting SET waits_for = ? WHERE record_id = ?'),
  };
  prepared.set(db, s);
  return s;
}

export function importPage(db: Database, page: IncomingPage, context: ImportContext): PageImport {
  const s = statementsOf(db);
  const member = context.member ?? memberLookupOf(db);
  let imported: PageImport;
  try {
    // Judged inside the write transaction: another connection (the door's) cannot move `have` between judge and write.
    imported = db
      .transaction((): PageImport => {
        const have = haveOf(s);
        const verdict = verifyPage({
          records: page.records,
          heads: page.heads,
          have,
          ownDeviceId: context.ownDeviceId,
          member,
          heldHashAt: (deviceId, seq) => s.hashAt.get(deviceId, seq)?.hash ?? null,
          archived: page.archived ?? [],
          archivedThrough: (deviceId) => archivedHeadOf(db, deviceId)?.seq ?? 0,
        });
        if (!verdict.ok) throw new Refused(verdict.refusal);
        const sigs = new Map(page.heads.map((h) => [placeKey(h.deviceId, h.seq), h.sig]));
        const nowMs = Math.trunc(context.nowMs());
        const tally = new Tally();
        for (const record of verdict.accepted) {
          const place = s.placeOf.get(record.id);
          if (place !== undefined) refuse('PEER_BAD_RECORD', record, `record ${record.id} is held at ${place.device_id}/${place.seq}`);
          const sig = sigs.get(placeKey(record.deviceId, record.seq));
          s.insert.run(rowOf(record, sig === undefined ? null : Buffer.from(sig, 'base64url'), nowMs));
          // Link-only: its event is in an archived year, which a machine that was not there takes only as links.
          if (record.kind === 'attendance' && record.event === undefined) continue;
          const result = applyOne(db, record, context.appliers);
          if (result.outcome === 'refused') refuse(result.code, record, result.why);
          if (result.outcome === 'waiting') s.wait.run({ record_id: record.id, waits_for: result.waitsFor, since_ms: nowMs, event: eventText(record) });
          tally.add(record.kind, result);
        }
        // The heads that let this page's link-only rows in are kept, so this machine serves them on with the same head.
        const origins = new Set(verdict.accepted.map((r) => r.deviceId));
        for (const head of page.archived ?? []) if (origins.has(head.deviceId)) keepArchivedHead(db, head, nowMs);
        const newestHlc = verdict.accepted.reduce<string | null>((max, r) => (max === null || r.hlc > max ? r.hlc : max), null);
        return { ok: true, stored: verdict.accepted.length, skipped: verdict.skipped, gaps: verdict.gaps, newestHlc, clockAhead: false, ...tally.applied() };
      })
      .immediate();
  } catch (error) {
    if (error instanceof Refused) return { ok: false, refusal: error.refusal };
    throw error;
  }
  // Only once committed: a refused page's clocks are not heard. What this machine makes next orders after them.
  if (!imported.ok || imported.newestHlc === null) return imported;
  const observed = peerLogOf(db)?.hlc.observe(imported.newestHlc);
  return { ...imported, clockAhead: observed?.tooFarAhead ?? false };
}

/**
 * Tries the waiting records again, oldest first (after a roster pull, or after a page brought what they name), in one
 * transaction. A record still unable to apply keeps waiting; one its applier now refuses stays, for a person to see.
 */
export function retryWaiting(db: Database, appliers: PeerAppliers, limit = 1000): Applied {
  const s = statementsOf(db);
  return db
    .transaction((): Applied => {
      const tally = new Tally();
      for (const row of s.waitingRows.all(JSON.stringify(lackedAppliers(appliers)), limit)) {
        const record = recordOf(row);
        const result = applyOne(db, record, appliers);
        if (result.outcome === 'applied') s.done.run(record.id);
        else if (result.outcome === 'waiting') s.rewait.run(result.waitsFor, record.id);
        if (result.outcome !== 'refused') tally.add(record.kind, result);
      }
      return tally.applied();
    })
    .immediate();
}

function applyOne(db: Database, record: PeerRecord, appliers: PeerAppliers): PeerApplyResult {
  const applier = appliers[record.kind];
  // A kind this machine cannot apply (a newer machine's): kept, and waiting for the version that can.
  if (applier === undefined) return { outcome: 'waiting', waitsFor: lackedApplier(record.kind) };
  const result = applier(db, record);
  // A fact about a tap held here only as links (its year archived where it came from: an override's reason, a closing,
  // a correction of it) has nothing left to apply to; waiting, it would wait for ever and crowd the retries.
  if (result.outcome === 'waiting' && result.waitsFor.startsWith(ATTENDANCE_WAIT) && heldLinkOnly(db, result.waitsFor.slice(ATTENDANCE_WAIT.length))) {
    return { outcome: 'applied' };
  }
  return result;
}

const ATTENDANCE_WAIT = 'attendance:';

/** An attendance record held as links only: its row here, its event neither here nor waiting (archived at its sender). */
function heldLinkOnly(db: Database, eventId: string): boolean {
  return (
    db
      .prepare<[string], number>(
        `SELECT 1 FROM peer_log p WHERE p.record_id = ? AND p.kind = 'attendance'
            AND NOT EXISTS (SELECT 1 FROM attendance_events e WHERE e.id = p.record_id)
            AND NOT EXISTS (SELECT 1 FROM peer_waiting w WHERE w.record_id = p.record_id)`,
      )
      .pluck()
      .get(eventId) !== undefined
  );
}

class Tally {
  private readonly kinds = new Set<PeerKind>();
  private readonly children = new Set<string>();
  private readonly staff = new Set<string>();
  private appliedCount = 0;
  private waitingCount = 0;

  add(kind: PeerKind, result: PeerApplyResult): void {
    if (result.outcome === 'waiting') {
      this.waitingCount += 1;
      return;
    }
    if (result.outcome !== 'applied') return;
    this.appliedCount += 1;
    this.kinds.add(kind);
    for (const id of result.children ?? []) this.children.add(id);
    for (const id of result.staff ?? []) this.staff.add(id);
  }

  applied(): Applied {
    return { kinds: [...this.kinds], children: [...this.children], staff: [...this.staff], applied: this.appliedCount, waiting: this.waitingCount };
  }
}

function refuse(code: PeerRefusal['code'], record: PeerRecord, why: string): never {
  throw new Refused({ code, deviceId: record.deviceId, seq: record.seq, why });
}

function haveOf(s: ImportStatements): Record<string, number> {
  return Object.fromEntries(s.have.all().map((r) => [r.device_id, r.seq]));
}

/** What a record waits for while this machine has no applier for its kind. */
function lackedApplier(kind: PeerKind): string {
  return `applier:${kind}`;
}

/** The waits of every kind with no applier here: a retry passes them by (statementsOf, waitingRows). */
function lackedAppliers(appliers: PeerAppliers): string[] {
  return PeerKindSchema.options.filter((kind) => appliers[kind] === undefined).map(lackedApplier);
}

/** A JSON pair, never a separator: ids are free text. */
function placeKey(deviceId: string, seq: number): string {
  return JSON.stringify([deviceId, seq]);
}

/** The row as its origin wrote it; signed where the page carried its origin's head at that row. */
function rowOf(r: PeerRecord, sig: Buffer | null, receivedMs: number): PeerLogRow {
  return {
    device_id: r.deviceId,
    seq: r.seq,
    kind: r.kind,
    record_id: r.id,
    hlc: r.hlc,
    base: r.base,
    content_hash: r.contentHash,
    prev_hash: r.prevHash,
    hash: r.hash,
    sig,
    body: r.kind === 'attendance' ? null : r.body,
    received_ms: receivedMs,
  };
}

/** A waiting attendance record's event: peer_log keeps no body for it, and its event row cannot be written yet. */
function eventText(record: PeerRecord): string | null {
  return record.event === undefined ? null : JSON.stringify(record.event);
}

function recordOf(row: PeerLogRow & { event: string | null }): PeerRecord {
  const link = { deviceId: row.device_id, seq: row.seq, kind: row.kind, id: row.record_id, hlc: row.hlc, base: row.base, prevHash: row.prev_hash, hash: row.hash, contentHash: row.content_hash };
  if (row.event === null) return { ...link, body: row.body };
  // Written by importPage from a record verify-page proved; parsed all the same, so a type is never merely asserted.
  return { ...link, body: null, event: AttendanceRecordSchema.parse(JSON.parse(row.event)) };
}
