// Records the city holds, append-only, one row per record id forever; and each device's chain head.
import type { Database, Statement } from 'better-sqlite3';
import { hash } from 'node:crypto';
import { AttendanceRecordSchema, SyncRecordSchema, type AttendanceRecord, type ChainHead, type SyncRecord } from '../../../shared/sync/protocol.js';
import { GENESIS_HASH } from './event-hash.js';

export interface HeldRecord {
  id: string;
  hash: string;
  deviceId: string;
}

interface HeadRow {
  head_seq: number;
  head_hash: string;
}

export class RecordStore {
  private readonly byIdStmt: Statement<[string], { id: string; hash: string; device_id: string }>;
  private readonly hashesStmt: Statement<[string], { id: string; hash: string }>;
  private readonly placesStmt: Statement<[string, string], { device_seq: number; id: string }>;
  private readonly bySeqStmt: Statement<[string, number], { id: string; hash: string; prev_hash: string | null }>;
  private readonly insertStmt: Statement<[string, string, string, string, number | null, string, string, string | null, string, string]>;
  private readonly headStmt: Statement<[string], HeadRow>;
  private readonly chainAfterStmt: Statement<[string, number], { device_seq: number; hash: string; prev_hash: string | null }>;
  private readonly setHeadStmt: Statement<[number, string, number, string, string]>;
  private readonly idsStmt: Statement<[], { id: string }>;
  private readonly countStmt: Statement<[], { n: number }>;
  private readonly peersStmt: Statement<[string, string, string, number, number], { arrival: number; body: string }>;
  private readonly lastArrivalStmt: Statement<[], { arrival: number | null }>;
  private readonly seqOfHashStmt: Statement<[string, string], { device_seq: number }>;
  private readonly chainPageStmt: Statement<[string, number, number], { device_seq: number; body: string }>;

