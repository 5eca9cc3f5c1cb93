// The peer link as the worker runs it, between two real SQLite files with their own device keys on 127.0.0.1: the port
// stays shut with no member and no code; a tap at door A reaches door B's attendance_events through `new` within 2 s
// (the anti-entropy `have` pushed far out, so nothing else could bring it); B stopped, taps at A, B started again
// catches up through `have` and `pull`; the asks answer. Every wait is bounded.
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ledgerAppliers } from '../ledger/peer-apply.js';
import { staffAppliers } from '../staff/peer-apply.js';
import { defaultMachineName } from './machine-name.js';
import { eventCount, groupMachine, pairAll, tap, waitFor, GROUP } from './testing/peer-group-kit.js';
import { usePeerServers, type RunningServer } from './testing/peer-server-kit.js';

const A_ID = '0193a1f0-5c2e-7d41-8b6a-3f9e2d1c0a0a';
const B_ID = '0193a1f0-5c2e-7d41-8b6a-3f9e2d1c0a0b';
/** Far beyond any wait here: a record that arrives came by `new` or by the first `have`, never by a later one. */
const NO_ANTI_ENTROPY_MS = 10 * 60_000;

const serverOf = usePeerServers({
  appliers: { ...ledgerAppliers, ...staffAppliers },
  tuning: { haveEveryMs: NO_ANTI_ENTROPY_MS, membersEveryMs: 60_000, dialBackoff: { firstMs: 50, maxMs: 200 } },
});

function refusesConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

const connected = (r: RunningServer, deviceId: string) => () => r.server.status().members.some((m) => m.deviceId === deviceId && m.connected);

