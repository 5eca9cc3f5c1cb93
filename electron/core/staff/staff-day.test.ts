import { describe, expect, it } from 'vitest';
import { demoCards } from '../demo/demo-roster.js';
import type { HeadcountGroup } from '../../../shared/staff/staff-contract.js';
import { demoChildren, staffKit, value } from './testing/staff-kit.js';

describe('absences', () => {
  it('mark a sick child absent with the certificate, and the state shows it', async () => {
    const kit = staffKit();
    const sessionId = await kit.signIn('staff-nurse', '1357');
    const marked = value(
      kit.call('staffMarkAbsence', {
        sessionId,
        childId: demoChildren.yerasyl,
        firstDate: '2026-11-23',
        lastDate: '2026-11-27',
        reason: 'sick',
        certificateNumber: '№ 412',
        certificateDate: '2026-11-22',
      }),
    );
    expect(marked.detail.child).toMatchObject({ state: 'absent', absenceReason: 'sick' });
    expect(marked.detail.absences).toEqual([{ id: marked.absenceId, firstDate: '2026-11-23', lastDate: '2026-11-27', reason: 'sick' }]);
    expect(kit.read('SELECT child_id, reason, certificate_number, staff_id FROM absences')).toEqual([
      { child_id: demoChildren.yerasyl, reason: 'sick', certificate_number: '№ 412', staff_id: 'staff-nurse' },
    ]);
  });

  it('count vacation against the yearly allowance and flag the unexcused limit', async () => {
    const kit = staffKit();
    const sessionId = await kit.signIn();
    const mark = (firstDate: string, lastDate: string, reason: 'vacation' | 'family') =>
      value(kit.call('staffMarkAbsence', { sessionId, childId: demoChildren.alikhan, firstDate, lastDate, reason })).detail;
    // Today is 23 November 2026: this year's summer, and the winter to come.
    expect(mark('2026-07-01', '2026-07-31', 'vacation').holidays).toEqual([
      { season: 'summer', label: '2026', first: '2026-06-01', last: '2026-08-31', used: 31, allowed: 31 },
      { season: 'winter', label: '2026/27', first: '2026-12-01', last: '2027-02-28', used: 0, allowed: 31 },
    ]);
    expect(value(kit.call('staffHolidayCheck', { sessionId, childId: demoChildren.alikhan, firstDate: '2026-08-31', lastDate: '2026-09-01' })).warnings).toEqual([
      { kind: 'season-over', season: 'summer', label: '2026', used: 32, allowed: 31 },
      { kind: 'off-season', days: 1 },
    ]);
    // Two working days (Monday, Tuesday 2 and 3 November), then Friday 6 to Monday 9 (two working days): four in all.
    expect(mark('2026-11-02', '2026-11-03', 'family')).toMatchObject({ unexcusedDaysThisMonth: 2, unexcusedDaysPerMonth: 3, child: { unexcusedLimitReached: false } });
    const detail = mark('2026-11-06', '2026-11-09', 'family');
    expect(detail).toMatchObject({ unexcusedDaysThisMonth: 4, child: { unexcusedLimitReached: true } });
    const group = value(kit.call('staffChildren', { sessionId, groupId: 'g01' })).children;
    expect(group.filter((c) => c.unexcusedLimitReached).map((c) => c.id)).toEqual([demoChildren.alikhan]);
  });

  it('follow the configured limit', async () => {
    const kit = staffKit();
    kit.settings.set('unexcusedDaysPerMonth', 5);
    const sessionId = await kit.signIn();
    const detail = value(kit.call('staffMarkAbsence', { sessionId, childId: demoChildren.alikhan, firstDate: '2026-11-02', lastDate: '2026-11-06', reason: 'family' })).detail;
    expect(detail).toMatchObject({ unexcusedDaysThisMonth: 5, unexcusedDaysPerMonth: 5, child: { unexcusedLimitReached: true } });
  });

  it('are withdrawn by a correction, never deleted', async () => {
    const kit = staffKit();
    const sessionId = await kit.signIn();
    const { absenceId } = value(kit.call('staffMarkAbsence', { sessionId, childId: demoChildren.alisa, firstDate: '2026-11-23', lastDate: '2026-11-23', reason: 'family' }));
    value(kit.call('staffCorrect', { sessionId, target: { type: 'absence', id: absenceId }, reason: 'Wrong child' }));
    expect(value(kit.call('staffChildDetail', { sessionId, childId: demoChildren.alisa })).child).toMatchObject({ state: 'expected', absenceReason: null });
    expect(kit.read('SELECT id FROM absences')).toEqual([{ id: absenceId }]);
    expect(() => kit.db.prepare('DELETE FROM absences').run()).toThrow(/append-only/);
  });

  it('refuse a range that ends before it starts', async () => {
    const kit = staffKit();
    const sessionId = await kit.signIn();
    expect(() => kit.call('staffMarkAbsence', { sessionId, childId: demoChildren.alisa, firstDate: '2026-11-23', lastDate: '2026-11-20', reason: 'sick' })).toThrow(/before/);
  });
});

