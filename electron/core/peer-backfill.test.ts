// Two kiosk cores in one process, each with its own data folder and peer worker on 127.0.0.1 (docs/peers.md §9): a
// demo door whose taps, absence and PINs were written before it had a peer log (its device key unreadable, as a
// kiosk from before migration 0027 had none), started again with its key, backfills its past; an empty office then
// joins it by code through the first run's request and ends with the door's children, staff (the nurse signs in at
// the office with the PIN she uses at the door), past taps and absence, and the same табель for the month.
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { openDatabase } from './db/open-database.js';
import { demoCards } from './demo/demo-roster.js';
import { FileSecretStore, type SecretStore } from './files/secret-store.js';
import { KioskCore, type KioskCoreOptions } from './kiosk-core.js';
import { freePort } from './peers/testing/peer-group-kit.js';
import { value } from './setup/testing/setup-kit.js';
import { manualClock, tempDataDir } from './testing/fixtures.js';

/** A weekday morning in Almaty: the taps are arrivals, whatever hour the suite runs. */
const MORNING = '2026-11-23T08:10:00+05:00';
const quiet = { log: () => undefined };

/** The file store with the device key stored but unreadable: the core runs with its peer log off, as before 0027. */
function withoutDeviceKey(dir: string): SecretStore {
  const file = new FileSecretStore(dir, { cipher: null, ...quiet });
  return {
    protection: file.protection,
    get: (name) => (name === 'device-key' ? null : file.get(name)),
    has: (name) => name === 'device-key' || file.has(name),
    set: (name, v) => file.set(name, v),
    delete: (name) => file.delete(name),
  };
}

function started(options: KioskCoreOptions): KioskCore {
  const core = new KioskCore(options);
  onTestFinished(async () => {
    core.close();
    await core.closed();
  });
  const status = core.handlers.getStatus({});
  if (!status.ok || status.value.state !== 'ready') throw new Error(`the core did not open: ${JSON.stringify(status)}`);
  return core;
}

async function signIn(core: KioskCore, staffId: string, pin: string): Promise<string> {
  const signedIn = value(await core.handlers.staffSignIn({ who: { kind: 'staff', staffId }, pin }));
  if (signedIn.outcome !== 'signed-in') throw new Error(`${staffId} could not sign in: ${JSON.stringify(signedIn)}`);
  return signedIn.session.sessionId;
}

function rows(dir: string, sql: string): string {
  const db = openDatabase(join(dir, 'esik.sqlite'));
  try {
    return JSON.stringify(db.prepare(sql).all());
  } finally {
    db.close();
  }
}

describe('a door with a past, joined by an empty office', () => {
  it("gives the office the door's children, staff, past taps and absence, and the same табель", async () => {
    const doorDir = tempDataDir();
    const clock = manualClock(MORNING);
    // The past: taps and an absence written while the door had no peer log.
    const past = started({ dataDir: doorDir, demo: true, clock, secrets: withoutDeviceKey(doorDir), ...quiet });
    for (const raw of [demoCards.motherOneChild]) {
      expect(past.handlers.identifyCard({ raw, source: 'keyboard-wedge' })).toMatchObject({ ok: true, value: { kind: 'recorded' } });
    }
    const admin = await signIn(past, 'staff-admin', '2468');
    const tapped = new Set((JSON.parse(rows(doorDir, 'SELECT child_id FROM attendance_events')) as { child_id: string }[]).map((r) => r.child_id));
    const absent = (JSON.parse(rows(doorDir, 'SELECT id FROM children WHERE active = 1 ORDER BY id')) as { id: string }[]).find((c) => !tapped.has(c.id))?.id ?? '';
    value(past.handlers.staffMarkAbsence({ sessionId: admin, childId: absent, firstDate: '2026-11-23', lastDate: '2026-11-23', reason: 'family' }));
    past.close();
    await past.closed();
    expect(rows(doorDir, 'SELECT count(*) AS n FROM peer_log')).toBe('[{"n":0}]');

    // The door again, with its key: its past becomes its peer log before it opens.
    const doorPort = await freePort();
    const lines: string[] = [];
    const door = started({ dataDir: doorDir, demo: true, clock, log: (l) => lines.push(l), peers: { host: '127.0.0.1', port: doorPort, beacon: null, tuning: { membersEveryMs: 100, statusEveryMs: 200 } } });
    expect(lines.some((l) => l.startsWith('[core] peer log backfilled'))).toBe(true);

    const officeDir = tempDataDir();
    const office = started({ dataDir: officeDir, demo: false, clock, ...quiet, peers: { host: '127.0.0.1', port: await freePort(), beacon: null, tuning: { membersEveryMs: 100, statusEveryMs: 200 } } });
    const head = await signIn(door, 'staff-admin', '2468');
    const opened = value(await door.handlers.peerPairingOpen({ sessionId: head, pin: '2468' }));
    if (opened.outcome !== 'opened') throw new Error(`no code: ${JSON.stringify(opened)}`);
    value(office.handlers.setupSetRole({ machineRole: 'office' }));
    value(await office.handlers.setupPeerJoin({ address: `127.0.0.1:${doorPort}`, code: opened.opened.code, name: 'Office' }));

    // Bounded: the office holds the door's whole log, and nothing waits.
    const same = (sql: string): boolean => rows(officeDir, sql) === rows(doorDir, sql);
    const until = Date.now() + 40_000;
    const doorId = (JSON.parse(rows(doorDir, 'SELECT id FROM device')) as { id: string }[])[0]?.id ?? '';
    const officeHolds = (): boolean => rows(officeDir, `SELECT max(seq) AS seq FROM peer_log WHERE device_id = '${doorId}'`) === rows(doorDir, `SELECT max(seq) AS seq FROM peer_log WHERE device_id = '${doorId}'`);
    while (!(officeHolds() && rows(officeDir, 'SELECT count(*) AS n FROM peer_waiting') === '[{"n":0}]')) {
      if (Date.now() > until) throw new Error(`the office did not catch up: ${rows(officeDir, 'SELECT waits_for, count(*) AS n FROM peer_waiting GROUP BY waits_for')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    for (const sql of [
      'SELECT id, group_id, first_name, last_name, active FROM children ORDER BY id',
      'SELECT companion_id, child_id, may_bring, may_collect, blocked FROM companion_children ORDER BY companion_id, child_id',
      'SELECT id, first_name, last_name, role, active FROM staff ORDER BY id',
      'SELECT id, child_id, kind, device_id, device_seq, hash FROM attendance_events ORDER BY id',
      'SELECT id, child_id, first_date, last_date, reason FROM absences ORDER BY id',
    ]) {
      expect(same(sql), sql).toBe(true);
    }
    // The nurse signs in at the office with the PIN she uses at the door.
    await signIn(office, 'staff-nurse', '1357');
    const boss = await signIn(office, 'staff-admin', '2468');
    const groups = JSON.parse(rows(doorDir, 'SELECT id FROM groups ORDER BY id')) as { id: string }[];
    for (const g of groups) {
      const args = { groupId: g.id, month: '2026-11', language: 'kk' as const };
      expect(value(office.handlers.adminTabel({ sessionId: boss, ...args })), g.id).toEqual(value(door.handlers.adminTabel({ sessionId: head, ...args })));
    }
  }, 90_000);
});
