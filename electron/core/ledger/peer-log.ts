// This machine's peer log (table peer_log, migration 0026; docs/peers.md §5): the only writer of its own rows, and the
// readers replication needs (have, pages, signed heads). A row is appended in the caller's transaction, beside the
// domain row it stands for, so a record is in the peer log if and only if its row is.
import type { Database, Statement } from 'better-sqlite3';
import { createPublicKey, type KeyObject } from 'node:crypto';
import { EventKindSchema, EventMethodSchema } from '../../../shared/domain/attendance.js';
import { MAX_PULL_RECORDS } from '../../../shared/peers/peer-protocol.js';
import type { HaveVector, PeerKind, PeerRecord, SignedHead } from '../../../shared/peers/peer-record.js';
import { AttendanceRecordSchema, type AttendanceRecord } from '../../../shared/sync/protocol.js';
import { archivedHeadOf } from './archive/peer-archived.js';
import { attendanceRecordOf, type TypedEvent } from './event-record.js';
import { HybridClock } from './hlc.js';
import { bodyContentHash, PEER_GENESIS_HASH, peerRecordHash, signHeadRaw } from './peer-hash.js';

/** What a row stands for: a record's JSON text as written once, or (attendance) its event's esik-event-v1 hash. */
export type PeerContent = { body: string } | { eventHash: string };

export interface PeerLogRow {
  device_id: string;
  seq: number;
  kind: PeerKind;
  record_id: string;
  hlc: string;
  base: string | null;
  content_hash: string;
  prev_hash: string;
  hash: string;
  sig: Buffer | null;
  body: string | null;
  received_ms: number;
}

/** A page row with its attendance event's columns (null for other kinds, or an event no longer held). */
type PageRow = PeerLogRow & {
  e_id: string | null;
  e_child_id: string | null;
  e_kind: string | null;
  e_method: string | null;
  e_companion_id: string | null;
  e_credential_id: string | null;
  e_staff_id: string | null;
  e_occurred_at: string | null;
  e_occurred_ms: number | null;
  e_local_date: string | null;
  e_device_seq: number | null;
  e_prev_hash: string | null;
  e_hash: string | null;
  e_clock_offset_ms: number | null;
  late_at: string | null;
  late_ms: number | null;
  waiting_event: string | null;
};

export const PEER_LOG_SQL = {
  head: 'SELECT seq, hash, hlc FROM peer_log WHERE device_id = ? ORDER BY seq DESC LIMIT 1',
  newestHlc: 'SELECT max(hlc) AS hlc FROM peer_log WHERE device_id = ?',
  insert: `INSERT INTO peer_log (device_id, seq, kind, record_id, hlc, base, content_hash, prev_hash, hash, sig, body, received_ms)
           VALUES (@device_id, @seq, @kind, @record_id, @hlc, @base, @content_hash, @prev_hash, @hash, @sig, @body, @received_ms)`,
  // The highest seq per origin. Not `GROUP BY device_id`, which walks every row of the primary key (about 100 ms at a
  // year's 750,000 rows, and a catch-up asks it several times a page, once inside its write transaction): each origin
  // is found by one probe past the one before, and its max by one probe, so the cost follows the origins, not the rows.
  have: `WITH RECURSIVE origins(device_id) AS (
           SELECT (SELECT min(device_id) FROM peer_log)
           UNION ALL
           SELECT (SELECT min(p.device_id) FROM peer_log p WHERE p.device_id > o.device_id) FROM origins o WHERE o.device_id IS NOT NULL
         )
         SELECT o.device_id, (SELECT max(p.seq) FROM peer_log p WHERE p.device_id = o.device_id) AS seq
           FROM origins o WHERE o.device_id IS NOT NULL`,
  at: 'SELECT * FROM peer_log WHERE device_id = ? AND seq = ?',
  after: 'SELECT * FROM peer_log WHERE device_id = ? AND seq > ? ORDER BY seq',
  eventHash: 'SELECT hash FROM attendance_events WHERE id = ?',
  // An attendance row's event is its body; a paper-day event's late entry is rebuilt from its paper day, exactly as
  // the outbox wrote it (staff/paper-day-service.ts: reason kiosk-down, recorded when the day was entered). A foreign
  // tap still waiting for its child (peers/record-import.ts) is served from the event its wait keeps (migration 0028).
  page: `SELECT p.*, e.id AS e_id, e.child_id AS e_child_id, e.kind AS e_kind, e.method AS e_method,
                e.companion_id AS e_companion_id, e.credential_id AS e_credential_id, e.staff_id AS e_staff_id,
                e.occurred_at AS e_occurred_at, e.occurred_ms AS e_occurred_ms, e.local_date AS e_local_date,
                e.device_seq AS e_device_seq, e.prev_hash AS e_prev_hash, e.hash AS e_hash,
                e.clock_offset_ms AS e_clock_offset_ms, pd.entered_at AS late_at, pd.entered_ms AS late_ms,
                w.event AS waiting_event
           FROM peer_log p
           LEFT JOIN attendance_events e ON p.kind = 'attendance' AND e.id = p.record_id
           LEFT JOIN peer_waiting w ON p.kind = 'attendance' AND e.id IS NULL AND w.record_id = p.record_id
           LEFT JOIN paper_day_events pe ON pe.event_id = e.id
           LEFT JOIN paper_days pd ON pd.id = pe.paper_day_id
          WHERE p.device_id = ? AND p.seq > ? ORDER BY p.seq LIMIT ?`,
} as const;

