// The canonical attendance event hash, written again from docs/sync-protocol.md ("The event hash") rather than
// imported from the kiosk: if the two implementations ever disagree, pushes are rejected and a test fails, instead
// of both sides quietly agreeing on a bug.
import { hash } from 'node:crypto';
import type { AttendanceRecord } from '../../../shared/sync/protocol.js';

export const GENESIS_HASH = '0'.repeat(64);
const DOMAIN_TAG = 'esik-event-v1';

/** SHA-256 (lowercase hex) of the UTF-8 JSON array [tag, id, deviceId, deviceSeq, childId, kind, method,
 * companionId, credentialId, staffId, occurredAt, occurredMs, localDate, prevHash]; nulls stay JSON null. */
export function attendanceRecordHash(record: Omit<AttendanceRecord, 'hash' | 'type' | 'clockOffsetMs'>): string {
  const canonical = JSON.stringify([
    DOMAIN_TAG,
    record.id,
    record.deviceId,
    record.deviceSeq,
    record.childId,
    record.kind,
    record.method,
    record.companionId,
    record.credentialId,
    record.staffId,
    record.occurredAt,
    record.occurredMs,
    record.localDate,
    record.prevHash,
  ]);
  return hash('sha256', canonical, 'hex');
}
