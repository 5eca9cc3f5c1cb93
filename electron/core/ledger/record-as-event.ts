// A record as the city or a peer sends it (camelCase, zod-parsed) turned back into the row the kiosk keeps: the city's
// peers feed and another machine's peer log (another door's events), and the recovery of this kiosk's own chain after a
// restore, all store records this way.
import type { AttendanceRecord } from '../../../shared/sync/protocol.js';
import type { RecoveredEvent } from './recovered-events.js';

/** The fields the event's hash is computed over. */
export function chainedFieldsOf(r: AttendanceRecord): Omit<RecoveredEvent, 'hash' | 'clock_offset_ms'> {
  return {
    id: r.id,
    device_id: r.deviceId,
    device_seq: r.deviceSeq,
    child_id: r.childId,
    kind: r.kind,
    method: r.method,
    companion_id: r.companionId,
    credential_id: r.credentialId,
    staff_id: r.staffId,
    occurred_at: r.occurredAt,
    occurred_ms: r.occurredMs,
    local_date: r.localDate,
    prev_hash: r.prevHash,
  };
}

/** The whole row: the chained fields, the hash the record claims (checked by the caller) and its clock offset. */
export function storedEventOf(r: AttendanceRecord): RecoveredEvent {
  return { ...chainedFieldsOf(r), hash: r.hash, clock_offset_ms: r.clockOffsetMs };
}