export class PeerLog {
  private readonly s: {
    head: Statement<[string], { seq: number; hash: string; hlc: string }>;
    newestHlc: Statement<[string], { hlc: string | null }>;
    insert: Statement<[PeerLogRow]>;
    have: Statement<[], { device_id: string; seq: number }>;
    at: Statement<[string, number], PeerLogRow>;
    after: Statement<[string, number], PeerLogRow>;
    page: Statement<[string, number, number], PageRow>;
    eventHash: Statement<[string], { hash: string }>;
  };
  private clock: HybridClock | null = null;
  /**
   * Told after each own row is written, still inside the caller's transaction: the core posts one `new-head` to the
   * peer worker once that transaction is over (peers/peer-worker-host.ts coalesces with setImmediate).
   */
  onAppended: (() => void) | null = null;

  constructor(
    private readonly db: Database,
    readonly deviceId: string,
    private readonly key: KeyObject,
    /** This machine's wall clock (ms): the HLC's, and when the registers note a decision. */
    readonly wallMs: () => number,
  ) {
    this.s = {
      head: db.prepare(PEER_LOG_SQL.head),
      newestHlc: db.prepare(PEER_LOG_SQL.newestHlc),
      insert: db.prepare(PEER_LOG_SQL.insert),
      have: db.prepare(PEER_LOG_SQL.have),
      at: db.prepare(PEER_LOG_SQL.at),
      after: db.prepare(PEER_LOG_SQL.after),
      page: db.prepare(PEER_LOG_SQL.page),
      eventHash: db.prepare(PEER_LOG_SQL.eventHash),
    };
  }

  /** The HLC, started from this device's newest row the first time it is needed, so a restart never goes back. */
  get hlc(): HybridClock {
    this.clock ??= new HybridClock(this.wallMs, this.s.newestHlc.get(this.deviceId)?.hlc ?? null);
    return this.clock;
  }

  /**
   * Appends one own row: the next seq, linked to the previous row's hash, stamped with the HLC, hashed and signed.
   * Only inside the caller's transaction (the domain row's), so both are written or neither. `sign` false only for the
   * one-time backfill (peers/backfill.ts), which signs every 1000th row and its last: the links prove the rest (§5).
   */
  append(kind: PeerKind, recordId: string, content: PeerContent, base: string | null = null, sign = true): PeerLogRow {
    if (!this.db.inTransaction) throw new Error(`a peer-log row (${kind} ${recordId}) is written only inside its record's transaction`);
    if ((kind === 'attendance') !== 'eventHash' in content) throw new Error(`a ${kind} row carries ${kind === 'attendance' ? "its event's hash" : 'a body'}`);
    const head = this.s.head.get(this.deviceId);
    const seq = (head?.seq ?? 0) + 1;
    // Another connection of this machine (the peer worker's, the sync worker's) may have appended since this clock last
    // ticked: its rows' HLC is followed first, uncapped (it is this origin's own, however far past this connection's
    // wall clock), so an origin's HLC never goes back along its seqs.
    if (head !== undefined) this.hlc.follow(head.hlc);
    const body = 'body' in content ? content.body : null;
    const fields = {
      deviceId: this.deviceId,
      seq,
      kind,
      id: recordId,
      hlc: this.hlc.now(),
      base,
      contentHash: 'body' in content ? bodyContentHash(content.body) : content.eventHash,
      prevHash: head?.hash ?? PEER_GENESIS_HASH,
    };
    const hash = peerRecordHash(fields);
    const row: PeerLogRow = {
      device_id: this.deviceId,
      seq,
      kind,
      record_id: recordId,
      hlc: fields.hlc,
      base,
      content_hash: fields.contentHash,
      prev_hash: fields.prevHash,
      hash,
      sig: sign ? Buffer.from(signHeadRaw(this.key, this.deviceId, seq, hash)) : null,
      body,
      received_ms: Math.trunc(this.wallMs()),
    };
    this.s.insert.run(row);
    this.onAppended?.();
    return row;
  }

