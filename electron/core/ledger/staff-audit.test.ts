// Every staff action in STAFF_ACTIONS leaves an audit row with who, when and why. The scenarios are a Record over the
// actions, so a new action cannot be added to the list without a scenario here.
import { describe, expect, it } from 'vitest';
import { localTimeOn } from '../../../shared/domain/local-time.js';
import { STAFF_ACTIONS, type StaffAction } from '../../../shared/staff/staff-domain.js';
import { demoCards } from '../demo/demo-roster.js';
import { demoChildren, staffKit, value } from '../staff/testing/staff-kit.js';

type Kit = ReturnType<typeof staffKit>;

interface AuditRow {
  action: string;
  staff_id: string | null;
  occurred_at: string;
  subject_id: string | null;
  detail: string;
}

/** Each scenario does the action once; `staff` is who the row must name (null: the kiosk itself or nobody known). */
const scenarios: Record<StaffAction, { staff: string | null; run: (kit: Kit) => unknown }> = {
  'first-admin-created': {
    staff: 'new-admin',
    run: async (kit) => {
      kit.db.prepare(`DELETE FROM staff_pins WHERE staff_id = 'staff-admin'`).run();
      expect(value(await kit.call('staffCreateFirstAdmin', { firstName: 'Гүлмира', lastName: 'Ахметова', pin: '864213' })).outcome).toBe('created');
    },
  },
  'sign-in': { staff: 'staff-duty', run: async (kit) => await kit.signIn() },
  'sign-in-failed': { staff: 'staff-duty', run: async (kit) => value(await kit.call('staffSignIn', { who: { kind: 'staff', staffId: 'staff-duty' }, pin: '0000' })) },
  'account-locked': {
    staff: 'staff-duty',
    run: async (kit) => {
      for (let i = 0; i < 5; i++) value(await kit.call('staffSignIn', { who: { kind: 'staff', staffId: 'staff-duty' }, pin: '0000' }));
    },
  },
  'sign-out': { staff: 'staff-duty', run: async (kit) => value(kit.call('staffSignOut', { sessionId: await kit.signIn(), why: 'button' })) },
  'session-timeout': {
    staff: 'staff-duty',
    run: async (kit) => {
      await kit.signIn();
      kit.clock.advance(61_000);
      kit.desk.tick();
    },
  },
  override: {
    staff: 'staff-duty',
    run: async (kit) => value(kit.call('staffOverride', { sessionId: await kit.signIn(), childId: demoChildren.alisa, kind: 'arrival', reason: 'device-broken' })),
  },
  correction: {
    staff: 'staff-admin',
    run: async (kit) => {
      value(kit.checkin.identifyCard(demoCards.motherOneChild));
      const [event] = kit.read<{ id: string }>('SELECT id FROM attendance_events');
      value(kit.call('staffCorrect', { sessionId: await kit.signIn('staff-admin', '2468'), target: { type: 'attendance', id: event?.id }, reason: 'Double tap' }));
    },
  },
  absence: {
    staff: 'staff-nurse',
    run: async (kit) =>
      value(kit.call('staffMarkAbsence', { sessionId: await kit.signIn('staff-nurse', '1357'), childId: demoChildren.alisa, firstDate: '2026-11-24', lastDate: '2026-11-24', reason: 'sanatorium' })),
  },
  headcount: { staff: 'staff-nurse', run: async (kit) => value(kit.call('staffTakeHeadcount', { sessionId: await kit.signIn('staff-nurse', '1357') })) },
  'closing-resolution': {
    staff: 'staff-duty',
    run: async (kit) => {
      value(kit.checkin.identifyCard(demoCards.motherOneChild));
      kit.clock.set('2026-11-23T14:10:00.000Z');
      value(kit.call('staffResolveClosing', { sessionId: await kit.signIn(), childId: demoChildren.alisa, outcome: { kind: 'still-here', note: 'Mother is late' } }));
    },
  },
  'certificate-check': {
    staff: 'staff-duty',
    run: async (kit) => {
      // A return the tick found (return-checks.test.ts finds them on a real month): here only the staff's answer.
      kit.db.prepare("INSERT INTO return_checks (id, child_id, local_date, absent_days, last_seen, found_ms) VALUES ('rc1', ?, '2026-11-23', 6, NULL, 0)").run(demoChildren.alisa);
      value(kit.call('staffMarkCertificate', { sessionId: await kit.signIn(), checkId: 'rc1', outcome: 'missing' }));
    },
  },
  'paper-day': {
    staff: 'staff-admin',
    run: async (kit) => {
      // An arrival on Friday 20 November: the records reach back that far (paper-day.test.ts covers the rules).
      kit.log.append([{ childId: demoChildren.alisa, kind: 'arrival', method: 'rfid', companionId: null, credentialId: null, staffId: null }], localTimeOn('2026-11-20', '08:00', 300));
      const [child] = kit.read<{ group_id: string }>('SELECT group_id FROM children WHERE id = ?', demoChildren.alisa);
      const sessionId = await kit.signIn('staff-admin', '2468');
      const roll = value(kit.call('staffPaperDay', { sessionId, groupId: child?.group_id, date: '2026-11-20' }));
      const present = roll.state === 'open' ? roll.children.map((c) => c.id) : [];
      expect(value(kit.call('staffSavePaperDay', { sessionId, groupId: child?.group_id, date: '2026-11-20', present })).outcome).toBe('saved');
    },
  },
  'staff-alert-handled': {
    staff: 'staff-duty',
    run: async (kit) => {
      // A refused pick-up the door kept (staff-alert-book.test.ts covers keeping them): here only the staff's handling.
      kit.db.exec(`INSERT INTO staff_alerts VALUES ('al1', 'pickup-not-allowed', 'k', '2026-11-23', 0);
        INSERT INTO staff_alert_sightings (alert_id, at, at_ms, body) VALUES ('al1', '17:05', 0, '{"kind":"pickup-not-allowed","companionFirstName":"Гүлнар","childFirstNames":["Інжу"]}')`);
      value(kit.call('staffHandleAlert', { sessionId: await kit.signIn(), alertId: 'al1' }));
    },
  },
  'pin-set': {
    staff: 'staff-admin',
    run: async (kit) => value(await kit.call('staffSetPin', { sessionId: await kit.signIn('staff-admin', '2468'), staffId: 'staff-nurse', pin: '8024' })),
  },
  'pin-changed': {
    staff: 'staff-nurse',
    run: async (kit) => value(await kit.call('staffChangeOwnPin', { sessionId: await kit.signIn('staff-nurse', '1357'), oldPin: '1357', newPin: '8024' })),
  },
  'card-enrolled': {
    staff: 'staff-admin',
    run: async (kit) =>
      value(kit.call('staffEnrolCard', { sessionId: await kit.signIn('staff-admin', '2468'), staffId: 'staff-nurse', card: { raw: '0007000002', source: 'keyboard-wedge' } })),
  },
  'card-withdrawn': {
    staff: 'staff-admin',
    run: async (kit) => {
      const [card] = kit.read<{ id: string }>(`SELECT id FROM staff_cards WHERE staff_id = 'staff-duty'`);
      value(kit.call('staffWithdrawCard', { sessionId: await kit.signIn('staff-admin', '2468'), cardId: card?.id }));
    },
  },
  'account-unlocked': {
    staff: 'staff-admin',
    run: async (kit) => {
      for (let i = 0; i < 5; i++) value(await kit.call('staffSignIn', { who: { kind: 'staff', staffId: 'staff-duty' }, pin: '0000' }));
      value(kit.call('staffUnlock', { sessionId: await kit.signIn('staff-admin', '2468'), staffId: 'staff-duty' }));
    },
  },
  'account-deactivated': {
    staff: 'staff-admin',
    run: async (kit) => {
      // The staff desk's act; which accounts may be chosen (those a joined computer brought) is computers-desk's rule.
      const sessionId = await kit.signIn('staff-admin', '2468');
      const session = kit.desk.session(sessionId);
      if (!session.ok) throw new Error('no session');
      expect(value(kit.desk.deactivateAccounts(session.member, ['staff-duty'], session.at, { why: 'joined-group' }))).toEqual({ deactivated: ['staff-duty'] });
    },
  },
};