describe('the peer server', () => {
  it('does not listen with no member and no code, and listens once the group has another member', async () => {
    const a = await groupMachine(A_ID, 0x07);
    const b = await groupMachine(B_ID, 0x09);
    const ra = serverOf(a);
    await ra.server.start();
    expect(ra.server.listeningPort).toBeNull();
    expect(await refusesConnections(a.port)).toBe(true);
    const alone = ra.server.status();
    expect(alone).toMatchObject({ groupId: null, listening: null, pairingOpenUntilMs: null, forks: 0, waitingLong: 0 });
    expect(alone.members).toEqual([expect.objectContaining({ deviceId: A_ID, self: true })]);
    // Named before it has a group, as the group will first know it (its host name), not left blank.
    expect(alone.members[0]?.name).toBe(defaultMachineName());
    expect(alone.members[0]?.name).not.toBe('');

    pairAll([a, b]);
    await ra.server.refresh();
    expect(ra.server.listeningPort).toBe(a.port);
    expect(await refusesConnections(a.port)).toBe(false);
    const paired = ra.server.status();
    expect(paired.groupId).toBe(GROUP);
    expect(paired.listening).toEqual({ port: a.port, addresses: [`127.0.0.1:${a.port}`] });
    expect(paired.members.map((m) => [m.deviceId, m.self, m.address])).toEqual([
      [A_ID, true, `127.0.0.1:${a.port}`],
      [B_ID, false, `127.0.0.1:${b.port}`],
    ]);
  });

  it('brings a tap at door A into door B within 2 s through new', async () => {
    const a = await groupMachine(A_ID, 0x07);
    const b = await groupMachine(B_ID, 0x09);
    pairAll([a, b]);
    const ra = serverOf(a);
    const rb = serverOf(b);
    await Promise.all([ra.server.start(), rb.server.start()]);
    await waitFor('A and B connected', () => connected(ra, B_ID)() && connected(rb, A_ID)());
    // Both sides have told their have and found nothing to pull; from here only a `new` carries records.
    await new Promise((r) => setTimeout(r, 100));
    expect(eventCount(b.db, A_ID)).toBe(0);

    tap(a, ['ch0001', 'ch0002']);
    ra.server.newHead();
    const took = await waitFor("A's taps at B", () => eventCount(b.db, A_ID) === 2, 2_000);
    expect(took).toBeLessThan(2_000);
    const rows = (db: typeof a.db) => db.prepare('SELECT id, hash FROM attendance_events WHERE device_id = ? ORDER BY device_seq').all(A_ID);
    expect(rows(b.db)).toEqual(rows(a.db));
    expect(b.peers.haveVector()[A_ID]).toBe(a.peers.haveVector()[A_ID]);
    expect(rb.applied.flatMap((x) => x.children).sort()).toEqual(['ch0001', 'ch0002']);
    expect(rb.applied.flatMap((x) => x.kinds)).toContain('attendance');

    // A newHead with nothing new sends nothing; the next tap goes as well.
    ra.server.newHead();
    tap(a, ['ch0003'], '2026-11-23', '08:13');
    ra.server.newHead();
    await waitFor('the third tap at B', () => eventCount(b.db, A_ID) === 3, 2_000);
  });

  it("sends own rows that another connection of A wrote (the sync worker's city-acks), told by no new-head, within its next tick", async () => {
    const a = await groupMachine(A_ID, 0x07);
    const b = await groupMachine(B_ID, 0x09);
    pairAll([a, b]);
    const ra = serverOf(a, { tuning: { haveEveryMs: NO_ANTI_ENTROPY_MS, membersEveryMs: 200, dialBackoff: { firstMs: 50, maxMs: 200 } } });
    const rb = serverOf(b);
    await Promise.all([ra.server.start(), rb.server.start()]);
    await waitFor('A and B connected', () => connected(ra, B_ID)() && connected(rb, A_ID)());
    await new Promise((r) => setTimeout(r, 100));
    // Written on A's file with no new-head to A's worker, as the sync worker's connection appends its acks.
    tap(a, ['ch0001']);
    await waitFor("A's row at B", () => eventCount(b.db, A_ID) === 1, 2_000);
  });

  it('lets B, stopped while A records, catch up through have and pull when it starts again', async () => {
    const a = await groupMachine(A_ID, 0x07);
    const b = await groupMachine(B_ID, 0x09);
    pairAll([a, b]);
    const ra = serverOf(a);
    await ra.server.start();
    const children = Array.from({ length: 40 }, (_, i) => `ch${String(i + 1).padStart(4, '0')}`);
    for (const child of children) {
      tap(a, [child]);
      ra.server.newHead();
    }
    expect(eventCount(b.db, A_ID)).toBe(0);
    const rb = serverOf(b);
    await rb.server.start();
    await waitFor('B caught up', () => eventCount(b.db, A_ID) === children.length, 5_000);
    expect(b.peers.haveVector()[A_ID]).toBe(a.peers.haveVector()[A_ID]);

    // B goes away again (its link stops), A records more, B comes back on the same port.
    await rb.server.stop();
    tap(a, ['ch0100']);
    ra.server.newHead();
    const again = serverOf(b);
    await again.server.start();
    await waitFor('B caught up again', () => eventCount(b.db, A_ID) === children.length + 1, 5_000);
  });

  it('answers the asks: status; pairing not yet; an address typed for a member, refused for a stranger', async () => {
    const a = await groupMachine(A_ID, 0x07);
    const b = await groupMachine(B_ID, 0x09);
    pairAll([a, b]);
    const ra = serverOf(a);
    await ra.server.start();
    const status = await ra.server.ask({ t: 'ask', id: 1, op: 'status', args: {} });
    expect(status).toMatchObject({ ok: true, value: { groupId: GROUP } });
    expect(await ra.server.ask({ t: 'ask', id: 2, op: 'openPairing', args: { by: { staffId: 'staff-admin' } } })).toMatchObject({ ok: false, error: { code: 'PEER_LINK_OFF' } });
    expect(await ra.server.ask({ t: 'ask', id: 3, op: 'closePairing', args: {} })).toEqual({ ok: true, value: null });
    const join = { request: { address: '127.0.0.1:1', code: '7KQ4-M2XD-9RTB', name: 'Office', role: 'office' as const }, by: null };
    expect(await ra.server.ask({ t: 'ask', id: 4, op: 'join', args: join })).toMatchObject({ ok: false, error: { code: 'PEER_LINK_OFF' } });
    expect(await ra.server.ask({ t: 'ask', id: 5, op: 'setAddress', args: { deviceId: 'nobody', address: '10.0.0.9:47620', by: { staffId: 'staff-admin' } } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    });
    expect(await ra.server.ask({ t: 'ask', id: 6, op: 'setAddress', args: { deviceId: B_ID, address: '10.0.0.9:47620', by: { staffId: 'staff-admin' } } })).toEqual({ ok: true, value: null });
    expect(ra.server.status().members.find((m) => m.deviceId === B_ID)?.address).toBe('10.0.0.9:47620');
  });
});
