// Staff records (absences, corrections, headcounts, override reasons, closing resolutions): kept once by id
// forever, no hash or chain position, the pushing device's own only; peers return attendance records only.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PeersReplySchema, PushReplySchema, type PushResult, type SyncRecord } from '../../shared/sync/protocol.js';
import { enrollDevice, headOf, recordChain, startTestServer, type EnrolledDevice } from './fixtures.js';
import { call } from './http-client.js';

const AT = '2026-11-23T08:31:40.250+05:00';
const AT_MS = Date.parse(AT);

function staffRecords(deviceId: string, eventId: string): SyncRecord[] {
  return [
    { type: 'override-reason', id: randomUUID(), deviceId, eventId, reason: 'forgot-card', note: null, companionId: null, companionName: 'Соседка Галина', occurredAt: AT, occurredMs: AT_MS, localDate: '2026-11-23' },
    { type: 'absence', id: randomUUID(), deviceId, childId: 'ch0004', firstDate: '2026-11-23', lastDate: '2026-11-24', reason: 'sick', certificateNumber: null, certificateDate: null, note: null, staffId: 'st1', recordedAt: AT, recordedMs: AT_MS },
    { type: 'correction', id: randomUUID(), deviceId, targetType: 'attendance', targetId: eventId, staffId: 'st1', reason: 'Wrong child', occurredAt: AT, occurredMs: AT_MS },
    {
      type: 'headcount',
      id: randomUUID(),
      deviceId,
      localDate: '2026-11-23',
      takenAt: AT,
      takenMs: AT_MS,
      trigger: 'cut-off',
      staffId: null,
      groups: [{ groupId: 'g01', groupName: 'Балапан', present: 1, enrolled: 25, absent: 0, presentNames: ['Алиса Иванова'] }],
    },
    { type: 'closing-resolution', id: randomUUID(), deviceId, localDate: '2026-11-23', childId: 'ch0001', outcome: 'still-here', departureEventId: null, note: 'On the way', staffId: 'st1', occurredAt: AT, occurredMs: AT_MS },
    { type: 'certificate-check', id: randomUUID(), deviceId, localDate: '2026-11-23', childId: 'ch0002', absentDays: 6, outcome: 'missing', staffId: 'st1', occurredAt: AT, occurredMs: AT_MS },
  ];
}

async function push(url: string, device: EnrolledDevice, records: unknown[], chainHead: { deviceSeq: number; hash: string }) {
  const reply = await call(url, '/v1/records', { token: device.token, body: { deviceId: device.deviceId, records, chainHead } });
  expect(reply.status).toBe(200);
  return PushReplySchema.parse(reply.json);
}

const reasonOf = (result: PushResult | undefined): string => (result?.status === 'rejected' ? result.reason : `not rejected: ${result?.status}`);

describe('staff records at the city', () => {
  it('are accepted once each and answered duplicate forever, beside the chain without moving it', async () => {
    const server = await startTestServer({ now: () => new Date('2026-11-23T05:00:00Z') });
    const device = await enrollDevice(server);
    const chain = recordChain(device.deviceId, 2, { startMs: Date.parse('2026-11-23T08:00:00+05:00') });
    const staff = staffRecords(device.deviceId, chain[0]?.id ?? '');

    const first = await push(server.url, device, [...chain, ...staff], headOf(chain));
    expect(first.results).toEqual([...chain, ...staff].map((r) => ({ id: r.id, status: 'accepted' })));
    expect(first.chainHead).toEqual(headOf(chain));

    const again = await push(server.url, device, staff, headOf(chain));
    expect(again.results).toEqual(staff.map((r) => ({ id: r.id, status: 'duplicate' })));
    expect(again.chainHead).toEqual(headOf(chain));
    expect(server.recordCount()).toBe(8);
  });

  it("rejects another device's record, an unknown child and a known id with other content", async () => {
    const server = await startTestServer();
    const device = await enrollDevice(server);
    const other = await enrollDevice(server, 'Door 2');
    const [overrideReason, absence, , , closing, certificate] = staffRecords(device.deviceId, randomUUID());
    await push(server.url, device, [overrideReason], headOf([]));

    const { results } = await push(
      server.url,
      device,
      [{ ...absence, deviceId: other.deviceId }, { ...closing, childId: 'ch9999' }, { ...overrideReason, note: 'changed', reason: 'other' }, { ...certificate, childId: 'ch9998' }],
      headOf([]),
    );
    expect(reasonOf(results[0])).toMatch(/is not the pushing device/);
    expect(reasonOf(results[1])).toMatch(/child ch9999 is not in this kindergarten/);
    expect(reasonOf(results[2])).toMatch(/already held with another hash/);
    expect(reasonOf(results[3])).toMatch(/child ch9998 is not in this kindergarten/);
    expect(server.recordCount()).toBe(1);
  });

  it('are not returned to peers: a second entrance gets attendance records only', async () => {
    const server = await startTestServer({ now: () => new Date('2026-11-23T05:00:00Z') });
    const door1 = await enrollDevice(server, 'Door 1');
    const door2 = await enrollDevice(server, 'Door 2');
    const chain = recordChain(door2.deviceId, 1, { startMs: Date.parse('2026-11-23T08:00:00+05:00') });
    await push(server.url, door2, [...chain, ...staffRecords(door2.deviceId, chain[0]?.id ?? '')], headOf(chain));
    const peers = PeersReplySchema.parse((await call(server.url, '/v1/records/peers', { token: door1.token })).json);
    expect(peers.records).toEqual(chain);
  });
});