describe('the staff audit trail', () => {
  it.each(STAFF_ACTIONS)('records "%s" with who and when', async (action) => {
    const kit = staffKit();
    const before = kit.read<AuditRow>('SELECT * FROM staff_audit').length;
    await scenarios[action].run(kit);
    const rows = kit.read<AuditRow>('SELECT * FROM staff_audit WHERE action = ?', action);
    expect(rows.length, `rows for ${action}`).toBeGreaterThan(0);
    expect(kit.read<AuditRow>('SELECT * FROM staff_audit').length).toBeGreaterThan(before);
    const row = rows.at(-1)!;
    const expected = scenarios[action].staff;
    if (expected === 'new-admin') expect(row.staff_id).toMatch(/^staff-/);
    else expect(row.staff_id).toBe(expected);
    expect(row.occurred_at).toMatch(/^2026-11-23T\d{2}:\d{2}:\d{2}\.\d{3}\+05:00$/);
    expect(() => JSON.parse(row.detail) as unknown).not.toThrow();
  });

  it('is append-only', async () => {
    const kit = staffKit();
    await kit.signIn();
    expect(() => kit.db.prepare(`UPDATE staff_audit SET staff_id = NULL`).run()).toThrow(/append-only/);
    expect(() => kit.db.prepare('DELETE FROM staff_audit').run()).toThrow(/append-only/);
  });

  it('never holds a PIN', async () => {
    const kit = staffKit();
    value(await kit.call('staffSignIn', { who: { kind: 'staff', staffId: 'staff-duty' }, pin: '987654' }));
    await kit.signIn();
    const text = JSON.stringify(kit.read('SELECT * FROM staff_audit'));
    expect(text).not.toContain('987654');
    expect(text).not.toContain('1234');
  });
});
