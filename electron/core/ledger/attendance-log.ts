// The append-only attendance log of this device: writes chained events, derives today's state, checks the chain.
import type { Database, Statement } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import type { EventKind, EventMethod } from '../../../shared/domain/attendance.js';
import type { LocalTime } from '../../../shared/domain/local-time.js';
import type { LateEntry } from '../../../shared/sync/protocol.js';
import { attendanceRecordOf } from './event-record.js';
import { OutboxWriter } from './outbox-store.js';
import { SYNC_KEYS, SyncStateStore } from './sync-state.js';
import type { ChainAnchor } from './chain-anchor.js';
import { eventHash, GENESIS_HASH, verifyChain, type ChainCheck, type ChainedFields, type WalkStart } from './event-chain.js';

export interface EventDraft {
  childId: string;
  kind: EventKind;
  method: EventMethod;
  companionId: string | null;
  credentialId: string | null;
  staffId: string | null;
}

export type StoredEvent = ChainedFields & { hash: string };

/** An event of another kiosk of the kindergarten (from the city's peers feed), with its clock offset. */
export type ForeignEvent = StoredEvent & { clock_offset_ms: number | null };

export interface TodayState {
  kind: EventKind;
  occurredAt: string;
}

/**
 * The anchor file beside the database that holds the chain's expected end. `written` hears of every write's outcome
 * (null: written), so the core can tell staff while the end is no longer recorded.
 */
export interface AnchorKeeping {
  anchor: ChainAnchor;
  written: (error: unknown) => void;
}

/** An event row as it is, with its own device id, seq and hash: every event written here goes in this way. */
export const INSERT_EVENT_SQL = `INSERT INTO attendance_events (id, device_id, device_seq, child_id, kind, method, companion_id, credential_id,
     staff_id, occurred_at, occurred_ms, local_date, prev_hash, hash, clock_offset_ms)
   VALUES (@id, @device_id, @device_seq, @child_id, @kind, @method, @companion_id, @credential_id,
     @staff_id, @occurred_at, @occurred_ms, @local_date, @prev_hash, @hash, @clock_offset_ms)`;

export class AttendanceLog {
  private readonly head: Statement<[string], { device_seq: number; hash: string }>;
  private readonly at: Statement<[string, number], StoredEvent>;
  private readonly after: Statement<[string, number], StoredEvent>;
  /** An append inside a caller's transaction: the anchor moves once that transaction has committed. */
  private anchorDue = false;
  private readonly insert: Statement<ForeignEvent>;
  private readonly known: Statement<[string], { id: string }>;
  private readonly outbox: OutboxWriter;
  private readonly syncState: SyncStateStore;
  private readonly lastToday: Statement<[string, string], { kind: EventKind; occurred_at: string }>;

  private readonly id: string;

  constructor(
    private readonly db: Database,
    deviceId: string,
    private readonly anchoring: AnchorKeeping | null = null,
  ) {
    this.id = deviceId;
    this.head = db.prepare('SELECT device_seq, hash FROM attendance_events WHERE device_id = ? ORDER BY device_seq DESC LIMIT 1');
    this.at = db.prepare('SELECT * FROM attendance_events WHERE device_id = ? AND device_seq = ?');
    this.after = db.prepare('SELECT * FROM attendance_events WHERE device_id = ? AND device_seq > ? ORDER BY device_seq');
    this.insert = db.prepare(INSERT_EVENT_SQL);
    this.known = db.prepare('SELECT id FROM attendance_events WHERE id = ?');
    this.outbox = new OutboxWriter(db);
    this.syncState = new SyncStateStore(db);
    this.lastToday = db.prepare(
      // An event a correction withdrew (staff: "recorded by mistake") no longer decides today's state.
      `SELECT kind, occurred_at FROM attendance_events e
        WHERE child_id = ? AND local_date = ?
          AND NOT EXISTS (SELECT 1 FROM corrections c WHERE c.target_type = 'attendance' AND c.target_id = e.id)
        ORDER BY occurred_ms DESC, device_seq DESC LIMIT 1`,
    );
  }

