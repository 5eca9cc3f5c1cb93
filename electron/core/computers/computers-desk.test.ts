// The Computers page's and the first-run join's requests through KioskApi on a real core and data folder, with a
// stand-in for the peer link: who may ask (a staff session refused, the PIN again and its wrong tries counted), what is
// handed to the link, what is on record, and the join only while the first run is open.
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { PeersStatusSchema } from '../../../shared/peers/peers-contract.js';
import { KioskCore } from '../kiosk-core.js';
import { manualClock, tempDataDir } from '../testing/fixtures.js';
import { firstAdmin, readyOf, SETUP_MORNING, value } from '../setup/testing/setup-kit.js';
import { STAND_IN_DEVICE, STAND_IN_MEMBER, StandInPeerControl } from './testing/stand-in-peer-control.js';

function start(demo: boolean, control: StandInPeerControl | null, dataDir = tempDataDir()): KioskCore {
  const core = new KioskCore({ dataDir, demo, clock: manualClock(SETUP_MORNING), log: () => undefined, cityPullIntervalMs: 0, ...(control ? { peerControl: control } : {}) });
  onTestFinished(async () => {
    core.close();
    await core.closed();
  });
  return core;
}

function standIn(): StandInPeerControl {
  return new StandInPeerControl(() => Date.parse(SETUP_MORNING));
}

async function signIn(core: KioskCore, staffId: string, pin: string): Promise<string> {
  const signedIn = value(await core.handlers.staffSignIn({ who: { kind: 'staff', staffId }, pin }));
  if (signedIn.outcome !== 'signed-in') throw new Error(`${staffId} could not sign in`);
  return signedIn.session.sessionId;
}

function rows<T>(core: KioskCore, sql: string): T[] {
  const db = new BetterSqlite3(core.databasePath, { readonly: true });
  try {
    return db.prepare<[], T>(sql).all();
  } finally {
    db.close();
  }
}

const revokedAudit = (core: KioskCore) => rows<{ staff_id: string; detail: string }>(core, "SELECT staff_id, detail FROM admin_audit WHERE action = 'peer-revoked'");

