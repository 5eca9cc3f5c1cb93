import { describe, expect, it } from 'vitest';
import { attendanceRecordHash, GENESIS_HASH } from '../src/records/event-hash.js';

// The vector is in docs/sync-protocol.md; it was produced by the kiosk's own eventHash
// (electron/core/ledger/event-chain.ts), which this server deliberately does not import.
const vector = {
  id: '0196f3a2-7c1e-7b3a-9d4e-2f6a8b1c0d3e',
  deviceId: 'dev-door-1',
  deviceSeq: 1,
  childId: 'ch0001',
  kind: 'arrival',
  method: 'rfid',
  companionId: 'cp0001',
  credentialId: 'cr00001',
  staffId: null,
  occurredAt: '2026-11-23T08:12:03.120+05:00',
  occurredMs: 1795403523120,
  localDate: '2026-11-23',
  prevHash: GENESIS_HASH,
} as const;

describe('the canonical event hash, written independently of the kiosk', () => {
  it('matches the kiosk on the documented vector', () => {
    expect(attendanceRecordHash(vector)).toBe('e19e690382a963088061c7b2c9048e2d69ed474a1f367c564d1de7697767a351');
  });

  it('changes with every covered field, including null versus a value', () => {
    const base = attendanceRecordHash(vector);
    expect(attendanceRecordHash({ ...vector, deviceSeq: 2 })).not.toBe(base);
    expect(attendanceRecordHash({ ...vector, staffId: 'staff-admin' })).not.toBe(base);
    expect(attendanceRecordHash({ ...vector, occurredMs: vector.occurredMs + 1 })).not.toBe(base);
    expect(attendanceRecordHash({ ...vector, prevHash: 'f'.repeat(64) })).not.toBe(base);
  });
});
