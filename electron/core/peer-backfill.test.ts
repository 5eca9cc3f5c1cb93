// Two kiosk cores in one process, each with its own data folder and peer worker on 127.0.0.1 (docs/peers.md §9): a
// demo door whose taps, absence, PINs, settings, transfer, paper day, closing resolution, certificate check and
// headcount were written before it had a peer log (its device key unreadable, as a kiosk from before migration 0027
// had none), started again with its key, backfills its past; an empty office then joins it by code through the first
// run's request and ends with the door's children, staff (the nurse signs in at the office with the PIN she uses at
// the door), past taps and absence, the same decided settings, transfers, paper day, resolution and certificate check,
// the door's headcount as its record, and the same табель and act inputs for the month.
import { describe, expect, it } from 'vitest';
import { demoCards } from './demo/demo-roster.js';
import { FileSecretStore, type SecretStore } from './files/secret-store.js';
import { KINDERGARTEN_SETTING_KEYS } from './ledger/settings-store.js';
import { freePort } from './peers/testing/peer-group-kit.js';
import { value } from './setup/testing/setup-kit.js';
import { manualClock, tempDataDir } from './testing/fixtures.js';
import { rowsOf as rows, signedIn as signIn, startedCore as started } from './testing/started-core.js';

/** The door's first day, a Monday morning in Almaty: its records begin here. */
const INSTALLED = '2026-11-16T08:10:00+05:00';
/** A weekday morning a week on: the taps are arrivals, whatever hour the suite runs. */
const MORNING = '2026-11-23T08:10:00+05:00';
/** The Friday before, entered from the paper list. */
const PAPER_DAY = '2026-11-20';
/** The kindergarten keys the door's admin changed before the peer log (KINDERGARTEN_SETTING_KEYS). */
const DECIDED = { perCapitaNormTenge: 45_000, actCountedReasons: ['sick' as const], returnCheckAfterDays: 3, collectCheckFrom: null };
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