describe('the Computers page', () => {
  it('is for admins only, and says the link is off when none runs', async () => {
    const control = standIn();
    const core = start(true, control);
    const nurse = await signIn(core, 'staff-nurse', '1357');
    expect(await core.handlers.peersStatus({ sessionId: nurse })).toMatchObject({ ok: false, error: { code: 'STAFF_FORBIDDEN' } });
    expect(await core.handlers.peerPairingOpen({ sessionId: nurse, pin: '1357' })).toMatchObject({ ok: false, error: { code: 'STAFF_FORBIDDEN' } });
    expect(await core.handlers.peerRevoke({ sessionId: nurse, pin: '1357', deviceId: STAND_IN_MEMBER, reason: 'x' })).toMatchObject({ ok: false, error: { code: 'STAFF_FORBIDDEN' } });
    expect(await core.handlers.peerAddressSet({ sessionId: nurse, deviceId: STAND_IN_MEMBER, address: '192.168.1.5' })).toMatchObject({ ok: false, error: { code: 'STAFF_FORBIDDEN' } });
    expect(control.calls).toEqual([]);
    const admin = await signIn(core, 'staff-admin', '2468');
    expect(value(await core.handlers.peersStatus({ sessionId: admin })).members[0]).toMatchObject({ deviceId: STAND_IN_DEVICE, self: true });

    const off = start(true, null);
    const offAdmin = await signIn(off, 'staff-admin', '2468');
    expect(await off.handlers.peersStatus({ sessionId: offAdmin })).toMatchObject({ ok: false, error: { code: 'PEER_LINK_OFF' } });
    expect(await off.handlers.peerPairingOpen({ sessionId: offAdmin, pin: '2468' })).toMatchObject({ ok: false, error: { code: 'PEER_LINK_OFF' } });
  });

  it('answers the link\'s refusals with its status, the newest twenty first, as the result\'s schema takes them', async () => {
    const core = start(true, standIn());
    const admin = await signIn(core, 'staff-admin', '2468');
    expect(value(await core.handlers.peersStatus({ sessionId: admin })).refusals).toEqual([]);
    // Rows as the peer worker's audit leaves them (one reason and remote an hour), written on another connection.
    const db = new BetterSqlite3(core.databasePath);
    const insert = db.prepare(
      `INSERT INTO peer_refusals (window_ms, reason, remote_key, side, remote, first_ms, last_ms, count, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'detail never shown')`,
    );
    for (let i = 0; i < 25; i++) insert.run(i * 3_600_000, i % 2 === 0 ? 'PEER_UNKNOWN' : 'PEER_REVOKED', `dev-${i}`, i % 3 === 0 ? 'dialled' : 'accepted', `10.0.0.${i}:4000`, i * 3_600_000, i * 3_600_000 + 5, i + 1);
    db.close();
    const refusals = value(await core.handlers.peersStatus({ sessionId: admin })).refusals;
    expect(refusals).toHaveLength(20);
    expect(refusals.map((r) => r.remoteKey)).toEqual(Array.from({ length: 20 }, (_, i) => `dev-${24 - i}`));
    expect(refusals[0]).toEqual({ lastMs: 24 * 3_600_000 + 5, reason: 'PEER_UNKNOWN', side: 'dialled', remoteKey: 'dev-24', remote: '10.0.0.24:4000', count: 25 });
    expect(PeersStatusSchema.safeParse(value(await core.handlers.peersStatus({ sessionId: admin }))).success).toBe(true);
  });

  it('says a computer in service with no group may join another\'s, and neither one in a group nor the kiosk\'s demo may', async () => {
    const control = standIn();
    const core = start(false, control);
    const sessionId = await firstAdmin(core);
    expect(value(await core.handlers.peersStatus({ sessionId })).joinable).toBe(true);
    control.current = { ...control.current, groupId: '0193a0a0-0000-7000-8000-00000000a001' };
    expect(value(await core.handlers.peersStatus({ sessionId })).joinable).toBe(false);
    const demo = start(true, standIn());
    expect(value(await demo.handlers.peersStatus({ sessionId: await signIn(demo, 'staff-admin', '2468') })).joinable).toBe(false);
  });

  it('opens a code only after the admin\'s PIN again, a wrong one counted as at a sign-in', async () => {
    const control = standIn();
    const core = start(true, control);
    const admin = await signIn(core, 'staff-admin', '2468');
    const first = value(await core.handlers.peerPairingOpen({ sessionId: admin, pin: '1111' }));
    const second = value(await core.handlers.peerPairingOpen({ sessionId: admin, pin: '1112' }));
    expect(first).toMatchObject({ outcome: 'wrong-pin' });
    expect(second).toMatchObject({ outcome: 'wrong-pin' });
    if (first.outcome !== 'wrong-pin' || second.outcome !== 'wrong-pin') throw new Error('unreachable');
    expect(second.attemptsLeft).toBe(first.attemptsLeft - 1);
    expect(control.calls).toEqual([]);
    const opened = value(await core.handlers.peerPairingOpen({ sessionId: admin, pin: '2468' }));
    expect(opened).toMatchObject({ outcome: 'opened', opened: { code: '7KQ4M2XD9RTB', addresses: ['192.168.1.23:47620'] } });
    expect(control.calls).toEqual([{ call: 'openPairing', by: { staffId: 'staff-admin' } }]);
    expect(value(await core.handlers.peerPairingClose({ sessionId: admin }))).toEqual({});
    expect(control.calls.at(-1)).toEqual({ call: 'closePairing' });
  });

  it('removes a member with the PIN again and a reason, on record as peer-revoked; nothing for a wrong PIN or no such member', async () => {
    const control = standIn();
    control.current = {
      ...control.current,
      members: [
        ...control.current.members,
        { deviceId: STAND_IN_MEMBER, name: 'Door 1', role: 'door', self: false, revoked: false, address: '192.168.1.40:47620', connected: true, lastSeenMs: 1, heldSeq: 12, keptAfterRemoval: 0 },
      ],
    };
    const core = start(true, control);
    const admin = await signIn(core, 'staff-admin', '2468');
    expect(value(await core.handlers.peerRevoke({ sessionId: admin, pin: '1111', deviceId: STAND_IN_MEMBER, reason: 'stolen' }))).toMatchObject({ outcome: 'wrong-pin' });
    expect(control.calls).toEqual([]);
    expect(await core.handlers.peerRevoke({ sessionId: admin, pin: '2468', deviceId: STAND_IN_DEVICE, reason: 'itself' })).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(revokedAudit(core)).toEqual([]);
    expect(value(await core.handlers.peerRevoke({ sessionId: admin, pin: '2468', deviceId: STAND_IN_MEMBER, reason: '  stolen from the hall  ' }))).toEqual({ outcome: 'revoked' });
    expect(control.calls.at(-1)).toEqual({ call: 'revoke', deviceId: STAND_IN_MEMBER, reason: 'stolen from the hall', by: { staffId: 'staff-admin' } });
    expect(revokedAudit(core).map((r) => [r.staff_id, JSON.parse(r.detail) as unknown])).toEqual([['staff-admin', { deviceId: STAND_IN_MEMBER, reason: 'stolen from the hall' }]]);
  });

  it('takes an address typed by hand, with the peer port when none is typed, and refuses what is no address', async () => {
    const control = standIn();
    const core = start(true, control);
    const admin = await signIn(core, 'staff-admin', '2468');
    expect(value(await core.handlers.peerAddressSet({ sessionId: admin, deviceId: STAND_IN_MEMBER, address: ' 192.168.1.40 ' }))).toEqual({});
    expect(control.calls).toEqual([{ call: 'setAddress', deviceId: STAND_IN_MEMBER, address: '192.168.1.40:47620', by: { staffId: 'staff-admin' } }]);
    for (const address of ['http://192.168.1.40', '192.168.1.400', 'door one', '192.168.1.40:99999']) {
      expect(await core.handlers.peerAddressSet({ sessionId: admin, deviceId: STAND_IN_MEMBER, address }), address).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    }
    expect(control.calls).toHaveLength(1);
  });
});