  /**
   * Appends the events in one transaction (one fsync): all are on disk when this returns, or none. Each event's
   * outbox row (what sync pushes to the city) is written in the same transaction, so no event can miss the city.
   * `lateEntry`: the events describe an earlier day (`at`, from the paper list of a day the kiosk was down) and were
   * entered at lateEntry.recordedAt; their records carry both times, queued at the time of entry.
   */
  append(drafts: readonly EventDraft[], at: LocalTime, lateEntry: LateEntry | null = null): StoredEvent[] {
    const events = this.db
      .transaction(() => {
        const clockOffsetMs = this.syncState.getInt(SYNC_KEYS.clockOffsetMs);
        const head = this.head.get(this.deviceId);
        let seq = head?.device_seq ?? 0;
        let prev = head?.hash ?? GENESIS_HASH;
        return drafts.map((d) => {
          const fields: ChainedFields = {
            id: uuidv7(),
            device_id: this.deviceId,
            device_seq: ++seq,
            child_id: d.childId,
            kind: d.kind,
            method: d.method,
            companion_id: d.companionId,
            credential_id: d.credentialId,
            staff_id: d.staffId,
            occurred_at: at.iso,
            occurred_ms: at.ms,
            local_date: at.localDate,
            prev_hash: prev,
          };
          const event: StoredEvent = { ...fields, hash: eventHash(fields) };
          this.insert.run({ ...event, clock_offset_ms: clockOffsetMs });
          this.outbox.enqueue(attendanceRecordOf({ ...event, kind: d.kind, method: d.method }, clockOffsetMs, lateEntry), lateEntry?.recordedMs ?? at.ms);
          prev = event.hash;
          return event;
        });
      })
      .immediate();
    // Inside a caller's transaction nothing is committed yet: an anchor ahead of the file would read as loss.
    const newest = events.at(-1);
    if (this.db.inTransaction) this.anchorDue = newest !== undefined || this.anchorDue;
    else if (newest) this.writeAnchor({ seq: newest.device_seq, hash: newest.hash });
    return events;
  }

  /** Moves the anchor to the committed end after an append made inside a caller's transaction (see append). */
  settleAnchor(): void {
    if (!this.anchorDue || this.db.inTransaction) return;
    this.anchorDue = false;
    this.writeAnchor(this.newest() ?? { seq: 0, hash: GENESIS_HASH });
  }

  /** Records the given end of this device's chain in the anchor file; a failure is reported, never thrown at a tap. */
  writeAnchor(end: WalkStart): void {
    if (!this.anchoring) return;
    try {
      this.anchoring.anchor.write({ deviceId: this.deviceId, seq: end.seq, hash: end.hash });
      this.anchoring.written(null);
    } catch (error) {
      this.anchoring.written(error);
    }
  }

  /** This device's newest event (its seq and hash), or null before the first. */
  newest(): WalkStart | null {
    const row = this.head.get(this.deviceId);
    return row ? { seq: row.device_seq, hash: row.hash } : null;
  }

  /** The hash stored for this device's event with that seq, or null when there is none. */
  hashAt(seq: number): string | null {
    return this.at.get(this.deviceId, seq)?.hash ?? null;
  }

  /**
   * Stores events recorded by the kindergarten's other kiosks, with no outbox row: they reach the city from their
   * own kiosk. Events already held are skipped; returns how many were new. Checking the events (their hashes,
   * their children) is the importer's job.
   */
  importForeign(events: readonly ForeignEvent[]): number {
    return this.db
      .transaction(() => {
        let added = 0;
        for (const e of events) {
          if (e.device_id === this.deviceId) throw new Error(`event ${e.id} is this kiosk's own, not a peer's`);
          if (this.known.get(e.id)) continue;
          this.insert.run(e);
          added += 1;
        }
        return added;
      })
      .immediate();
  }

  /** The device id this kiosk's chain is written under. */
  get deviceId(): string {
    return this.id;
  }

  /** The child's last arrival or departure on that local day, or null if none yet. */
  lastEventOn(childId: string, localDate: string): TodayState | null {
    const row = this.lastToday.get(childId, localDate);
    return row ? { kind: row.kind, occurredAt: row.occurred_at } : null;
  }

  /** Walks the chain from its first event, or from an archive boundary (its last seq and head hash: the events before it are in an archive file). */
  verify(boundary: WalkStart | null = null): ChainCheck {
    return boundary === null ? verifyChain(this.after.iterate(this.deviceId, 0)) : verifyChain(this.after.iterate(this.deviceId, boundary.seq), boundary);
  }

  /**
   * Walks only the events after a point an earlier full walk proved. The point is itself checked first: its event must
   * still be there with the same hash, and that hash must still compute from the event; if not, the chain is broken
   * there (an edit before the point is left to the full walk in the background).
   */
  verifyFrom(point: WalkStart): ChainCheck {
    const event = this.at.get(this.deviceId, point.seq);
    if (!event || event.hash !== point.hash || eventHash(event) !== event.hash) {
      return { intact: false, events: point.seq - 1, brokenAtSeq: point.seq };
    }
    return verifyChain(this.after.iterate(this.deviceId, point.seq), point);
  }
}

/** This kiosk's id, created once on the first start. */
export function ensureDeviceId(db: Database, now: Date): string {
  const row = db.prepare<[], { id: string }>('SELECT id FROM device').get();
  if (row) return row.id;
  const id = uuidv7();
  db.prepare('INSERT INTO device (id, created_at) VALUES (?, ?)').run(id, now.toISOString());
  return id;
}
