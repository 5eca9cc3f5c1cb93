// This kiosk's own events put back from the city after a restore (sync/recovery/): appended to the chain exactly as
// the city holds them, each with its outbox row already sent, so they are part of the log and never pushed again.
import type { Database, Statement } from 'better-sqlite3';
import type { EventKind, EventMethod } from '../../../shared/domain/attendance.js';
import type { ForeignEvent } from './attendance-log.js';
import type { WalkStart } from './event-chain.js';
import { attendanceRecordOf } from './event-record.js';

/** An event of this kiosk's own chain as the city returned it, its hash already checked by the caller. */
export type RecoveredEvent = ForeignEvent & { kind: EventKind; method: EventMethod };

export type PutBackOutcome = { stored: number; head: WalkStart } | { stored: 0; headMoved: WalkStart | null };

export class RecoveredEvents {
  private readonly head: Statement<[string], { device_seq: number; hash: string }>;
  private readonly insertEvent: Statement<ForeignEvent>;
  private readonly insertSent: Statement<[string, number, number]>;
  private readonly insertBody: Statement<[number | bigint, string]>;

  constructor(private readonly db: Database) {
    this.head = db.prepare('SELECT device_seq, hash FROM attendance_events WHERE device_id = ? ORDER BY device_seq DESC LIMIT 1');
    this.insertEvent = db.prepare(
      `INSERT INTO attendance_events (id, device_id, device_seq, child_id, kind, method, companion_id, credential_id,
         staff_id, occurred_at, occurred_ms, local_date, prev_hash, hash, clock_offset_ms)
       VALUES (@id, @device_id, @device_seq, @child_id, @kind, @method, @companion_id, @credential_id,
         @staff_id, @occurred_at, @occurred_ms, @local_date, @prev_hash, @hash, @clock_offset_ms)`,
    );
    // Already at the city: sent from the start (the city answered it once), so the push never takes it again.
    this.insertSent = db.prepare("INSERT INTO sync_outbox (record_id, record_type, state, queued_ms, sent_ms) VALUES (?, 'attendance', 'sent', ?, ?)");
    this.insertBody = db.prepare('INSERT INTO sync_outbox_body (seq, body) VALUES (?, ?)');
  }

  /**
   * Appends the events, in one transaction, only if the device's newest event is still `after` (null: it has none) and
   * each event takes the next place, linked to the one before: a door that recorded meanwhile, or events that do not
   * continue the chain, leave everything as it was. The caller moves the anchor to the returned head.
   */
  putBack(deviceId: string, after: WalkStart | null, events: readonly RecoveredEvent[], nowMs: number): PutBackOutcome {
    return this.db
      .transaction((): PutBackOutcome => {
        const row = this.head.get(deviceId);
        const now: WalkStart | null = row ? { seq: row.device_seq, hash: row.hash } : null;
        if (now?.seq !== after?.seq || now?.hash !== after?.hash) return { stored: 0, headMoved: now };
        let head: WalkStart = after ?? { seq: 0, hash: '0'.repeat(64) };
        for (const event of events) {
          if (event.device_id !== deviceId || event.device_seq !== head.seq + 1 || event.prev_hash !== head.hash) {
            throw new Error(`event ${event.id} does not continue this kiosk's chain at seq ${head.seq}`);
          }
          this.insertEvent.run(event);
          const { lastInsertRowid } = this.insertSent.run(event.id, event.occurred_ms, nowMs);
          this.insertBody.run(lastInsertRowid, JSON.stringify(attendanceRecordOf(event, event.clock_offset_ms)));
          head = { seq: event.device_seq, hash: event.hash };
        }
        return { stored: events.length, head };
      })
      .immediate();
  }
}