describe('a door with a past, joined by an empty office', () => {
  it("gives the office the door's children, staff, past taps and absence, its decided settings, transfer, paper day, resolution, certificate check and headcount, and the same табель and act inputs", async () => {
    const doorDir = tempDataDir();
    const clock = manualClock(INSTALLED);
    // The past: a week of records written while the door had no peer log.
    const past = started({ dataDir: doorDir, demo: true, clock, secrets: withoutDeviceKey(doorDir), ...quiet });
    const alisa = 'ch0003';
    // Its first day has a tap (the табель's records begin at the first event a joiner holds, or its own first start).
    expect(past.handlers.identifyCard({ raw: demoCards.motherOneChild, source: 'keyboard-wedge' })).toMatchObject({ ok: true, value: { kind: 'recorded' } });
    const firstDay = await signIn(past, 'staff-admin', '2468');
    value(past.handlers.adminSetSettings({ sessionId: firstDay, change: DECIDED }));
    // Saturday 28 November made a working day: the табель and the act count it.
    value(past.handlers.adminSetTransfer({ sessionId: firstDay, date: '2026-11-28', kind: 'working-day', note: 'перенос' }));

    clock.set(MORNING);
    for (const raw of [demoCards.motherOneChild]) {
      expect(past.handlers.identifyCard({ raw, source: 'keyboard-wedge' })).toMatchObject({ ok: true, value: { kind: 'recorded' } });
    }
    const admin = await signIn(past, 'staff-admin', '2468');
    const tapped = new Set((JSON.parse(rows(doorDir, 'SELECT child_id FROM attendance_events')) as { child_id: string }[]).map((r) => r.child_id));
    const absent = (JSON.parse(rows(doorDir, 'SELECT id FROM children WHERE active = 1 ORDER BY id')) as { id: string }[]).find((c) => !tapped.has(c.id))?.id ?? '';
    value(past.handlers.staffMarkAbsence({ sessionId: admin, childId: absent, firstDate: '2026-11-23', lastDate: '2026-11-23', reason: 'family' }));
    // Friday from the paper list: Алиса's group, everyone there but her.
    const groupId = (JSON.parse(rows(doorDir, `SELECT group_id FROM children WHERE id = '${alisa}'`)) as { group_id: string }[])[0]?.group_id ?? '';
    const roll = value(past.handlers.staffPaperDay({ sessionId: admin, groupId, date: PAPER_DAY }));
    if (roll.state !== 'open') throw new Error(`the paper day is ${roll.state}`);
    expect(value(past.handlers.staffSavePaperDay({ sessionId: admin, groupId, date: PAPER_DAY, present: roll.children.filter((c) => c.id !== alisa).map((c) => c.id) }))).toMatchObject({ outcome: 'saved' });
    // Алиса is back after four school days away (three ask for a certificate): the duty sees it.
    const [back] = value(past.handlers.staffReturnChecks({ sessionId: admin })).checks.filter((c) => c.childId === alisa);
    if (back === undefined) throw new Error(`no return for ${alisa}`);
    value(past.handlers.staffMarkCertificate({ sessionId: admin, checkId: back.id, outcome: 'seen' }));
    value(past.handlers.staffTakeHeadcount({ sessionId: admin }));
    value(past.handlers.staffResolveClosing({ sessionId: admin, childId: alisa, outcome: { kind: 'left', companionName: 'Тётя Сауле' } }));
    past.close();
    await past.closed();
    expect(rows(doorDir, 'SELECT count(*) AS n FROM peer_log')).toBe('[{"n":0}]');

    // The door again, with its key: its past becomes its peer log before it opens.
    const doorPort = await freePort();
    const lines: string[] = [];
    const door = started({ dataDir: doorDir, demo: true, clock, log: (l) => lines.push(l), peers: { host: '127.0.0.1', port: doorPort, beacon: null, tuning: { membersEveryMs: 100, statusEveryMs: 200 } } });
    // Four decided keys and the time zone the door has run by (its first start stored the OS's).
    const backfilled = lines.find((l) => l.startsWith('[core] peer log backfilled'));
    const byPiece = JSON.parse(/\((\{.*\})/.exec(backfilled ?? '')?.[1] ?? '{}') as Record<string, number>;
    expect(byPiece).toMatchObject({ settings: 5, transfers: 1, 'paper-days': 1, 'closing-resolutions': 1, 'certificate-checks': 1, headcounts: 1 });

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
      `SELECT key, value FROM settings WHERE key IN (${KINDERGARTEN_SETTING_KEYS.map((k) => `'${k}'`).join(', ')}) ORDER BY key`,
      'SELECT date, kind, note, staff_id, set_at, set_ms FROM calendar_transfers ORDER BY date',
      'SELECT id, group_id, local_date, staff_id, entered_at, present, absent FROM paper_days ORDER BY id',
      'SELECT event_id, paper_day_id FROM paper_day_events ORDER BY event_id',
      'SELECT id, local_date, child_id, outcome, departure_event_id, note, staff_id, occurred_at, occurred_ms FROM closing_resolutions ORDER BY id',
      'SELECT k.id, r.child_id, r.local_date, r.absent_days, k.outcome, k.staff_id, k.recorded_at FROM certificate_checks k JOIN return_checks r ON r.id = k.return_check_id ORDER BY k.id',
    ]) {
      expect(same(sql), sql).toBe(true);
    }
    // The nurse signs in at the office with the PIN she uses at the door.
    await signIn(office, 'staff-nurse', '1357');
    const boss = await signIn(office, 'staff-admin', '2468');
    expect(rows(officeDir, 'SELECT count(*) AS n FROM paper_days')).toBe('[{"n":1}]');
    expect(JSON.parse(rows(officeDir, 'SELECT value FROM settings WHERE key = \'perCapitaNormTenge\''))).toEqual([{ value: '45000' }]);
    // The door's headcount is its fact: the office holds its record (its own table keeps the office's own draws).
    const headcountRecords = `SELECT record_id FROM peer_log WHERE kind = 'headcount' ORDER BY record_id`;
    expect(rows(officeDir, headcountRecords)).toBe(rows(doorDir, 'SELECT id AS record_id FROM headcounts ORDER BY id'));
    // What the month's act is drawn from beside the табель: the rules and the transfers, as each machine reads them.
    expect(value(office.handlers.adminSettings({ sessionId: boss }))).toEqual(value(door.handlers.adminSettings({ sessionId: head })));
    expect(value(office.handlers.adminTransfers({ sessionId: boss, month: '2026-11' }))).toEqual(value(door.handlers.adminTransfers({ sessionId: head, month: '2026-11' })));
    const groups = JSON.parse(rows(doorDir, 'SELECT id FROM groups ORDER BY id')) as { id: string }[];
    for (const g of groups) {
      const args = { groupId: g.id, month: '2026-11', language: 'kk' as const };
      expect(value(office.handlers.adminTabel({ sessionId: boss, ...args })), g.id).toEqual(value(door.handlers.adminTabel({ sessionId: head, ...args })));
    }
  }, 90_000);
});
