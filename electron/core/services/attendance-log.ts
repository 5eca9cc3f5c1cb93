// The append-only attendance log of this device: writes chained events, derives today's state, checks the chain.
import type { Database, Statement } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import type { EventKind, EventMethod } from '../../../shared/domain/attendance.js';
import type { LocalTime } from '../../../shared/domain/local-time.js';
import { eventHash, GENESIS_HASH, verifyChain, type ChainCheck, type ChainedFields } from './event-chain.js';

export interface EventDraft {
  childId: string;
  kind: EventKind;
  method: EventMethod;
  companionId: string | null;
  credentialId: string | null;
  staffId: string | null;
}

export type StoredEvent = ChainedFields & { hash: string };

export interface TodayState {
  kind: EventKind;
  occurredAt: string;
}

export class AttendanceLog {
  private readonly head: Statement<[string], { device_seq: number; hash: string }>;
  private readonly insert: Statement<StoredEvent>;
  private readonly lastToday: Statement<[string, string], { kind: EventKind; occurred_at: string }>;

  constructor(private readonly db: Database, readonly deviceId: string) {
    this.head = db.prepare('SELECT device_seq, hash FROM attendance_events WHERE device_id = ? ORDER BY device_seq DESC LIMIT 1');
    this.insert = db.prepare(
      `INSERT INTO attendance_events (id, device_id, device_seq, child_id, kind, method, companion_id, credential_id,
         staff_id, occurred_at, occurred_ms, local_date, prev_hash, hash)
       VALUES (@id, @device_id, @device_seq, @child_id, @kind, @method, @companion_id, @credential_id,
         @staff_id, @occurred_at, @occurred_ms, @local_date, @prev_hash, @hash)`,
    );
    this.lastToday = db.prepare(
      `SELECT kind, occurred_at FROM attendance_events
        WHERE child_id = ? AND local_date = ?
        ORDER BY occurred_ms DESC, device_seq DESC LIMIT 1`,
    );
  }

  /** Appends the events in one transaction (one fsync): all are on disk when this returns, or none. */
  append(drafts: readonly EventDraft[], at: LocalTime): StoredEvent[] {
    return this.db
      .transaction(() => {
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
          this.insert.run(event);
          prev = event.hash;
          return event;
        });
      })
      .immediate();
  }

  /** The child's last arrival or departure on that local day, or null if none yet. */
  lastEventOn(childId: string, localDate: string): TodayState | null {
    const row = this.lastToday.get(childId, localDate);
    return row ? { kind: row.kind, occurredAt: row.occurred_at } : null;
  }

  verify(): ChainCheck {
    const rows = this.db
      .prepare<[string], StoredEvent>('SELECT * FROM attendance_events WHERE device_id = ? ORDER BY device_seq')
      .iterate(this.deviceId);
    return verifyChain(rows);
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