describe('the 09:00 headcount', () => {
  const total = (groups: readonly HeadcountGroup[]) => groups.reduce((sum, g) => sum + g.present, 0);

  it('is taken by the kiosk once at the cut-off, with the present children of each group by name', async () => {
    const kit = staffKit();
    value(kit.checkin.identifyCard(demoCards.motherOneChild));
    kit.desk.tick();
    expect(kit.read('SELECT id FROM headcounts')).toEqual([]);

    kit.clock.set('2026-11-23T04:00:00.000Z'); // 09:00
    kit.desk.tick();
    kit.clock.advance(60_000);
    kit.desk.tick();
    const rows = kit.read<{ trigger: string; staff_id: string | null; groups: string }>('SELECT trigger, staff_id, groups FROM headcounts');
    expect(rows.map((r) => [r.trigger, r.staff_id])).toEqual([['cut-off', null]]);
    const groups = JSON.parse(rows[0]!.groups) as HeadcountGroup[];
    expect(total(groups)).toBe(1);
    expect(groups.find((g) => g.present === 1)).toMatchObject({ groupName: 'Солнышко', presentNames: ['Алиса Иванова'], enrolled: 25 });
    expect(kit.read(`SELECT staff_id, subject_id FROM staff_audit WHERE action = 'headcount'`)).toEqual([{ staff_id: null, subject_id: expect.any(String) as string }]);

    const sessionId = await kit.signIn('staff-nurse', '1357');
    const seen = value(kit.call('staffHeadcount', { sessionId }));
    expect(seen).toMatchObject({ cutOff: '09:00', snapshot: { cutOff: '09:00', takenAt: '09:00', late: false } });
  });

  it('follows the configured cut-off, and staff can take one by hand', async () => {
    const kit = staffKit();
    kit.settings.set('headcountCutOff', '08:30');
    kit.clock.set('2026-11-23T03:31:00.000Z');
    kit.desk.tick();
    const sessionId = await kit.signIn('staff-nurse', '1357');
    const manual = value(kit.call('staffTakeHeadcount', { sessionId }));
    expect(manual).toMatchObject({ trigger: 'manual', takenAt: '08:31' });
    expect(kit.read('SELECT trigger, staff_id FROM headcounts ORDER BY taken_ms, id')).toEqual([
      { trigger: 'cut-off', staff_id: null },
      { trigger: 'manual', staff_id: 'staff-nurse' },
    ]);
  });
});

describe('closing time', () => {
  it('lists the children still checked in, and each is resolved: left with whom, or still here', async () => {
    const kit = staffKit();
    value(kit.checkin.identifyCard(demoCards.motherOneChild));
    const scan = value(kit.checkin.identifyCard(demoCards.fatherTwoGroups));
    if (scan.kind !== 'choose') throw new Error('expected a choice');
    value(kit.checkin.confirm(scan.offerId, [demoChildren.yerasyl, demoChildren.inzhu], []));

    kit.clock.set('2026-11-23T14:05:00.000Z'); // 19:05
    const sessionId = await kit.signIn();
    const closing = value(kit.call('staffClosing', { sessionId }));
    expect(closing).toMatchObject({ closingTime: '19:00', passed: true });
    expect(closing.children.map((c) => c.child.firstName)).toEqual(['Ерасыл', 'Інжу', 'Алиса']);

    const alisa = closing.children.find((c) => c.child.id === demoChildren.alisa);
    const mother = alisa?.companions.find((c) => c.relation === 'mother');
    const left = value(kit.call('staffResolveClosing', { sessionId, childId: demoChildren.alisa, outcome: { kind: 'left', companionId: mother?.id } }));
    value(kit.call('staffResolveClosing', { sessionId, childId: demoChildren.yerasyl, outcome: { kind: 'left', companionName: 'Тётя Сауле' } }));
    value(kit.call('staffResolveClosing', { sessionId, childId: demoChildren.inzhu, outcome: { kind: 'still-here', note: 'Father called: 19:30' } }));

    expect(kit.read(`SELECT id, kind, method, staff_id FROM attendance_events WHERE method = 'override' AND child_id = ?`, demoChildren.alisa)).toEqual([
      { id: left.eventId, kind: 'departure', method: 'override', staff_id: 'staff-duty' },
    ]);
    expect(kit.read('SELECT reason, companion_name FROM override_reasons ORDER BY event_id')).toEqual([
      { reason: 'closing-time', companion_name: null },
      { reason: 'closing-time', companion_name: 'Тётя Сауле' },
    ]);
    const after = value(kit.call('staffClosing', { sessionId }));
    expect(after.children.map((c) => [c.child.firstName, c.stillHereNote])).toEqual([['Інжу', 'Father called: 19:30']]);
    expect(kit.read('SELECT child_id, outcome FROM closing_resolutions ORDER BY occurred_ms, id')).toEqual([
      { child_id: demoChildren.alisa, outcome: 'left' },
      { child_id: demoChildren.yerasyl, outcome: 'left' },
      { child_id: demoChildren.inzhu, outcome: 'still-here' },
    ]);
  });

  it('says closing time has not come yet, and refuses to resolve a child who is not in', async () => {
    const kit = staffKit();
    const sessionId = await kit.signIn();
    expect(value(kit.call('staffClosing', { sessionId }))).toEqual({ closingTime: '19:00', passed: false, children: [] });
    expect(kit.call('staffResolveClosing', { sessionId, childId: demoChildren.alisa, outcome: { kind: 'still-here', note: 'x' } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    });
  });
});
