// Roster snapshot, deltas from the admin functions, the snapshot fallback; and today's records from peer kiosks.
import { describe, expect, it } from 'vitest';
import { demoRoster } from '../../electron/core/demo/demo-roster.js';
import { PeersReplySchema, RosterReplySchema, type RosterReply } from '../../shared/sync/protocol.js';
import { demoCityKey } from '../src/store/seed.js';
import { enrollDevice, recordChain, startTestServer, type EnrolledDevice } from './fixtures.js';
import { call } from './http-client.js';

async function pull(url: string, device: EnrolledDevice, cursor?: string): Promise<RosterReply> {
  const reply = await call(url, `/v1/roster${cursor === undefined ? '' : `?cursor=${encodeURIComponent(cursor)}`}`, { token: device.token });
  expect(reply.status).toBe(200);
  return RosterReplySchema.parse(reply.json);
}

describe('GET /v1/roster', () => {
  it('starts with a snapshot equal to the kiosk demo roster and the demo city key', async () => {
    const server = await startTestServer();
    const device = await enrollDevice(server);
    const reply = await pull(server.url, device);
    if (reply.kind !== 'snapshot') throw new Error('expected a snapshot');
    const { cityKeys, settings, ...roster } = reply.roster;
    expect(roster).toEqual(demoRoster());
    expect(cityKeys).toEqual([demoCityKey()]);
    expect(settings).toEqual({});
  });

  it('sends a delta after a revocation, a new child and a setting, then an empty delta', async () => {
    const server = await startTestServer({ now: () => new Date('2026-11-23T04:00:00.000Z') });
    const device = await enrollDevice(server);
    const first = await pull(server.url, device);
    server.revokeCredential('cr00001');
    server.upsertChild({ id: 'ch0999', groupId: 'g01', firstName: 'Әмина', lastName: 'Сейітова' });
    server.setCitySetting('cutoffTime', '09:30');
    server.removeRosterEntry('links', JSON.stringify(['cp0001', 'ch0001']));
    const delta = await pull(server.url, device, first.cursor);
    if (delta.kind !== 'delta') throw new Error('expected a delta');
    expect(delta.changes.upserts.credentials).toEqual([expect.objectContaining({ id: 'cr00001', revokedAt: '2026-11-23T04:00:00.000Z' })]);
    expect(delta.changes.upserts.children).toEqual([{ id: 'ch0999', groupId: 'g01', firstName: 'Әмина', lastName: 'Сейітова' }]);
    expect(delta.changes.removals.links).toEqual([{ companionId: 'cp0001', childId: 'ch0001' }]);
    expect(delta.changes.settings).toEqual({ cutoffTime: '09:30' });
    expect(Object.keys(delta.changes.upserts).sort()).toEqual(['children', 'credentials']);

    const quiet = await pull(server.url, device, delta.cursor);
    expect(quiet).toEqual({ kind: 'delta', cursor: delta.cursor, changes: { upserts: {}, removals: {} } });
  });

  it('falls back to a snapshot for a malformed, unknown, future or other-server cursor', async () => {
    const server = await startTestServer();
    const device = await enrollDevice(server);
    const { cursor } = await pull(server.url, device);
    const [epoch] = cursor.split('.');
    const other = await startTestServer();
    const otherDevice = await enrollDevice(other);
    const foreign = (await pull(other.url, otherDevice)).cursor;
    for (const bad of ['', 'garbage', `${epoch}.999`, foreign]) {
      expect((await pull(server.url, device, bad)).kind).toBe('snapshot');
    }
  });

  it('refuses to revoke a credential it does not have', async () => {
    const server = await startTestServer();
    expect(() => server.revokeCredential('nope')).toThrow(/no credentials entry nope/);
  });
});

describe('GET /v1/records/peers', () => {
  it("returns today's records of the kindergarten's other devices, after the cursor", async () => {
    // 10:00 in Almaty on 2026-11-23.
    const server = await startTestServer({ now: () => new Date('2026-11-23T05:00:00Z') });
    const door1 = await enrollDevice(server, 'Door 1');
    const door2 = await enrollDevice(server, 'Door 2');
    const today = recordChain(door2.deviceId, 2, { startMs: Date.parse('2026-11-23T08:00:00+05:00') });
    const yesterday = recordChain(door2.deviceId, 1, { startSeq: 3, startMs: Date.parse('2026-11-22T08:00:00+05:00') });
    const own = recordChain(door1.deviceId, 1);
    for (const record of [...today, ...yesterday, ...own]) server.insertPeerRecord(record);

    const first = PeersReplySchema.parse((await call(server.url, '/v1/records/peers', { token: door1.token })).json);
    expect(first.records).toEqual(today);
    const none = PeersReplySchema.parse((await call(server.url, `/v1/records/peers?since=${first.cursor}`, { token: door1.token })).json);
    expect(none.records).toEqual([]);

    const later = recordChain(door2.deviceId, 1, { startSeq: 4, prevHash: 'e'.repeat(64), startMs: Date.parse('2026-11-23T09:30:00+05:00') });
    for (const record of later) server.insertPeerRecord(record);
    const next = PeersReplySchema.parse((await call(server.url, `/v1/records/peers?since=${none.cursor}`, { token: door1.token })).json);
    expect(next.records).toEqual(later);
    // Door 2 sees Door 1's record, never its own.
    const fromDoor2 = PeersReplySchema.parse((await call(server.url, '/v1/records/peers', { token: door2.token })).json);
    expect(fromDoor2.records).toEqual(own);
  });
});