describe('the first-run join', () => {
  const request = { address: '192.168.1.23', code: ' 7KQ4-M2XD-9RTB ', name: 'Кеңсе' };

  it('joins before the first admin exists, with the role chosen, and the setup goes on with the kindergarten joined', async () => {
    const control = standIn();
    const core = start(false, control);
    value(core.handlers.setupSetRole({ machineRole: 'office' }));
    const joined = value(await core.handlers.setupPeerJoin(request));
    expect(joined.kindergarten.name).toBe('Балабақша «Күншуақ»');
    expect(control.calls).toEqual([{ call: 'join', request: { address: '192.168.1.23:47620', code: '7KQ4-M2XD-9RTB', name: 'Кеңсе', role: 'office' }, by: null }]);
    expect(readyOf(core)).toMatchObject({ kindergartenName: 'Балабақша «Күншуақ»', setup: true });
    const view = value(core.handlers.setupStatus({}));
    expect(view).toMatchObject({ needed: true, name: 'Балабақша «Күншуақ»', finished: false });
    expect(rows<{ id: string }>(core, 'SELECT id FROM kindergarten')).toEqual([{ id: '0193a0a0-0000-7000-8000-00000000b001' }]);
  });

  it('says a refusal as the link gives it and keeps nothing of it', async () => {
    const control = standIn();
    control.joinAnswer = { ok: false, error: { code: 'PAIR_CODE_WRONG', detail: 'proof failed' } };
    const core = start(false, control);
    expect(await core.handlers.setupPeerJoin(request)).toMatchObject({ ok: false, error: { code: 'PAIR_CODE_WRONG' } });
    expect(await core.handlers.setupPeerJoin({ ...request, address: 'not an address' })).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(control.calls).toHaveLength(1);
    expect(rows(core, 'SELECT id FROM kindergarten')).toEqual([]);
  });

  it("is the admin's once the first admin exists, refused once the first run is finished (the console's peerJoin then) and on the demo", async () => {
    const control = standIn();
    const core = start(false, control);
    const sessionId = await firstAdmin(core);
    expect(await core.handlers.setupPeerJoin(request)).toMatchObject({ ok: false, error: { code: 'STAFF_SESSION_ENDED' } });
    expect(value(await core.handlers.setupPeerJoin({ ...request, sessionId })).sponsor.name).toBe('Door 1');
    expect(control.calls.at(-1)).toMatchObject({ call: 'join', by: { staffId: rows<{ id: string }>(core, "SELECT id FROM staff WHERE role = 'admin'")[0]?.id } });
    // The console's join is not the first run's: refused while the first run is open.
    expect(await core.handlers.peerJoin({ ...request, sessionId, pin: '864213' })).toMatchObject({ ok: false, error: { code: 'STAFF_FORBIDDEN' } });
    value(core.handlers.setupChooseOwn({ sessionId }));
    value(core.handlers.setupFinish({ sessionId }));
    const admin = rows<{ id: string }>(core, "SELECT id FROM staff WHERE role = 'admin'")[0]?.id ?? '';
    const again = await signIn(core, admin, '864213');
    const calls = control.calls.length;
    expect(await core.handlers.setupPeerJoin({ ...request, sessionId: again })).toMatchObject({ ok: false, error: { code: 'STAFF_FORBIDDEN' } });
    expect(control.calls).toHaveLength(calls);

    const demo = start(true, control);
    const demoAdmin = await signIn(demo, 'staff-admin', '2468');
    expect(await demo.handlers.setupPeerJoin({ ...request, sessionId: demoAdmin })).toMatchObject({ ok: false, error: { code: 'STAFF_FORBIDDEN' } });
    expect(await demo.handlers.peerJoin({ ...request, sessionId: demoAdmin, pin: '2468' })).toMatchObject({ ok: false, error: { code: 'STAFF_FORBIDDEN' } });
    expect(control.calls).toHaveLength(calls);
  });
});

