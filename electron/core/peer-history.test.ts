// Two doors that ran apart for months are paired (docs/peers.md §9 "Joining with history"): two kiosk cores in one
// process, each with its own data folder and peer worker on 127.0.0.1. Both hold the same kindergarten's roster (the
// demo's, as a city's roster gives both doors the same ids); each took its own taps, door 2 an absence, each changed
// the closing time and its admin's PIN. Door 2, in service and no member of any group, joins door 1 by code through
// its admin. After the catch-up both hold every tap and the absence, the same decided settings (door 1's closing time:
// the group first), the same табель for every group, and door 1's admin PIN signs in at both (door 2's is gone).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './db/open-database.js';
import { demoCards } from './demo/demo-roster.js';
import type { KioskCore } from './kiosk-core.js';
import { freePort } from './peers/testing/peer-group-kit.js';
import { value } from './setup/testing/setup-kit.js';
import { manualClock, tempDataDir } from './testing/fixtures.js';
import { rowsOf as rows, signedIn as signIn, startedCore as started } from './testing/started-core.js';

/** A weekday morning in Almaty: the taps are arrivals, whatever hour the suite runs. */
const MORNING = '2026-11-23T08:10:00+05:00';
const TUNING = { membersEveryMs: 100, statusEveryMs: 200 };

/** A door's own morning: a card tapped, its closing time and its admin's PIN changed. */
async function morning(core: KioskCore, card: string, closingTime: string, newPin: string): Promise<string> {
  expect(core.handlers.identifyCard({ raw: card, source: 'keyboard-wedge' })).toMatchObject({ ok: true, value: { kind: 'recorded' } });
  const admin = await signIn(core, 'staff-admin', '2468');
  value(core.handlers.adminSetSettings({ sessionId: admin, change: { closingTime } }));
  expect(value(await core.handlers.staffChangeOwnPin({ sessionId: admin, oldPin: '2468', newPin }))).toEqual({ outcome: 'changed' });
  return admin;
}