  constructor(db: Database) {
    this.byIdStmt = db.prepare('SELECT id, hash, device_id FROM records WHERE id = ?');
    this.bySeqStmt = db.prepare('SELECT id, hash, prev_hash FROM records WHERE device_id = ? AND device_seq = ?');
    // A whole batch's ids (or chain places) in one statement, as a JSON array: one index look-up each, one call in all.
    this.hashesStmt = db.prepare('SELECT id, hash FROM records WHERE id IN (SELECT value FROM json_each(?))');
    this.placesStmt = db.prepare('SELECT device_seq, id FROM records WHERE device_id = ? AND device_seq IN (SELECT value FROM json_each(?))');
    this.insertStmt = db.prepare(
      `INSERT INTO records (id, arrival, type, kindergarten_id, device_id, device_seq, local_date, hash, prev_hash, body, received_at)
       VALUES (?, (SELECT COALESCE(MAX(arrival), 0) + 1 FROM records), ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.headStmt = db.prepare('SELECT head_seq, head_hash FROM devices WHERE id = ?');
    this.chainAfterStmt = db.prepare('SELECT device_seq, hash, prev_hash FROM records WHERE device_id = ? AND device_seq > ? ORDER BY device_seq');
    this.setHeadStmt = db.prepare('UPDATE devices SET head_seq = ?, head_hash = ?, claimed_seq = ?, claimed_hash = ? WHERE id = ?');
    this.idsStmt = db.prepare('SELECT id FROM records ORDER BY arrival');
    this.countStmt = db.prepare('SELECT COUNT(*) AS n FROM records');
    // Peers get attendance records only: a second entrance needs who is in, not the staff records.
    this.peersStmt = db.prepare(
      `SELECT arrival, body FROM records
       WHERE kindergarten_id = ? AND local_date = ? AND device_id != ? AND arrival > ? AND type = 'attendance'
       ORDER BY arrival LIMIT ?`,
    );
    this.lastArrivalStmt = db.prepare('SELECT MAX(arrival) AS arrival FROM records');
    this.seqOfHashStmt = db.prepare('SELECT device_seq FROM records WHERE device_id = ? AND hash = ? AND device_seq IS NOT NULL');
    this.chainPageStmt = db.prepare(
      'SELECT device_seq, body FROM records WHERE device_id = ? AND device_seq > ? AND device_seq IS NOT NULL ORDER BY device_seq LIMIT ?',
    );
  }

  find(id: string): HeldRecord | null {
    const row = this.byIdStmt.get(id);
    return row ? { id: row.id, hash: row.hash, deviceId: row.device_id } : null;
  }

  /** The hash held for each of these ids that the city holds, by id (ids it lacks are absent). */
  hashesOf(ids: readonly string[]): Map<string, string> {
    return new Map(this.hashesStmt.all(JSON.stringify(ids)).map((row) => [row.id, row.hash]));
  }

  /** The id of the record held at each of these places of the device's chain, by place (free places are absent). */
  idsAtSeqs(deviceId: string, deviceSeqs: readonly number[]): Map<number, string> {
    return new Map(this.placesStmt.all(deviceId, JSON.stringify(deviceSeqs)).map((row) => [row.device_seq, row.id]));
  }

  /** Stores a record as parsed and returns the hash it is held under (recordHash, from the one JSON text written). */
  insert(record: SyncRecord, kindergartenId: string, receivedAt: string): string {
    const body = JSON.stringify(record);
    const chained = record.type === 'attendance';
    const held = chained ? record.hash : sha256Hex(body);
    this.insertStmt.run(
      record.id,
      record.type,
      kindergartenId,
      record.deviceId,
      chained ? record.deviceSeq : null,
      localDateOf(record),
      held,
      chained ? record.prevHash : null,
      body,
      receivedAt,
    );
    return held;
  }

  /**
   * Walks the device's chain forward from the head the city had, as far as the held records link up, and
   * stores the result with what the kiosk claimed. Records may arrive in any order; the head only moves over
   * an unbroken, correctly linked prefix, so it is what the city can vouch for. `justStored` (the push's own
   * attendance records, by place) is walked in memory first; the database is read only from where it ends.
   */
  advanceChainHead(deviceId: string, claimed: ChainHead, justStored: ReadonlyMap<number, { hash: string; prevHash: string }> = new Map()): ChainHead | null {
    const head = this.headStmt.get(deviceId);
    if (!head) throw new Error(`unknown device ${deviceId}`);
    let seq = head.head_seq;
    let headHash = head.head_hash;
    for (let next = justStored.get(seq + 1); next?.prevHash === headHash; next = justStored.get(seq + 1)) {
      seq += 1;
      headHash = next.hash;
    }
    for (const next of this.chainAfterStmt.iterate(deviceId, seq)) {
      if (next.device_seq !== seq + 1 || next.prev_hash !== headHash) break;
      seq = next.device_seq;
      headHash = next.hash;
    }
    this.setHeadStmt.run(seq, headHash, claimed.deviceSeq, claimed.hash, deviceId);
    return seq === 0 ? null : { deviceSeq: seq, hash: headHash };
  }

  /** The hash the city holds at the kiosk's claimed head, when it holds that record: a difference means a rewritten history. */
  hashAtSeq(deviceId: string, deviceSeq: number): string | null {
    return this.bySeqStmt.get(deviceId, deviceSeq)?.hash ?? null;
  }

  /** The device's chain head as last walked (advanceChainHead), or null while it holds none linked from genesis. */
  chainHead(deviceId: string): ChainHead | null {
    const head = this.headStmt.get(deviceId);
    return head && head.head_seq > 0 ? { deviceSeq: head.head_seq, hash: head.head_hash } : null;
  }

  /** The place in the device's chain of the held event with this hash (0 for the genesis hash), or null when none is held. */
  seqOfHash(deviceId: string, eventHash: string): number | null {
    if (eventHash === GENESIS_HASH) return 0;
    return this.seqOfHashStmt.get(deviceId, eventHash)?.device_seq ?? null;
  }

  /** The device's attendance records after a place, in order, up to the first place not held; at most `limit`. */
  chainAfter(deviceId: string, afterSeq: number, limit: number): AttendanceRecord[] {
    const page: AttendanceRecord[] = [];
    for (const row of this.chainPageStmt.iterate(deviceId, afterSeq, limit)) {
      if (row.device_seq !== afterSeq + page.length + 1) break;
      page.push(AttendanceRecordSchema.parse(JSON.parse(row.body)));
    }
    return page;
  }

  ids(): string[] {
    return this.idsStmt.all().map((row) => row.id);
  }

  count(): number {
    return this.countStmt.get()?.n ?? 0;
  }

  lastArrival(): number {
    return this.lastArrivalStmt.get()?.arrival ?? 0;
  }

  /** A page of one day's records from devices other than the asking one, in arrival order after a position. */
  peersPage(kindergartenId: string, localDate: string, exceptDeviceId: string, after: number, limit: number): { arrival: number; record: SyncRecord }[] {
    return this.peersStmt
      .all(kindergartenId, localDate, exceptDeviceId, after, limit)
      .map((row) => ({ arrival: row.arrival, record: SyncRecordSchema.parse(JSON.parse(row.body)) }));
  }
}

/**
 * What the city compares when a record id comes again: the chained event hash for attendance; for the staff records,
 * which have no place in the chain, the SHA-256 of the record's JSON as parsed (the schema's field order).
 */
export function recordHash(record: SyncRecord): string {
  return record.type === 'attendance' ? record.hash : sha256Hex(JSON.stringify(record));
}

const sha256Hex = (text: string): string => hash('sha256', text, 'hex');

/** The day a record belongs to (the records_day index): an absence by the day it was recorded. */
function localDateOf(record: SyncRecord): string {
  switch (record.type) {
    case 'attendance':
    case 'override-reason':
    case 'headcount':
    case 'closing-resolution':
    case 'certificate-check':
      return record.localDate;
    case 'absence':
      return record.recordedAt.slice(0, 10);
    case 'correction':
    case 'credential-change':
    case 'roster-change':
    case 'never-come-count':
      return record.occurredAt.slice(0, 10);
  }
}

export { GENESIS_HASH };
