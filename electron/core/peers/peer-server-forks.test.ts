// Forks are kept in the database (peer_forks), not only in the worker's memory: a member's signed row at a place this
// machine holds with another hash, brought by a session, is refused and counted once per origin and seq; the status
// says so after a restart of the link, and the same fork brought again is still one.
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ledgerAppliers } from '../ledger/peer-apply.js';
import { importPage } from './record-import.js';
import { headsOf } from './peer-session.js';
import type { PeerServer } from './peer-server.js';
import { dialAs } from './testing/dial-as.js';
import { usePeerServers } from './testing/peer-server-kit.js';
import { addMember, groupMachine, GROUP, pairAll, waitFor, type GroupMachine } from './testing/peer-group-kit.js';
import { addAbsence, sessionMachine, type SessionMachine } from './testing/session-kit.js';
import { createPublicKey } from 'node:crypto';
import { jsonOf } from './channel/text-frame.js';

const A_ID = '0193a1f0-5c2e-7d41-8b6a-3f9e2d1c0a0a';
const B_ID = '0193a1f0-5c2e-7d41-8b6a-3f9e2d1c0a0b';
const F_ID = '0193a1f0-5c2e-7d41-8b6a-3f9e2d1c0a0f';

const start = usePeerServers();
const serverOf = (m: GroupMachine): PeerServer => start(m).server;

/** F's other copy (the same key and id, another history) answers B's pull with its own rows from seq 1: a fork. */
async function bringFork(port: number, b: GroupMachine, other: SessionMachine): Promise<number> {
  const bPub = createPublicKey(b.signKey);
  const dialed = await dialAs(port, { ...other.own, groupId: GROUP, addrs: [] }, (id) => (id === B_ID ? { signPub: bPub, revoked: false } : null));
  if (dialed.t !== 'open') throw new Error(`F was not let in: ${dialed.code}`);
  const { ws, channel, closed, onText } = dialed.socket;
  const send = (message: unknown): void => {
    const sealed = channel.sealer.seal(JSON.stringify(message));
    if (sealed.ok) ws.send(sealed.frame, { binary: true });
  };
  onText((text) => {
    const message = jsonOf(text);
    if (typeof message !== 'object' || message === null || !('t' in message) || message.t !== 'pull' || !('id' in message)) return;
    const records = other.log.page({}, 10);
    send({ t: 'records', id: message.id, records, heads: headsOf(other.log, records), more: false, archived: [] });
  });
  send({ t: 'have', vector: other.log.haveVector(), hlc: other.log.hlc.now(), addrs: [] });
  return closed;
}

const forkRows = (db: Database) => db.prepare('SELECT device_id, seq, from_device FROM peer_forks').all();

describe('forks in the database', () => {
  it('counts a fork once per origin and seq, and still after a restart of the link', async () => {
    const a = await groupMachine(A_ID, 0x07);
    const b = await groupMachine(B_ID, 0x09);
    pairAll([a, b]);
    const f = sessionMachine(F_ID, 0x0f);
    const fork = sessionMachine(F_ID, 0x0f);
    addMember(b.db, { db: b.db, deviceId: F_ID, signKey: f.own.signKey, port: 0 }, []);
    // B holds F's first row; F's other copy made another first row and a second after it.
    addAbsence(f, '0196f3a2-7c1e-7b3a-9d4e-2f6a8b1c0001');
    addAbsence(fork, '0196f3a2-7c1e-7b3a-9d4e-2f6a8b1c0002');
    addAbsence(fork, '0196f3a2-7c1e-7b3a-9d4e-2f6a8b1c0003');
    const held = f.log.page({}, 10);
    expect(importPage(b.db, { records: held, heads: headsOf(f.log, held) }, { ownDeviceId: B_ID, appliers: ledgerAppliers, nowMs: () => Date.now() })).toMatchObject({ ok: true });

    const server = serverOf(b);
    await server.start();
    const port = server.listeningPort;
    if (port === null) throw new Error('B does not listen');
    expect(server.status().forks).toBe(0);
    expect(await bringFork(port, b, fork)).toBe(4002);
    await waitFor('the fork counted', () => server.status().forks === 1);
    expect(forkRows(b.db)).toEqual([{ device_id: F_ID, seq: 1, from_device: F_ID }]);

    // The same fork again: still one.
    expect(await bringFork(port, b, fork)).toBe(4002);
    expect(server.status().forks).toBe(1);

    // The link restarted (the worker's memory gone): the status still says so.
    await server.stop();
    const again = serverOf(b);
    await again.start();
    expect(again.status().forks).toBe(1);
  });
});
