// The nurse's headcount (issue 16 §6) through KioskApi's staff requests over a real SQLite file, with fixed clocks.
import { describe, expect, it } from 'vitest';
import { toLocalTime } from '../../../shared/domain/local-time.js';
import type { NurseGroup } from '../../../shared/staff/headcount-view.js';
import { demoCards } from '../demo/demo-roster.js';
import { StaffDesk } from './staff-desk.js';
import { demoChildren, staffKit, value } from './testing/staff-kit.js';
import { monthCountsOf } from '../admin/tabel-service.js';
import { FileSecretStore } from '../files/secret-store.js';
import { zoneOf } from '../time/clock.js';

/** 09:00 in Almaty on Monday 23 November 2026 (the kit's clock is a fixed UTC+5). */
const CUT_OFF = '2026-11-23T04:00:00.000Z';
const groupOf = (groups: readonly NurseGroup[], name: string): NurseGroup | undefined => groups.find((g) => g.groupName === name);

describe('the nurse headcount', () => {
  it('is taken at the cut-off while the kiosk runs: present, expected, excused absences by reason, names not yet in', async () => {
    const kit = staffKit(); // 08:10
    let sessionId = await kit.signIn('staff-nurse', '1357');
    value(kit.checkin.identifyCard(demoCards.motherOneChild)); // Алиса, Солнышко
    value(kit.call('staffMarkAbsence', { sessionId, childId: demoChildren.alikhan, firstDate: '2026-11-23', lastDate: '2026-11-25', reason: 'sick' }));
    value(kit.call('staffMarkAbsence', { sessionId, childId: demoChildren.yerasyl, firstDate: '2026-11-23', lastDate: '2026-11-23', reason: 'family' }));
    kit.clock.set('2026-11-23T03:59:59.000Z'); // 08:59:59
    kit.desk.tick();
    sessionId = await kit.signIn('staff-nurse', '1357');
    expect(value(kit.call('staffHeadcount', { sessionId })).snapshot).toBeNull();

    kit.clock.set('2026-11-23T04:00:03.000Z'); // the tick a few seconds after 09:00
    kit.desk.tick();
    sessionId = await kit.signIn('staff-nurse', '1357');
    const view = value(kit.call('staffHeadcount', { sessionId }));
    expect(view).toMatchObject({ localDate: '2026-11-23', cutOff: '09:00', schoolDay: true, snapshot: { cutOff: '09:00', takenAt: '09:00', late: false, detailed: true } });
    const groups = view.snapshot?.groups ?? [];
    expect(groupOf(groups, 'Солнышко')).toMatchObject({ present: 1, enrolled: 25, expected: 25, presentNames: ['Алиса Иванова'] });
    expect(groupOf(groups, 'Солнышко')?.notYetIn).toHaveLength(24);
    // Sick is excused: not expected, not waited for. Family reasons are unexcused: still expected, named with the reason.
    const balapan = groupOf(groups, 'Балапан');
    expect(balapan).toMatchObject({ present: 0, expected: 24, excused: [{ reason: 'sick', count: 1 }] });
    expect(balapan?.notYetIn.map((c) => c.name)).not.toContain('Әлихан Жұмабаев');
    const yerasylGroup = groups.find((g) => g.notYetIn.some((c) => c.name === 'Ерасыл Нұрланов'));
    expect(yerasylGroup?.notYetIn.find((c) => c.name === 'Ерасыл Нұрланов')).toEqual({ name: 'Ерасыл Нұрланов', absence: 'family' });
    expect(yerasylGroup?.excused).toEqual([]);
    expect(kit.read(`SELECT cut_off, trigger FROM headcounts`)).toEqual([{ cut_off: '09:00', trigger: 'cut-off' }]);
  });

  it('taken by a kiosk started at 09:47 says it counted at 09:47, against the 09:00 it stood for', async () => {
    const kit = staffKit('2026-11-23T04:47:00.000Z'); // switched on at 09:47
    kit.desk.start(); // the clock-driven job runs once at start-up
    const sessionId = await kit.signIn('staff-nurse', '1357');
    expect(value(kit.call('staffHeadcount', { sessionId })).snapshot).toMatchObject({ cutOff: '09:00', takenAt: '09:47', late: true });
    // The cut-off moved later in the day: the snapshot still says what it stood for.
    kit.settings.set('headcountCutOff', '10:00');
    expect(value(kit.call('staffHeadcount', { sessionId }))).toMatchObject({ cutOff: '10:00', snapshot: { cutOff: '09:00', takenAt: '09:47', late: true } });
  });

  it('is not rewritten by a correction or an arrival entered afterwards with a past time, nor by a restart', async () => {
    const kit = staffKit();
    value(kit.checkin.identifyCard(demoCards.motherOneChild)); // Алиса at 08:10
    kit.clock.set(CUT_OFF);
    kit.desk.tick();
    let sessionId = await kit.signIn('staff-nurse', '1357');
    const before = value(kit.call('staffHeadcount', { sessionId })).snapshot;

    // At 10:30 the head withdraws Алиса's arrival, and Әлихан's arrival at 08:30 is entered from the paper list.
    kit.clock.set('2026-11-23T05:30:00.000Z');
    sessionId = await kit.signIn('staff-admin', '2468');
    const [arrival] = kit.read<{ id: string }>(`SELECT id FROM attendance_events WHERE child_id = ?`, demoChildren.alisa);
    value(kit.call('staffCorrect', { sessionId, target: { type: 'attendance', id: arrival?.id }, reason: 'Wrong child' }));
    kit.log.append(
      [{ childId: demoChildren.alikhan, kind: 'arrival', method: 'override', companionId: null, credentialId: null, staffId: 'staff-nurse' }],
      toLocalTime(new Date('2026-11-23T03:30:00.000Z'), 300),
    );
    const after = value(kit.call('staffHeadcount', { sessionId }));
    expect(after.snapshot).toEqual(before);
    expect(groupOf(after.snapshot?.groups ?? [], 'Солнышко')?.presentNames).toEqual(['Алиса Иванова']);
    expect(groupOf(after.live.groups, 'Солнышко')?.present).toBe(0);
    expect(groupOf(after.live.groups, 'Балапан')?.presentNames).toEqual(['Әлихан Жұмабаев']);

    // The kiosk restarts: a new desk over the same file takes no second snapshot and shows the first.
    kit.desk.stop();
    const secrets = new FileSecretStore(kit.dataDir, { cipher: null, log: () => undefined });
    const restarted = new StaffDesk({ db: kit.db, log: kit.log, clock: kit.clock, dataDir: kit.dataDir, secrets, cardFormat: () => 'auto', monthCounts: monthCountsOf(kit.db, () => zoneOf(kit.clock)) });
    restarted.start();
    restarted.stop();
    expect(kit.read(`SELECT count(*) AS n FROM headcounts`)).toEqual([{ n: 1 }]);
    expect(restarted.headcount(restarted.now()).snapshot).toEqual(before);
  });

  it('takes none on a weekend or a public holiday, where nobody is expected', async () => {
    for (const [iso, day] of [
      ['2026-11-28T04:30:00.000Z', 'Saturday 28 November'],
      ['2026-12-16T04:30:00.000Z', 'Independence Day, Wednesday 16 December'],
    ] as const) {
      const kit = staffKit(iso);
      value(kit.checkin.identifyCard(demoCards.motherOneChild));
      kit.desk.tick();
      expect(kit.read('SELECT id FROM headcounts'), day).toEqual([]);
      const sessionId = await kit.signIn('staff-nurse', '1357');
      const view = value(kit.call('staffHeadcount', { sessionId }));
      expect(view, day).toMatchObject({ schoolDay: false, snapshot: null });
      expect(view.live.groups.every((g) => g.expected === 0 && g.notYetIn.length === 0), day).toBe(true);
      // A child who came all the same is counted.
      expect(groupOf(view.live.groups, 'Солнышко')?.present, day).toBe(1);
    }
  });

  it('counts a transferred working day as a school day', () => {
    const kit = staffKit('2026-11-28T04:30:00.000Z'); // Saturday 28 November, made a working day by the admin
    kit.db.prepare(`INSERT INTO calendar_transfers (date, kind, note, staff_id, set_at, set_ms) VALUES ('2026-11-28', 'working-day', NULL, 'staff-nurse', '2026-11-01T10:00:00+05:00', 0)`).run();
    kit.desk.tick();
    expect(kit.read(`SELECT local_date FROM headcounts`)).toEqual([{ local_date: '2026-11-28' }]);
  });
});
