// How a stored attendance event becomes the protocol record the city receives. The JSON written to the outbox is
// built here once, in the event's own transaction, and never rebuilt: a retry sends the very same bytes.
import type { EventKind, EventMethod } from '../../../shared/domain/attendance.js';
import type { AttendanceRecord, LateEntry } from '../../../shared/sync/protocol.js';
import type { StoredEvent } from './attendance-log.js';

/** A stored event whose kind and method are known to be the protocol's (as every event the log writes is). */
export type TypedEvent = Omit<StoredEvent, 'kind' | 'method'> & { kind: EventKind; method: EventMethod };

/** `lateEntry`: set only on an event entered after the day it describes (a paper-list day, issue 16 §7). */
export function attendanceRecordOf(e: TypedEvent, clockOffsetMs: number | null, lateEntry: LateEntry | null = null): AttendanceRecord {
  // The field order is the protocol's (protocol.ts), so the body reads the same in logs on both sides.
  const record: AttendanceRecord = {
    type: 'attendance',
    id: e.id,
    deviceId: e.device_id,
    deviceSeq: e.device_seq,
    childId: e.child_id,
    kind: e.kind,
    method: e.method,
    companionId: e.companion_id,
    credentialId: e.credential_id,
    staffId: e.staff_id,
    occurredAt: e.occurred_at,
    occurredMs: e.occurred_ms,
    localDate: e.local_date,
    prevHash: e.prev_hash,
    hash: e.hash,
    clockOffsetMs,
  };
  return lateEntry === null ? record : { ...record, lateEntry };
}
