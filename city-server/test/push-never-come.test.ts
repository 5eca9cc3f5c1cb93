// A month's never-come count at the city: kept once by id like a staff record, and refused with a reason when it names
// a group or a child the kindergarten never had, counts a group twice, or gives a count its ids do not make.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PushReplySchema, type NeverComeCountRecord, type PushResult } from '../../shared/sync/protocol.js';
import { enrollDevice, headOf, startTestServer, type EnrolledDevice } from './fixtures.js';
import { call } from './http-client.js';

const AT = '2026-12-01T00:30:00.000+05:00';

function count(deviceId: string, groups: NeverComeCountRecord['groups']): NeverComeCountRecord {
  return { type: 'never-come-count', id: randomUUID(), deviceId, month: '2026-11', afterDays: 10, groups, occurredAt: AT, occurredMs: Date.parse(AT) };
}

async function push(url: string, device: EnrolledDevice, records: unknown[]) {
  const reply = await call(url, '/v1/records', { token: device.token, body: { deviceId: device.deviceId, records, chainHead: headOf([]) } });
  expect(reply.status).toBe(200);
  return PushReplySchema.parse(reply.json);
}

const reasonOf = (result: PushResult | undefined): string => (result?.status === 'rejected' ? result.reason : `not rejected: ${result?.status}`);

describe("a month's never-come count at the city", () => {
  it('is accepted once and answered duplicate after', async () => {
    const server = await startTestServer({ now: () => new Date('2026-11-30T20:00:00Z') });
    const device = await enrollDevice(server);
    const record = count(device.deviceId, [
      { groupId: 'g01', count: 2, childIds: ['ch0001', 'ch0002'] },
      { groupId: 'g02', count: 0, childIds: [] },
    ]);
    expect((await push(server.url, device, [record])).results).toEqual([{ id: record.id, status: 'accepted' }]);
    expect((await push(server.url, device, [record])).results).toEqual([{ id: record.id, status: 'duplicate' }]);
    expect(server.recordCount()).toBe(1);
  });

  it('is refused for an unknown group or child, a group counted twice, or a count its ids do not make', async () => {
    const server = await startTestServer({ now: () => new Date('2026-11-30T20:00:00Z') });
    const device = await enrollDevice(server);
    const { results } = await push(server.url, device, [
      count(device.deviceId, [{ groupId: 'g99', count: 0, childIds: [] }]),
      count(device.deviceId, [{ groupId: 'g01', count: 1, childIds: ['ch9999'] }]),
      count(device.deviceId, [
        { groupId: 'g01', count: 0, childIds: [] },
        { groupId: 'g01', count: 0, childIds: [] },
      ]),
      count(device.deviceId, [{ groupId: 'g01', count: 3, childIds: ['ch0001'] }]),
    ]);
    expect(results.map(reasonOf)).toEqual([
      'group g99 is not in this kindergarten',
      'child ch9999 is not in this kindergarten',
      'group g01 is counted twice',
      'group g01 counts 3 but names 1 children',
    ]);
    expect(server.recordCount()).toBe(0);
  });
});
