// Two kiosk cores in one process (docs/peers.md §5 "Archived years"): a demo door with taps in 2020 and in 2026 archives
// 2020 through the admin's request (its peer log bound all along), then an empty office joins it by code. The office
// ends with the door's live years only, the same табель for the live months, nothing waiting for ever, and a later
// pull brings nothing again.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './db/open-database.js';
import { demoCards } from './demo/demo-roster.js';
import { freePort } from './peers/testing/peer-group-kit.js';
import { value } from './setup/testing/setup-kit.js';
import { manualClock, tempDataDir } from './testing/fixtures.js';
import { rowsOf as rows, signedIn as signIn, startedCore as started } from './testing/started-core.js';

const ADMIN_PIN = '2468';

function exec(dir: string, sql: string): void {
  const db = openDatabase(join(dir, 'esik.sqlite'));
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
}

const peerTuning = { membersEveryMs: 100, statusEveryMs: 200 };

describe('a door with an archived year, joined by an empty office', () => {
  it("gives the office the door's live years only, the same табель for live months, with no loop and nothing left waiting", async () => {
    const doorDir = tempDataDir();
    // Taps on three school days of February 2020 (each a morning in Almaty), then one in November 2026.
    const clock = manualClock('2020-02-03T08:10:00+05:00');
    const doorPort = await freePort();
    const lines: string[] = [];
    const door = started({ dataDir: doorDir, demo: true, clock, log: (l) => lines.push(l), peers: { host: '127.0.0.1', port: doorPort, beacon: null, tuning: peerTuning } });
    for (const day of ['2020-02-03', '2020-02-04', '2020-02-05']) {
      clock.set(`${day}T08:10:00+05:00`);
      expect(door.handlers.identifyCard({ raw: demoCards.motherOneChild, source: 'keyboard-wedge' })).toMatchObject({ ok: true, value: { kind: 'recorded' } });
    }
    clock.set('2020-02-05T09:30:00+05:00');
    const admin2020 = await signIn(door, 'staff-admin', ADMIN_PIN);
    const tapped = new Set((JSON.parse(rows(doorDir, 'SELECT child_id FROM attendance_events')) as { child_id: string }[]).map((r) => r.child_id));
    const absent = (JSON.parse(rows(doorDir, 'SELECT id FROM children WHERE active = 1 ORDER BY id')) as { id: string }[]).find((c) => !tapped.has(c.id))?.id ?? '';
    value(door.handlers.staffMarkAbsence({ sessionId: admin2020, childId: absent, firstDate: '2020-02-05', lastDate: '2020-02-05', reason: 'family' }));

    clock.set('2026-11-23T08:10:00+05:00');
    expect(door.handlers.identifyCard({ raw: demoCards.motherOneChild, source: 'keyboard-wedge' })).toMatchObject({ ok: true, value: { kind: 'recorded' } });
    // The demo has no city: its records are taken as acknowledged, as a door in service would have them.
    exec(doorDir, "UPDATE sync_outbox SET state = 'sent', sent_ms = 1 WHERE state = 'pending'");
    const head = await signIn(door, 'staff-admin', ADMIN_PIN);
    const archived = value(await door.handlers.adminArchiveYear({ sessionId: head, year: 2020, pin: ADMIN_PIN }));
    expect(archived).toMatchObject({ outcome: 'archived', year: { year: 2020 } });
    expect(rows(doorDir, "SELECT count(*) AS n FROM attendance_events WHERE local_date < '2021-01-01'")).toBe('[{"n":0}]');

    const officeDir = tempDataDir();
    const officeLines: string[] = [];
    const office = started({ dataDir: officeDir, demo: false, clock, log: (l) => officeLines.push(l), peers: { host: '127.0.0.1', port: await freePort(), beacon: null, tuning: peerTuning } });
    const opened = value(await door.handlers.peerPairingOpen({ sessionId: head, pin: ADMIN_PIN }));
    if (opened.outcome !== 'opened') throw new Error(`no code: ${JSON.stringify(opened)}`);
    value(office.handlers.setupSetRole({ machineRole: 'office' }));
    value(await office.handlers.setupPeerJoin({ address: `127.0.0.1:${doorPort}`, code: opened.opened.code, name: 'Office' }));

    const doorId = (JSON.parse(rows(doorDir, 'SELECT id FROM device')) as { id: string }[])[0]?.id ?? '';
    const headOf = (dir: string): string => rows(dir, `SELECT max(seq) AS seq FROM peer_log WHERE device_id = '${doorId}'`);
    const until = Date.now() + 40_000;
    while (!(headOf(officeDir) === headOf(doorDir) && rows(officeDir, 'SELECT count(*) AS n FROM peer_waiting') === '[{"n":0}]')) {
      if (Date.now() > until) {
        throw new Error(
          `the office did not catch up: door ${headOf(doorDir)}, office ${headOf(officeDir)}, waiting ${rows(officeDir, 'SELECT waits_for, count(*) AS n FROM peer_waiting GROUP BY waits_for')}\n` +
            `${lines.filter((l) => l.includes('peer')).slice(-20).join('\n')}\n${officeLines.filter((l) => l.includes('peer')).slice(-20).join('\n')}`,
        );
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    const same = (sql: string): boolean => rows(officeDir, sql) === rows(doorDir, sql);
    for (const sql of [
      'SELECT id, child_id, kind, device_id, device_seq, hash FROM attendance_events ORDER BY id',
      'SELECT id, group_id, first_name, last_name, active FROM children ORDER BY id',
      'SELECT id, first_name, last_name, role, active FROM staff ORDER BY id',
    ]) {
      expect(same(sql), sql).toBe(true);
    }
    expect(rows(officeDir, "SELECT count(*) AS n FROM attendance_events WHERE local_date < '2021-01-01'")).toBe('[{"n":0}]');
    // The 2020 taps came as links only, under the door's archived head; the absence of 2020 as the record it is.
    expect(rows(officeDir, `SELECT count(*) AS n FROM peer_log WHERE kind = 'attendance' AND record_id NOT IN (SELECT id FROM attendance_events)`)).toBe('[{"n":3}]');
    expect(rows(officeDir, 'SELECT device_id, through_seq, hash FROM peer_archived')).toBe(rows(doorDir, 'SELECT device_id, through_seq, hash FROM peer_archived'));
    // No loop, no fork, nothing refused: the door's worker never failed, and a tap after the catch-up still goes across.
    expect(lines.filter((l) => l.includes('worker failed'))).toEqual([]);
    for (const dir of [doorDir, officeDir]) expect(rows(dir, 'SELECT count(*) AS n FROM peer_forks')).toBe('[{"n":0}]');
    for (const dir of [doorDir, officeDir]) expect(rows(dir, 'SELECT reason, count FROM peer_refusals')).toBe('[]');
    clock.set('2026-11-23T12:00:00+05:00');
    expect(door.handlers.identifyCard({ raw: demoCards.motherOneChild, source: 'keyboard-wedge' })).toMatchObject({ ok: true, value: { kind: 'recorded' } });
    const after = Date.now() + 20_000;
    while (headOf(officeDir) !== headOf(doorDir)) {
      if (Date.now() > after) throw new Error(`the tap after the catch-up did not arrive: door ${headOf(doorDir)}, office ${headOf(officeDir)}`);
      await new Promise((r) => setTimeout(r, 100));
    }

    const boss = await signIn(office, 'staff-admin', ADMIN_PIN);
    const doorHead = await signIn(door, 'staff-admin', ADMIN_PIN);
    const groups = JSON.parse(rows(doorDir, 'SELECT id FROM groups ORDER BY id')) as { id: string }[];
    for (const g of groups) {
      const args = { groupId: g.id, month: '2026-11', language: 'kk' as const };
      expect(value(office.handlers.adminTabel({ sessionId: boss, ...args })), g.id).toEqual(value(door.handlers.adminTabel({ sessionId: doorHead, ...args })));
    }
  }, 90_000);
});