  /** The highest seq held per origin (contiguous: rows are only ever taken in order). */
  haveVector(): HaveVector {
    return Object.fromEntries(this.s.have.all().map((r) => [r.device_id, r.seq]));
  }

  /**
   * Up to `limit` records the asker lacks by its `after`, across origins in HLC order (ties: device id, seq) with each
   * origin's in seq order (mergeByHlc), from after[origin] + 1 (from seq 1 for an origin it did not name), each origin's run cut at its last
   * signed row, so every origin in the page ends on a head the asker can check (headOf).
   */
  page(after: HaveVector, limit: number): PeerRecord[] {
    const origins = Object.keys(this.haveVector()).sort();
    const runs = origins.map((deviceId) => this.s.page.all(deviceId, after[deviceId] ?? 0, limit));
    const taken = mergeByHlc(runs, Math.max(0, limit));
    const lastSigned = new Map<string, number>();
    for (const r of taken) if (r.sig !== null) lastSigned.set(r.device_id, r.seq);
    const page = taken.filter((r) => r.seq <= (lastSigned.get(r.device_id) ?? 0)).map(recordOf);
    if (page.length > 0 || taken.length === 0) return page;
    // No run reached a signed row: a backfill signs only every 1000th row, and a paced catch-up asks 100. The same ask
    // would get the same empty page for ever, so one origin's run goes alone, as far as its next signed row.
    for (const deviceId of origins) {
      const run = this.s.page.all(deviceId, after[deviceId] ?? 0, MAX_PULL_RECORDS);
      const signed = run.findIndex((r) => r.sig !== null);
      if (signed >= 0) return run.slice(0, signed + 1).map(recordOf);
    }
    return [];
  }

  /** The origin's signed head at that seq, or null when the row is not held or not signed. */
  headOf(deviceId: string, seq: number): SignedHead | null {
    const row = this.s.at.get(deviceId, seq);
    if (!row || row.sig === null) return null;
    return { deviceId, seq, hash: row.hash, sig: row.sig.toString('base64url') };
  }

  /** The origin's archived head: its attendance rows up to it may travel without their event (§5 "Archived years"). */
  archivedHeadOf(deviceId: string): SignedHead | null {
    return archivedHeadOf(this.db, deviceId);
  }

  /** The newest own row's seq and hash, or null before the first. */
  newest(): { seq: number; hash: string } | null {
    const head = this.s.head.get(this.deviceId);
    return head === undefined ? null : { seq: head.seq, hash: head.hash };
  }

  /** An origin's row at a seq. */
  rowAt(deviceId: string, seq: number): PeerLogRow | null {
    return this.s.at.get(deviceId, seq) ?? null;
  }

  /** The public half of the key this log signs with (the start-up walk checks its own rows against it). */
  get publicKey(): KeyObject {
    return createPublicKey(this.key);
  }

  /** An attendance event's stored hash, or null when it is not held. */
  eventHashOf(eventId: string): string | null {
    return this.s.eventHash.get(eventId)?.hash ?? null;
  }

  /** An origin's rows after a seq, in order (the start-up walk). */
  rowsAfter(deviceId: string, seq: number): IterableIterator<PeerLogRow> {
    return this.s.after.iterate(deviceId, seq);
  }
}

/**
 * Any origin's held rows after a seq, in seq order, as they travel (attendance with its event): what a stick carries
 * (peers/bundle/bundle-from-db.ts) and what a relay queues (sync/relay-enroll.ts). Read without a device key.
 */
export function heldRecordsAfter(db: Database, deviceId: string, afterSeq: number, limit: number): PeerRecord[] {
  return db.prepare<[string, number, number], PageRow>(PEER_LOG_SQL.page).all(deviceId, afterSeq, limit).map(recordOf);
}

/** Any origin's signed head at a seq, or null when the row is not held there or not signed. */
export function heldHeadOf(db: Database, deviceId: string, seq: number): SignedHead | null {
  const row = db.prepare<[string, number], PeerLogRow>(PEER_LOG_SQL.at).get(deviceId, seq);
  if (!row || row.sig === null) return null;
  return { deviceId, seq, hash: row.hash, sig: row.sig.toString('base64url') };
}

