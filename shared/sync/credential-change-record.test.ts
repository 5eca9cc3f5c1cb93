// The credential-change record's one rule across fields: an enrolment carries no reason (the kiosk's
// credential_changes table has the same CHECK), so the city never stores a reason nobody gave for a revocation.
import { describe, expect, it } from 'vitest';
import { CredentialChangeRecordSchema, SyncRecordSchema, type CredentialChangeRecord } from './protocol.js';

const enrol: CredentialChangeRecord = {
  type: 'credential-change',
  id: '0190d3a1-7c2e-7a4b-9f00-0123456789ab',
  deviceId: 'dev1',
  credentialId: 'cr1',
  companionId: 'cp0002',
  kind: 'rfid',
  value: '4512400',
  action: 'enrol',
  staffId: 'st0001',
  occurredAt: '2026-11-23T10:05:12.400+05:00',
  occurredMs: Date.parse('2026-11-23T10:05:12.400+05:00'),
  reason: null,
};

describe('CredentialChangeRecordSchema', () => {
  it('takes an enrolment without a reason and a revocation with or without one', () => {
    expect(CredentialChangeRecordSchema.safeParse(enrol).success).toBe(true);
    expect(CredentialChangeRecordSchema.safeParse({ ...enrol, action: 'revoke', reason: 'Lost' }).success).toBe(true);
    expect(CredentialChangeRecordSchema.safeParse({ ...enrol, action: 'revoke' }).success).toBe(true);
  });

  it('refuses an enrolment with a reason, also inside the record union the city parses', () => {
    const withReason = { ...enrol, reason: 'Lost' };
    const alone = CredentialChangeRecordSchema.safeParse(withReason);
    expect(alone.success ? [] : alone.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['reason', 'an enrolment has no reason']]);
    const inUnion = SyncRecordSchema.safeParse(withReason);
    expect(inUnion.success).toBe(false);
  });
});
