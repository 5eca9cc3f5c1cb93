// Refused handshakes and pages leave rows in this machine's own trail (peer_refusals, docs/peers.md §3 "Audit"), through
// a running PeerServer on 127.0.0.1: a machine that was never paired, a removed member, a member's forged page, a
// member dialled at an address where another machine answers; thirty tries of one stranger are one row counted thirty.
import { createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { seededSigningKey } from '../ledger/testing/peer-log-kit.js';
import type { PeerServer } from './peer-server.js';
import { dialAs } from './testing/dial-as.js';
import { usePeerServers } from './testing/peer-server-kit.js';
import { addMember, groupMachine, GROUP, pairAll, waitFor, type GroupMachine } from './testing/peer-group-kit.js';

const A_ID = '0193a1f0-5c2e-7d41-8b6a-3f9e2d1c0a0a';
const B_ID = '0193a1f0-5c2e-7d41-8b6a-3f9e2d1c0a0b';
const C_ID = '0193a1f0-5c2e-7d41-8b6a-3f9e2d1c0a0c';
const F_ID = '0193a1f0-5c2e-7d41-8b6a-3f9e2d1c0a0f';
const STRANGER_ID = '0193a1f0-5c2e-7d41-8b6a-3f9e2d1c0a05';

const start = usePeerServers();
const serverOf = (m: GroupMachine): PeerServer => start(m).server;

type Row = { reason: string; remote_key: string; side: string; count: number };
const refusals = (db: Database): Row[] => db.prepare<[], Row>('SELECT reason, remote_key, side, count FROM peer_refusals ORDER BY id').all();

async function started(m: GroupMachine): Promise<{ server: PeerServer; port: number }> {
  const server = serverOf(m);
  await server.start();
  const port = server.listeningPort;
  if (port === null) throw new Error(`${m.deviceId} does not listen`);
  return { server, port };
}

describe('refusals the link audits', () => {
  it('an unknown key, a removed member and a forged page each leave one row', async () => {
    const a = await groupMachine(A_ID, 0x07);
    const b = await groupMachine(B_ID, 0x09);
    pairAll([a, b]);
    const fKey = seededSigningKey(0x0f);
    addMember(b.db, { db: b.db, deviceId: F_ID, signKey: fKey, port: 0 }, []);
    const { server, port } = await started(b);
    const bPub = createPublicKey(b.signKey);
    const knowsB = (id: string) => (id === B_ID ? { signPub: bPub, revoked: false } : null);

    const stranger = await dialAs(port, { deviceId: STRANGER_ID, groupId: GROUP, signKey: seededSigningKey(0x05), addrs: [] }, knowsB);
    expect(stranger).toMatchObject({ t: 'closed', code: 4004 });
    await waitFor('the stranger audited', () => refusals(b.db).length === 1);
    expect(refusals(b.db)).toEqual([{ reason: 'PEER_UNKNOWN', remote_key: STRANGER_ID, side: 'accepted', count: 1 }]);

    // A removed member: its key still pinned, its handshake refused.
    b.db.prepare("UPDATE peer_members SET revoked_at = '2026-11-21T08:00:00+05:00', accept_up_to_seq = 0 WHERE device_id = ?").run(A_ID);
    const removed = await dialAs(port, { deviceId: A_ID, groupId: GROUP, signKey: a.signKey, addrs: [] }, knowsB);
    expect(removed).toMatchObject({ t: 'closed', code: 4005 });
    await waitFor('the removed member audited', () => refusals(b.db).length === 2);
    expect(refusals(b.db)[1]).toEqual({ reason: 'PEER_REVOKED', remote_key: A_ID, side: 'accepted', count: 1 });

    // A member's page that does not verify: refused whole, the session closed, one row naming the member.
    const member = await dialAs(port, { deviceId: F_ID, groupId: GROUP, signKey: fKey, addrs: [] }, knowsB);
    if (member.t !== 'open') throw new Error('the member was not let in');
    const hash = 'ab'.repeat(32);
    const forged = {
      t: 'new',
      records: [{ deviceId: F_ID, seq: 1, kind: 'absence', id: '0196f3a2-7c1e-7b3a-9d4e-2f6a8b1c0d3e', hlc: '1795403523120-0000', base: null, prevHash: '0'.repeat(64), hash, contentHash: hash, body: '{}' }],
      heads: [{ deviceId: F_ID, seq: 1, hash, sig: Buffer.alloc(64, 1).toString('base64url') }],
    };
    const sealed = member.socket.channel.sealer.seal(JSON.stringify(forged));
    if (!sealed.ok) throw new Error('no frame');
    member.socket.ws.send(sealed.frame, { binary: true });
    expect(await member.socket.closed).toBe(4002);
    await waitFor('the forged page audited', () => refusals(b.db).length === 3);
    expect(refusals(b.db)[2]).toEqual({ reason: 'PEER_BAD_RECORD', remote_key: F_ID, side: 'page', count: 1 });
    expect(b.db.prepare('SELECT count(*) AS n FROM peer_log WHERE device_id = ?').get(F_ID)).toEqual({ n: 0 });

    // Thirty more tries of the stranger: the same row, counted (written by the stop's flush at the latest).
    for (let i = 0; i < 30; i += 1) await dialAs(port, { deviceId: STRANGER_ID, groupId: GROUP, signKey: seededSigningKey(0x05), addrs: [] }, knowsB);
    await server.stop();
    expect(refusals(b.db).map((r) => [r.reason, r.remote_key, r.count])).toEqual([
      ['PEER_UNKNOWN', STRANGER_ID, 31],
      ['PEER_REVOKED', A_ID, 1],
      ['PEER_BAD_RECORD', F_ID, 1],
    ]);
  });

  it('a member dialled where another machine answers leaves a row on the dialling side', async () => {
    const a = await groupMachine(A_ID, 0x07);
    const b = await groupMachine(B_ID, 0x09);
    const c = await groupMachine(C_ID, 0x0c);
    // C listens (it has a group of its own with B); A believes B is at C's port.
    pairAll([c, b], '0193a1f0-0000-7000-8000-0000000000cc');
    await started(c);
    pairAll([a]);
    addMember(a.db, { ...b, port: c.port });
    const ra = serverOf(a);
    await ra.start();
    await waitFor('A refused what answered at B’s address', () => refusals(a.db).length > 0, 5_000);
    expect(refusals(a.db)[0]).toMatchObject({ reason: 'PEER_OTHER_GROUP', remote_key: C_ID, side: 'dialled' });
  });
});