/** The highest seq held per origin, read without a device key (the office reading a stick, a tool). */
export function heldHave(db: Database): HaveVector {
  return Object.fromEntries(db.prepare<[], { device_id: string; seq: number }>(PEER_LOG_SQL.have).all().map((r) => [r.device_id, r.seq]));
}

/** A stored row as it travels; an attendance row with its event, as the outbox built it. */
function recordOf(r: PageRow): PeerRecord {
  const link = { deviceId: r.device_id, seq: r.seq, kind: r.kind, id: r.record_id, hlc: r.hlc, base: r.base, prevHash: r.prev_hash, hash: r.hash, contentHash: r.content_hash };
  if (r.kind !== 'attendance') return { ...link, body: r.body };
  const event = eventOf(r);
  // An event not held here is in a yearly archive: the row travels link-only, and the page names the origin's archived
  // head (peer_archived) up to which such rows are taken (docs/peers.md §5 "Archived years"). Thrown, it stopped every
  // page after the archived year for good, and the worker with it.
  return event === null ? { ...link, body: null } : { ...link, body: null, event };
}

function eventOf(r: PageRow): AttendanceRecord | null {
  // Written by the import from a record it proved; parsed all the same, so a type is never merely asserted.
  if (r.e_id === null && r.waiting_event !== null) return AttendanceRecordSchema.parse(JSON.parse(r.waiting_event));
  if (r.e_id === null) return null;
  if (r.e_kind === null || r.e_method === null || r.e_device_seq === null || r.e_prev_hash === null || r.e_hash === null) {
    throw new Error(`peer-log row ${r.device_id}/${r.seq} names event ${r.record_id}, which is not held whole here`);
  }
  const event: TypedEvent = {
    id: r.e_id,
    device_id: r.device_id,
    device_seq: r.e_device_seq,
    child_id: r.e_child_id ?? '',
    // The table's CHECKs hold these to the protocol's values; parsed, so a type is never merely asserted.
    kind: EventKindSchema.parse(r.e_kind),
    method: EventMethodSchema.parse(r.e_method),
    companion_id: r.e_companion_id,
    credential_id: r.e_credential_id,
    staff_id: r.e_staff_id,
    occurred_at: r.e_occurred_at ?? '',
    occurred_ms: r.e_occurred_ms ?? 0,
    local_date: r.e_local_date ?? '',
    prev_hash: r.e_prev_hash,
    hash: r.e_hash,
  };
  const late = r.late_at !== null && r.late_ms !== null ? { reason: 'kiosk-down' as const, recordedAt: r.late_at, recordedMs: r.late_ms } : null;
  return attendanceRecordOf(event, r.e_clock_offset_ms, late);
}

/** The peer log each database's writers append to; the core binds one when it opens the file (kiosk-core.ts). */
const bound = new WeakMap<Database, PeerLog>();

export function bindPeerLog(db: Database, log: PeerLog): void {
  bound.set(db, log);
}

/** The bound peer log, or null for a database opened without a device key (tools, tests of other domains). */
export function peerLogOf(db: Database): PeerLog | null {
  return bound.get(db) ?? null;
}

/**
 * Each origin's run (in seq order) merged into one list by HLC (ties: device id, seq), up to `limit`: the run's next
 * row competes, never a later one, so an origin's rows stay in seq order even where its HLC went back along them (rows
 * written before an append followed the head's HLC). Sorting all rows by HLC would serve such a run out of order, and
 * every importer refuses a run whose seqs go back: that origin would stop at every peer for good.
 */
function mergeByHlc(runs: PageRow[][], limit: number): PageRow[] {
  const next = runs.map(() => 0);
  const merged: PageRow[] = [];
  while (merged.length < limit) {
    let best = -1;
    for (let i = 0; i < runs.length; i += 1) {
      const row = runs[i]?.[next[i] ?? 0];
      if (row === undefined) continue;
      const held = best < 0 ? undefined : runs[best]?.[next[best] ?? 0];
      if (held === undefined || before(row, held)) best = i;
    }
    const row = best < 0 ? undefined : runs[best]?.[next[best] ?? 0];
    if (row === undefined) break;
    merged.push(row);
    next[best] = (next[best] ?? 0) + 1;
  }
  return merged;
}

function before(a: PageRow, b: PageRow): boolean {
  if (a.hlc !== b.hlc) return a.hlc < b.hlc;
  if (a.device_id !== b.device_id) return a.device_id < b.device_id;
  return a.seq < b.seq;
}
