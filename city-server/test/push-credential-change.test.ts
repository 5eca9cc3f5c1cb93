// credential-change records over real HTTP: an enrolment or a revocation from one kiosk is kept once by id forever,
// changes the city's roster, and reaches every kiosk of the kindergarten in its roster delta; a card another live
// credential holds, an unknown companion, and a city that manages the cards itself are rejected with a reason.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PushReplySchema, RosterReplySchema, type CredentialChangeRecord, type PushResult, type RosterReply } from '../../shared/sync/protocol.js';
import { enrollDevice, headOf, startTestServer, type EnrolledDevice } from './fixtures.js';
import { call } from './http-client.js';

const AT = '2026-11-23T10:05:12.400+05:00';

function change(deviceId: string, fields: Partial<CredentialChangeRecord> = {}): CredentialChangeRecord {
  return {
    type: 'credential-change',
    id: randomUUID(),
    deviceId,
    credentialId: randomUUID(),
    // Елена (cp0002) in the demo roster; her own card is 4512346.
    companionId: 'cp0002',
    kind: 'rfid',
    value: '4512400',
    action: 'enrol',
    staffId: 'st0001',
    occurredAt: AT,
    occurredMs: Date.parse(AT),
    reason: null,
    ...fields,
  };
}

async function push(url: string, device: EnrolledDevice, records: unknown[]): Promise<PushResult[]> {
  const reply = await call(url, '/v1/records', { token: device.token, body: { deviceId: device.deviceId, records, chainHead: headOf([]) } });
  expect(reply.status).toBe(200);
  return PushReplySchema.parse(reply.json).results;
}

async function pull(url: string, device: EnrolledDevice, cursor?: string): Promise<RosterReply> {
  const reply = await call(url, `/v1/roster${cursor === undefined ? '' : `?cursor=${encodeURIComponent(cursor)}`}`, { token: device.token });
  expect(reply.status).toBe(200);
  return RosterReplySchema.parse(reply.json);
}

function deltaOf(reply: RosterReply) {
  if (reply.kind !== 'delta') throw new Error(`expected a delta, got a ${reply.kind}`);
  return reply.changes;
}

const reasonOf = (result: PushResult | undefined): string => (result?.status === 'rejected' ? result.reason : `not rejected: ${result?.status}`);

describe('credential-change records at the city', () => {
  it('enrol and revoke reach the roster delta of the other entrance, once each however often pushed', async () => {
    const server = await startTestServer();
    const door1 = await enrollDevice(server, 'Door 1');
    const door2 = await enrollDevice(server, 'Door 2');
    const start = (await pull(server.url, door2)).cursor;

    const enrol = change(door1.deviceId);
    expect(await push(server.url, door1, [enrol])).toEqual([{ id: enrol.id, status: 'accepted' }]);
    const afterEnrol = await pull(server.url, door2, start);
    expect(deltaOf(afterEnrol).upserts).toEqual({
      credentials: [{ id: enrol.credentialId, companionId: 'cp0002', kind: 'rfid', value: '4512400', version: 1, revokedAt: null }],
    });

    // The same record again, weeks later: a duplicate, and the roster does not change a second time.
    expect(await push(server.url, door1, [enrol])).toEqual([{ id: enrol.id, status: 'duplicate' }]);
    expect(deltaOf(await pull(server.url, door2, afterEnrol.cursor))).toEqual({ upserts: {}, removals: {} });

    const revoke = change(door1.deviceId, { credentialId: enrol.credentialId, action: 'revoke', reason: 'Lost the card', occurredAt: '2026-11-24T09:00:00.000+05:00' });
    expect(await push(server.url, door1, [revoke])).toEqual([{ id: revoke.id, status: 'accepted' }]);
    const afterRevoke = deltaOf(await pull(server.url, door2, afterEnrol.cursor));
    expect(afterRevoke.upserts.credentials).toEqual([expect.objectContaining({ id: enrol.credentialId, revokedAt: '2026-11-24T09:00:00.000+05:00' })]);
    expect(server.recordCount()).toBe(2);

    // A revoked number may come back, as a new credential.
    const again = change(door2.deviceId, { companionId: 'cp0003' });
    expect(await push(server.url, door2, [again])).toEqual([{ id: again.id, status: 'accepted' }]);
  });

  it('rejects a card another live credential holds, an unknown companion, a bad value and a credential it lacks or already has', async () => {
    const server = await startTestServer();
    const door = await enrollDevice(server);
    const taken = change(door.deviceId, { value: '4512345' });
    const nobody = change(door.deviceId, { companionId: 'cp9999' });
    const notCanonical = change(door.deviceId, { value: '0004512400' });
    const qrWrongValue = change(door.deviceId, { kind: 'qr', value: 'something-else' });
    const revokeUnknown = change(door.deviceId, { action: 'revoke', credentialId: 'cr09999', reason: 'Lost' });
    const revokeOthers = change(door.deviceId, { action: 'revoke', credentialId: 'cr00001', reason: 'Lost' });
    const reuseId = change(door.deviceId, { credentialId: 'cr00002', value: '4512401' });
    const results = await push(server.url, door, [taken, nobody, notCanonical, qrWrongValue, revokeUnknown, revokeOthers, reuseId]);
    expect(reasonOf(results[0])).toMatch(/card 4512345 is already held by live credential cr00001 of companion cp0001/);
    expect(reasonOf(results[1])).toMatch(/companion cp9999 is not in this kindergarten's roster/);
    expect(reasonOf(results[2])).toMatch(/not a canonical card number/);
    expect(reasonOf(results[3])).toMatch(/value must be its credential id/);
    expect(reasonOf(results[4])).toMatch(/credential cr09999 is not in this kindergarten's roster/);
    expect(reasonOf(results[5])).toMatch(/belongs to companion cp0001/);
    expect(reasonOf(results[6])).toMatch(/already in the roster/);
    expect(server.recordCount()).toBe(0);

    // Асқар's card 4512349 is revoked: its number is free for a new credential.
    const freed = change(door.deviceId, { value: '4512349' });
    expect(await push(server.url, door, [freed])).toEqual([{ id: freed.id, status: 'accepted' }]);
  });

  it('rejects every card change while the city manages the cards, and says so in the snapshot settings', async () => {
    const server = await startTestServer();
    const door = await enrollDevice(server);
    server.setCitySetting('cardsManagedBy', 'city');
    const snapshot = await pull(server.url, door);
    if (snapshot.kind !== 'snapshot') throw new Error('expected a snapshot');
    expect(snapshot.roster.settings).toEqual({ cardsManagedBy: 'city' });

    const enrol = change(door.deviceId);
    const revoke = change(door.deviceId, { action: 'revoke', credentialId: 'cr00002', value: '4512346', reason: 'Lost' });
    const results = await push(server.url, door, [enrol, revoke]);
    for (const result of results) expect(reasonOf(result)).toMatch(/the city manages this kindergarten's cards/);
    expect(deltaOf(await pull(server.url, door, snapshot.cursor))).toEqual({ upserts: {}, removals: {} });
  });
});
