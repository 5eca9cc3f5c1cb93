// The peer worker answers the console's status every few seconds and reads the group again at every look: once warm,
// neither compiles SQL (db/statement-cache.ts: a statement compiled each time is native memory waiting for V8's next
// collection, minutes away on an idle kiosk).
import { describe, expect, it } from 'vitest';
import { ledgerAppliers } from '../ledger/peer-apply.js';
import { staffAppliers } from '../staff/peer-apply.js';
import { sqlCompiledDuring } from '../testing/compiled-sql.js';
import { PeerMembersRead } from './peer-members-read.js';
import { GROUP, groupMachine, pairAll } from './testing/peer-group-kit.js';
import { usePeerServers } from './testing/peer-server-kit.js';

const A_ID = '0193a1f0-5c2e-7d41-8b6a-3f9e2d1c0a0a';
const B_ID = '0193a1f0-5c2e-7d41-8b6a-3f9e2d1c0a0b';

const serverOf = usePeerServers({ appliers: { ...ledgerAppliers, ...staffAppliers }, tuning: { haveEveryMs: 60_000, membersEveryMs: 60_000 } });

describe("the peer worker's status and group reads", () => {
  it('compile no SQL once warm', async () => {
    const a = await groupMachine(A_ID, 0x07);
    const b = await groupMachine(B_ID, 0x09);
    pairAll([a, b]);
    const ra = serverOf(a);
    await ra.server.start();
    const read = new PeerMembersRead(a.db, A_ID);
    const look = (): void => {
      expect(ra.server.status().members.map((m) => m.deviceId)).toEqual([A_ID, B_ID]);
      expect([read.groupId(), read.others().length, read.self()?.role, read.waitingSince(Date.now())]).toEqual([GROUP, 1, 'door', 0]);
    };
    look();
    expect(sqlCompiledDuring(a.db, () => Array.from({ length: 10 }, look))).toEqual([]);
  });
});
