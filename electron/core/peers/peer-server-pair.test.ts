// One session per pair (docs/peers.md §5): both machines of a pair dial each other, so two connections may come up at
// once. The rule: of two live sessions with one peer, the one dialled by the lower device id is kept, and a dialer does
// not dial while a session with its peer is live. Two real PeerServers on 127.0.0.1 that dial each other end with one
// session each way, the same connection, counted once; a tap still goes through it; a restart ends the same way.
import { describe, expect, it } from 'vitest';
import type { PeerServer } from './peer-server.js';
import { addMember, eventCount, groupMachine, pairAll, tap, waitFor, type GroupMachine } from './testing/peer-group-kit.js';
import { usePeerServers } from './testing/peer-server-kit.js';

const LOW_ID = '0193a1f0-5c2e-7d41-8b6a-3f9e2d1c0a0a';
const HIGH_ID = '0193a1f0-5c2e-7d41-8b6a-3f9e2d1c0a0b';

const start = usePeerServers({
  // Retries within tens of ms: both sides dial again and again, the case the rule must settle.
  tuning: { membersEveryMs: 60_000, dialBackoff: { firstMs: 10, maxMs: 40 } },
});
const serverOf = (m: GroupMachine): PeerServer => start(m).server;

const one = (s: PeerServer, peer: string, dialled: boolean) => () => {
  const open = s.sessionsWith(peer);
  return open.length === 1 && open[0]?.dialled === dialled;
};

describe('one session per pair', () => {
  it('two servers that dial each other end with one session each way, the lower id’s dial, counted once', async () => {
    const low = await groupMachine(LOW_ID, 0x07);
    const high = await groupMachine(HIGH_ID, 0x09);
    pairAll([low, high]);
    const rl = serverOf(low);
    const rh = serverOf(high);
    await Promise.all([rl.start(), rh.start()]);
    await waitFor('one session each way, dialled by the lower id', () => one(rl, HIGH_ID, true)() && one(rh, LOW_ID, false)(), 5_000);
    // It stays so: the higher id's dialer waits while the session is live (several of its retry periods pass).
    await new Promise((r) => setTimeout(r, 300));
    expect(rl.sessionsWith(HIGH_ID)).toEqual([{ dialled: true }]);
    expect(rh.sessionsWith(LOW_ID)).toEqual([{ dialled: false }]);
    expect(rl.status().members.filter((m) => m.connected).map((m) => m.deviceId)).toEqual([HIGH_ID]);

    tap(high, ['ch0001']);
    rh.newHead();
    await waitFor("the higher id's tap at the lower", () => eventCount(low.db, HIGH_ID) === 1, 5_000);

    // The lower id's link restarts: the pair settles again on one session.
    await rl.stop();
    await waitFor('the higher id sees the link gone', () => rh.sessionsWith(LOW_ID).length === 0, 5_000);
    const again = serverOf(low);
    await again.start();
    await waitFor('one session again', () => one(again, HIGH_ID, true)() && one(rh, LOW_ID, false)(), 5_000);
  });

  it('keeps the higher id’s dial when the lower id cannot reach it', async () => {
    const low = await groupMachine(LOW_ID, 0x07);
    const high = await groupMachine(HIGH_ID, 0x09);
    // The lower id knows the higher at an address where nothing listens: only the higher id's dial can connect.
    pairAll([low]);
    addMember(low.db, { ...high, port: 1 });
    pairAll([high]);
    addMember(high.db, low);
    const rl = serverOf(low);
    const rh = serverOf(high);
    await Promise.all([rl.start(), rh.start()]);
    await waitFor('the higher id’s dial kept', () => one(rl, HIGH_ID, false)() && one(rh, LOW_ID, true)(), 5_000);
    await new Promise((r) => setTimeout(r, 200));
    expect(rh.sessionsWith(LOW_ID)).toEqual([{ dialled: true }]);
  });
});
