// roster-change records over real HTTP: a kindergarten that keeps its own roster adds a group, a child and a companion's
// rights at one kiosk, and the other entrance gets them in its roster delta; a child who leaves takes their rights with
// them; a record naming what the roster lacks is rejected with a reason; and where the city keeps the roster every
// hand edit is rejected.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { RosterChange } from '../../shared/domain/roster-change.js';
import { PushReplySchema, RosterReplySchema, type PushResult, type RosterChangeRecord, type RosterReply } from '../../shared/sync/protocol.js';
import { enrollDevice, headOf, recordChain, startTestServer, type EnrolledDevice } from './fixtures.js';
import { call } from './http-client.js';

const AT = '2026-12-10T08:05:12.400+05:00';

function rosterChange(deviceId: string, change: RosterChange): RosterChangeRecord {
  return { type: 'roster-change', id: randomUUID(), deviceId, staffId: 'st0001', source: 'console', occurredAt: AT, occurredMs: Date.parse(AT), change };
}

async function push(url: string, device: EnrolledDevice, records: unknown[], chainHead = headOf([])): Promise<PushResult[]> {
  const reply = await call(url, '/v1/records', { token: device.token, body: { deviceId: device.deviceId, records, chainHead } });
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

const GROUP = { id: 'g-new', name: 'Күншуақ', sortOrder: 9 };
const CHILD = { id: 'ch-new', groupId: 'g-new', firstName: 'Ару', lastName: 'Омарова' };
// Елена (cp0002) in the demo roster.
const LINK = { companionId: 'cp0002', childId: 'ch-new', mayBring: false, mayCollect: true, blocked: false };

describe('roster-change records at the city', () => {
  it("reach the other entrance's roster delta where the kindergarten keeps its roster, with a child's own records in the same push", async () => {
    const server = await startTestServer();
    server.setCitySetting('rosterManagedBy', 'kindergarten');
    const door1 = await enrollDevice(server, 'Door 1');
    const door2 = await enrollDevice(server, 'Door 2');
    const start = (await pull(server.url, door2)).cursor;

    const changes = [
      rosterChange(door1.deviceId, { kind: 'group', group: GROUP }),
      rosterChange(door1.deviceId, { kind: 'child', child: CHILD, joinedOn: '2026-12-10' }),
      rosterChange(door1.deviceId, { kind: 'link', link: LINK }),
    ];
    // The new child's first arrival travels in the same push, after the change that added her.
    const [arrival] = recordChain(door1.deviceId, 1, { childIds: ['ch-new'] });
    if (!arrival) throw new Error('no record');
    const results = await push(server.url, door1, [...changes, arrival], headOf([arrival]));
    expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted', 'accepted']);
    const again = await pull(server.url, door2, start);
    expect(deltaOf(again).upserts).toEqual({ groups: [GROUP], children: [CHILD], links: [LINK] });
    // Pushed again: the same ids are duplicates, the roster does not move.
    expect((await push(server.url, door1, changes)).map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    expect(deltaOf(await pull(server.url, door2, again.cursor)).upserts).toEqual({});

    const left = rosterChange(door1.deviceId, { kind: 'child-left', childId: 'ch-new', lastDay: '2026-12-20' });
    expect(await push(server.url, door1, [left])).toEqual([{ id: left.id, status: 'accepted' }]);
    expect(deltaOf(await pull(server.url, door2, again.cursor)).removals).toEqual({
      children: ['ch-new'],
      links: [{ companionId: 'cp0002', childId: 'ch-new' }],
    });
    await server.close();
  });

  it('rejects what the roster lacks, a group that still has children, and every hand edit where the city keeps the roster', async () => {
    const server = await startTestServer();
    server.setCitySetting('rosterManagedBy', 'kindergarten');
    const door = await enrollDevice(server);
    const snapshot = await pull(server.url, door);
    if (snapshot.kind !== 'snapshot') throw new Error('expected a snapshot');
    const busyGroup = snapshot.roster.children[0]?.groupId ?? '';

    const results = await push(server.url, door, [
      rosterChange(door.deviceId, { kind: 'child', child: { ...CHILD, groupId: 'g-none' } }),
      rosterChange(door.deviceId, { kind: 'link', link: { ...LINK, companionId: 'cp-none' } }),
      rosterChange(door.deviceId, { kind: 'link', link: { ...LINK, childId: 'ch-none' } }),
      rosterChange(door.deviceId, { kind: 'group-closed', groupId: busyGroup }),
    ]);
    expect(results.map(reasonOf)).toEqual([
      "group g-none is not in this kindergarten's roster",
      "companion cp-none is not in this kindergarten's roster",
      "child ch-none is not in this kindergarten's roster",
      `group ${busyGroup} still has children`,
    ]);

    server.setCitySetting('rosterManagedBy', 'city');
    const refused = await push(server.url, door, [rosterChange(door.deviceId, { kind: 'group', group: GROUP })]);
    expect(reasonOf(refused[0])).toMatch(/the city keeps this kindergarten's roster/);
    await server.close();
  });
});
