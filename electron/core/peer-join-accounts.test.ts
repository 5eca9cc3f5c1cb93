// An office set up on its own, whose first admin has the door's head's name, joins the demo door from its console
// (docs/peers.md §9 "Joining with history"): two kiosk cores in one process, each with its own data folder and peer
// worker on 127.0.0.1. Once the door's staff have come, the office lists the account it brought, ticked (the group has
// the name); its admin deactivates it — her own — as a staff record, which ends her session and reaches the door.
import { describe, expect, it } from 'vitest';
import type { KioskCore } from './kiosk-core.js';
import { freePort } from './peers/testing/peer-group-kit.js';
import { value } from './setup/testing/setup-kit.js';
import { manualClock, tempDataDir } from './testing/fixtures.js';
import { rowsOf as rows, signedIn as signIn, startedCore as started } from './testing/started-core.js';

/** A weekday morning in Almaty, whatever hour the suite runs. */
const MORNING = '2026-11-23T08:10:00+05:00';
const TUNING = { membersEveryMs: 100, statusEveryMs: 200 };

/** Polls `done` every 100 ms for at most `ms`; throws with `why()` if it never holds. */
async function until(done: () => boolean, ms: number, why: () => string): Promise<void> {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() > end) throw new Error(why());
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** An office in service that was set up on its own: its first admin, and the first run finished. */
async function officeOnItsOwn(office: KioskCore): Promise<{ adminId: string; sessionId: string }> {
  value(office.handlers.setupSetRole({ machineRole: 'office' }));
  const created = value(await office.handlers.setupCreateAdmin({ firstName: 'Жанна', lastName: 'Сейітова', pin: '864213' }));
  if (created.outcome !== 'created') throw new Error('no first admin');
  const first = created.session.sessionId;
  value(office.handlers.setupSetName({ sessionId: first, name: 'Балабақша «Ақбота»' }));
  value(office.handlers.setupChooseOwn({ sessionId: first }));
  value(office.handlers.setupFinish({ sessionId: first }));
  // The setup's session ends with the setup: the console is signed into afresh.
  return { adminId: created.session.staff.id, sessionId: await signIn(office, created.session.staff.id, '864213') };
}

describe('the accounts an office brought when it joined', () => {
  it('are listed, the one the group has by name ticked, and deactivated by the admin as a record that travels', async () => {
    const clock = manualClock(MORNING);
    const quiet = { log: () => undefined };
    const doorDir = tempDataDir();
    const doorPort = await freePort();
    const door = started({ dataDir: doorDir, demo: true, clock, ...quiet, peers: { host: '127.0.0.1', port: doorPort, beacon: null, tuning: TUNING } });
    const officeDir = tempDataDir();
    const lines: string[] = [];
    const office = started({ dataDir: officeDir, demo: false, clock, log: (l) => lines.push(l), peers: { host: '127.0.0.1', port: await freePort(), beacon: null, tuning: TUNING } });
    const own = await officeOnItsOwn(office);
    // Not joined yet: nothing was brought anywhere.
    expect(value(await office.handlers.peerJoinAccounts({ sessionId: own.sessionId }))).toEqual({ accounts: [], groupAccounts: 1 });

    const head = await signIn(door, 'staff-admin', '2468');
    const opened = value(await door.handlers.peerPairingOpen({ sessionId: head, pin: '2468' }));
    if (opened.outcome !== 'opened') throw new Error(`no code: ${JSON.stringify(opened)}`);
    const joined = value(await office.handlers.peerJoin({ sessionId: own.sessionId, pin: '864213', address: `127.0.0.1:${doorPort}`, code: opened.opened.code, name: 'Office' }));
    if (joined.outcome !== 'joined') throw new Error(`not joined: ${JSON.stringify(joined)}\n${lines.join('\n')}`);

    // The door's staff arrive as records: the office's own admin is listed, ticked, with the door's three beside her.
    const doorStaff = (JSON.parse(rows(doorDir, 'SELECT id FROM staff WHERE active = 1')) as unknown[]).length;
    const listed = async () => value(await office.handlers.peerJoinAccounts({ sessionId: own.sessionId }));
    await until(() => rows(officeDir, "SELECT count(*) AS n FROM staff WHERE id = 'staff-admin'") === '[{"n":1}]', 60_000, () => `no door staff at the office\n${lines.slice(-20).join('\n')}`);
    expect(await listed()).toEqual({
      accounts: [{ staffId: own.adminId, firstName: 'Жанна', lastName: 'Сейітова', role: 'admin', sameNameInGroup: true }],
      groupAccounts: doorStaff,
    });

    // Only an account the office brought may be chosen: the door's nurse is refused, and nothing is done.
    expect(await office.handlers.peerJoinDeactivate({ sessionId: own.sessionId, staffIds: [own.adminId, 'staff-nurse'] })).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(rows(officeDir, `SELECT active FROM staff WHERE id = '${own.adminId}'`)).toBe('[{"active":1}]');
    expect(value(await office.handlers.peerJoinDeactivate({ sessionId: own.sessionId, staffIds: [own.adminId] }))).toEqual({ deactivated: 1 });
    // Her own account: her session ends with it, on record.
    expect(await office.handlers.peersStatus({ sessionId: own.sessionId })).toMatchObject({ ok: false, error: { code: 'STAFF_SESSION_ENDED' } });
    const audit = JSON.parse(rows(officeDir, "SELECT action, staff_id, subject_id, detail FROM staff_audit WHERE action IN ('account-deactivated', 'sign-out') ORDER BY occurred_ms, id")) as {
      action: string;
      staff_id: string;
      subject_id: string;
      detail: string;
    }[];
    // The last two rows (the setup's own session ended earlier, also on record).
    expect(audit.slice(-2).map((a) => [a.action, a.staff_id, JSON.parse(a.detail) as unknown])).toEqual([
      ['account-deactivated', own.adminId, { why: 'joined-group', name: 'Жанна Сейітова', role: 'admin' }],
      ['sign-out', own.adminId, { why: 'deactivated' }],
    ]);
    // The record travels: the door holds the office's admin, inactive.
    await until(() => rows(doorDir, `SELECT active FROM staff WHERE id = '${own.adminId}'`) === '[{"active":0}]', 60_000, () => `the door never took the deactivation\n${lines.slice(-20).join('\n')}`);
    // The door's head signs in at the office with her door PIN, and finds nothing left to choose.
    await until(() => rows(officeDir, "SELECT count(*) AS n FROM staff_pins WHERE staff_id = 'staff-admin'") === '[{"n":1}]', 60_000, () => 'the head’s PIN never came');
    const boss = await signIn(office, 'staff-admin', '2468');
    expect(value(await office.handlers.peerJoinAccounts({ sessionId: boss }))).toEqual({ accounts: [], groupAccounts: doorStaff });
  }, 180_000);
});