describe('two doors that ran apart, paired', () => {
  it('end with every tap and absence of both, the group’s settings and PINs, and the same табель', async () => {
    const clock = manualClock(MORNING);
    const quiet = { log: () => undefined };

    // Door 2 ran on its own: the demo's roster, its own tap (the same child door 1 takes in later: two arrivals, one day), an absence, its closing time and admin PIN. Then it is
    // its kindergarten's own door (no longer the kiosk's demo), started again in service.
    const twoDir = tempDataDir();
    const twoPort = await freePort();
    const past = started({ dataDir: twoDir, demo: true, clock, ...quiet, peers: { host: '127.0.0.1', port: twoPort, beacon: null, tuning: TUNING } });
    const pastAdmin = await morning(past, demoCards.motherOneChild, '19:00', '9630');
    const tapped = new Set((JSON.parse(rows(twoDir, 'SELECT child_id FROM attendance_events')) as { child_id: string }[]).map((r) => r.child_id));
    const absent = (JSON.parse(rows(twoDir, 'SELECT id FROM children WHERE active = 1 ORDER BY id')) as { id: string }[]).find((c) => !tapped.has(c.id))?.id ?? '';
    value(past.handlers.staffMarkAbsence({ sessionId: pastAdmin, childId: absent, firstDate: '2026-11-23', lastDate: '2026-11-23', reason: 'family' }));
    past.close();
    await past.closed();
    const file = openDatabase(join(twoDir, 'esik.sqlite'));
    file.prepare('UPDATE kindergarten SET demo = 0').run();
    file.close();

    const oneDir = tempDataDir();
    const onePort = await freePort();
    const one = started({ dataDir: oneDir, demo: true, clock, ...quiet, peers: { host: '127.0.0.1', port: onePort, beacon: null, tuning: TUNING } });
    const head = await morning(one, demoCards.motherOneChild, '18:30', '1470');
    const lines: string[] = [];
    const two = started({ dataDir: twoDir, demo: false, clock, log: (l) => lines.push(l), peers: { host: '127.0.0.1', port: twoPort, beacon: null, tuning: TUNING } });

    const opened = value(await one.handlers.peerPairingOpen({ sessionId: head, pin: '1470' }));
    if (opened.outcome !== 'opened') throw new Error(`no code: ${JSON.stringify(opened)}`);
    const twoAdmin = await signIn(two, 'staff-admin', '9630');
    const joined = await two.handlers.peerJoin({ sessionId: twoAdmin, pin: '9630', address: `127.0.0.1:${onePort}`, code: opened.opened.code, name: 'Door 2' });
    if (!joined.ok || joined.value.outcome !== 'joined') throw new Error(`door 2 did not join: ${JSON.stringify(joined)}\n${lines.join('\n')}`);

    // Bounded: each holds the other's whole log, nothing waits, and it stays so for a moment (the follow-ups).
    const origins = (dir: string): string => rows(dir, 'SELECT device_id, max(seq) AS seq FROM peer_log GROUP BY device_id ORDER BY device_id');
    const settled = (): boolean =>
      origins(oneDir) === origins(twoDir) && rows(oneDir, 'SELECT count(*) AS n FROM peer_waiting') === '[{"n":0}]' && rows(twoDir, 'SELECT count(*) AS n FROM peer_waiting') === '[{"n":0}]';
    const until = Date.now() + 120_000;
    let calm = 0;
    while (calm < 5) {
      if (Date.now() > until) {
        throw new Error(`the doors did not converge:\n${origins(oneDir)}\n${origins(twoDir)}\n${rows(twoDir, 'SELECT waits_for, count(*) AS n FROM peer_waiting GROUP BY waits_for')}\n${lines.slice(-20).join('\n')}`);
      }
      calm = settled() ? calm + 1 : 0;
      await new Promise((r) => setTimeout(r, 200));
    }

    const same = (sql: string): void => expect(rows(twoDir, sql), sql).toBe(rows(oneDir, sql));
    same('SELECT id, child_id, kind, device_id, device_seq, hash FROM attendance_events ORDER BY id');
    same('SELECT id, child_id, first_date, last_date, reason FROM absences ORDER BY id');
    same("SELECT key, value FROM settings WHERE key IN ('closingTime', 'collectCheckFrom', 'repeatWindowSeconds') ORDER BY key");
    same('SELECT id, first_name, last_name, role, active FROM staff ORDER BY id');
    same('SELECT id, group_id, first_name, last_name, active FROM children ORDER BY id');
    // Both doors' taps and door 2's absence are on both.
    expect((JSON.parse(rows(oneDir, 'SELECT DISTINCT device_id FROM attendance_events')) as unknown[]).length).toBe(2);
    expect(rows(oneDir, `SELECT count(*) AS n FROM absences WHERE child_id = '${absent}'`)).toBe('[{"n":1}]');
    // The closing time both changed is door 1's: door 2's was written before it joined.
    expect(rows(twoDir, "SELECT value FROM settings WHERE key = 'closingTime'")).toBe(rows(oneDir, "SELECT value FROM settings WHERE key = 'closingTime'"));
    expect(JSON.parse(rows(twoDir, "SELECT value FROM settings WHERE key = 'closingTime'"))).toEqual([{ value: JSON.stringify('18:30') }]);

    // Door 1's admin PIN signs in at both; door 2's own is gone with its pepper, which is set aside in its folder.
    expect(readdirSync(join(twoDir, 'set-aside')).filter((f) => f.startsWith('pin-pepper-'))).toHaveLength(1);
    const boss = await signIn(two, 'staff-admin', '1470');
    expect(value(await two.handlers.staffSignIn({ who: { kind: 'staff', staffId: 'staff-admin' }, pin: '9630' })).outcome).not.toBe('signed-in');
    await signIn(two, 'staff-nurse', '1357');
    const groups = JSON.parse(rows(oneDir, 'SELECT id FROM groups ORDER BY id')) as { id: string }[];
    expect(groups.length).toBeGreaterThan(0);
    for (const g of groups) {
      const args = { groupId: g.id, month: '2026-11', language: 'kk' as const };
      expect(value(two.handlers.adminTabel({ sessionId: boss, ...args })), g.id).toEqual(value(one.handlers.adminTabel({ sessionId: head, ...args })));
    }
  }, 180_000);
});