describe("the console's join of a computer in service", () => {
  const request = { address: '192.168.1.23', code: ' 7KQ4-M2XD-9RTB ', name: 'Кеңсе' };

  async function inService(control: StandInPeerControl | null): Promise<{ core: KioskCore; admin: string; sessionId: string }> {
    const core = start(false, control);
    const first = await firstAdmin(core);
    value(core.handlers.setupChooseOwn({ sessionId: first }));
    value(core.handlers.setupFinish({ sessionId: first }));
    const admin = rows<{ id: string }>(core, "SELECT id FROM staff WHERE role = 'admin'")[0]?.id ?? '';
    return { core, admin, sessionId: await signIn(core, admin, '864213') };
  }

  it("asks the admin's PIN again before anything is dialled, a wrong one counted and on record as at a sign-in", async () => {
    const control = standIn();
    const { core, admin, sessionId } = await inService(control);
    const first = value(await core.handlers.peerJoin({ ...request, sessionId, pin: '111111' }));
    const second = value(await core.handlers.peerJoin({ ...request, sessionId, pin: '111112' }));
    if (first.outcome !== 'wrong-pin' || second.outcome !== 'wrong-pin') throw new Error(`not refused: ${JSON.stringify([first, second])}`);
    expect(second.attemptsLeft).toBe(first.attemptsLeft - 1);
    expect(rows(core, `SELECT staff_id FROM staff_audit WHERE action = 'sign-in-failed' AND staff_id = '${admin}'`)).toHaveLength(2);
    expect(control.calls).toEqual([]);
    // No address, or no link: refused before the PIN is tried (no try spent on a typo).
    expect(await core.handlers.peerJoin({ ...request, sessionId, pin: '864213', address: 'door one' })).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    const joined = value(await core.handlers.peerJoin({ ...request, sessionId, pin: '864213' }));
    expect(joined).toMatchObject({ outcome: 'joined', joined: { sponsor: { name: 'Door 1' } } });
    expect(control.calls).toEqual([{ call: 'join', request: { address: '192.168.1.23:47620', code: '7KQ4-M2XD-9RTB', name: 'Кеңсе', role: 'door' }, by: { staffId: admin } }]);
  });

  it('is for admins only, and says the link is off when none runs', async () => {
    const off = await inService(null);
    expect(await off.core.handlers.peerJoin({ ...request, sessionId: off.sessionId, pin: '864213' })).toMatchObject({ ok: false, error: { code: 'PEER_LINK_OFF' } });
    const nurse = start(true, standIn());
    const nurseSession = await signIn(nurse, 'staff-nurse', '1357');
    expect(await nurse.handlers.peerJoin({ ...request, sessionId: nurseSession, pin: '1357' })).toMatchObject({ ok: false, error: { code: 'STAFF_FORBIDDEN' } });
    expect(await nurse.handlers.peerJoinAccounts({ sessionId: nurseSession })).toMatchObject({ ok: false, error: { code: 'STAFF_FORBIDDEN' } });
    expect(await nurse.handlers.peerJoinDeactivate({ sessionId: nurseSession, staffIds: ['staff-duty'] })).toMatchObject({ ok: false, error: { code: 'STAFF_FORBIDDEN' } });
  });
});
