// Staff accounts managed at the kiosk over a real store: an admin sets or resets PINs, enrols and withdraws staff
// cards and unlocks accounts; a member changes their own PIN. Each request goes through its contract schema.
import { describe, expect, it } from 'vitest';
import { demoCards } from '../demo/demo-roster.js';
import { demoStaffCard } from './demo-staff.js';
import { staffKit, value } from './testing/staff-kit.js';

type Kit = ReturnType<typeof staffKit>;
type Audit = { action: string; staff_id: string | null; subject_id: string | null; detail: string };

const signInWith = async (kit: Kit, staffId: string, pin: string) => value(await kit.call('staffSignIn', { who: { kind: 'staff', staffId }, pin })).outcome;
const cardSignIn = async (kit: Kit, raw: string, pin: string) => value(await kit.call('staffSignIn', { who: { kind: 'card', raw, source: 'keyboard-wedge' }, pin }));
const asAdmin = async (kit: Kit) => await kit.signIn('staff-admin', '2468');
const audit = (kit: Kit, action: string) => kit.read<Audit>('SELECT action, staff_id, subject_id, detail FROM staff_audit WHERE action = ? ORDER BY occurred_ms, id', action);

describe('staff accounts', () => {
  it('lists the roster staff with role, origin, PIN, lock and cards — and only for admins', async () => {
    const kit = staffKit();
    kit.db.prepare(`INSERT INTO staff (id, first_name, last_name, role) VALUES ('staff-teacher', 'Дана', 'Бекова', 'staff')`).run();
    const { staff } = value(kit.call('staffAccounts', { sessionId: await asAdmin(kit) }));
    expect(staff.map((s) => [s.member.firstName, s.member.role, s.origin, s.hasPin, s.cards.map((c) => c.canonical)])).toEqual([
      ['Жанна', 'admin', 'city', true, []],
      ['Айгерім', 'staff', 'city', true, [demoStaffCard.canonical]],
      ['Дана', 'staff', 'city', false, []],
      ['Раиса', 'staff', 'city', true, []],
    ]);
    expect(staff.every((s) => s.lockedUntil === null && s.failedAttempts === 0)).toBe(true);

    const nurse = await kit.signIn('staff-nurse', '1357');
    for (const [name, args] of [
      ['staffAccounts', {}],
      ['staffSetPin', { staffId: 'staff-duty', pin: '8024' }],
      ['staffEnrolCard', { staffId: 'staff-nurse', card: { raw: '0007000002', source: 'keyboard-wedge' } }],
      ['staffUnlock', { staffId: 'staff-duty' }],
      ['staffWithdrawCard', { cardId: 'x' }],
    ] as const) {
      expect(await kit.call(name, { sessionId: nurse, ...args }), name).toMatchObject({ ok: false, error: { code: 'STAFF_FORBIDDEN' } });
    }
    expect(await signInWith(kit, 'staff-duty', '1234')).toBe('signed-in');
  });

  it('sets a PIN for a member who had none, and resets a PIN, clearing the lock', async () => {
    const kit = staffKit();
    kit.db.prepare(`INSERT INTO staff (id, first_name, last_name, role) VALUES ('staff-teacher', 'Дана', 'Бекова', 'staff')`).run();
    const sessionId = await asAdmin(kit);
    expect(value(await kit.call('staffSetPin', { sessionId, staffId: 'staff-teacher', pin: '7391' }))).toEqual({ outcome: 'set' });
    expect(value(kit.call('staffSignInOptions', {})).staff.map((s) => s.id)).toContain('staff-teacher');
    expect(await signInWith(kit, 'staff-teacher', '7391')).toBe('signed-in');

    for (let i = 0; i < 5; i++) await signInWith(kit, 'staff-nurse', '0000');
    expect(await signInWith(kit, 'staff-nurse', '1357')).toBe('locked');
    expect(value(await kit.call('staffSetPin', { sessionId, staffId: 'staff-nurse', pin: '8024' }))).toEqual({ outcome: 'set' });
    expect(await signInWith(kit, 'staff-nurse', '1357')).toBe('wrong-pin');
    expect(await signInWith(kit, 'staff-nurse', '8024')).toBe('signed-in');

    expect(audit(kit, 'pin-set').map((a) => [a.staff_id, a.subject_id, JSON.parse(a.detail) as unknown])).toEqual([
      ['staff-admin', 'staff-teacher', { reset: false }],
      ['staff-admin', 'staff-nurse', { reset: true }],
    ]);
    const trail = JSON.stringify(kit.read('SELECT * FROM staff_audit'));
    expect(trail).not.toContain('7391');
    expect(trail).not.toContain('8024');
  });

  it.each([
    ['0000', 'repeat'],
    ['1212', 'repeat'],
    ['1234', 'sequence'],
    ['98765', 'sequence'],
  ] as const)('refuses the weak PIN %s (%s) and keeps the old one', async (pin, weakness) => {
    const kit = staffKit();
    expect(value(await kit.call('staffSetPin', { sessionId: await asAdmin(kit), staffId: 'staff-nurse', pin }))).toEqual({ outcome: 'weak', weakness });
    expect(await signInWith(kit, 'staff-nurse', '1357')).toBe('signed-in');
    expect(audit(kit, 'pin-set')).toEqual([]);
  });

  it("refuses an admin's own PIN (STAFF_OWN_PIN), so an open session cannot take the account over or clear its lock", async () => {
    const kit = staffKit();
    const sessionId = await asAdmin(kit);
    // Someone at the door tries the admin's name meanwhile: the count must survive the attempt below.
    for (let i = 0; i < 3; i++) expect(await signInWith(kit, 'staff-admin', '0000')).toBe('wrong-pin');
    for (const extra of [{}, { adminPin: '2468' }]) {
      expect(await kit.call('staffSetPin', { sessionId, staffId: 'staff-admin', pin: '8024', ...extra })).toMatchObject({ ok: false, error: { code: 'STAFF_OWN_PIN' } });
    }
    expect(value(kit.call('staffAccounts', { sessionId })).staff.find((s) => s.member.id === 'staff-admin')).toMatchObject({ failedAttempts: 3 });
    expect(audit(kit, 'pin-set')).toEqual([]);
    expect(await signInWith(kit, 'staff-admin', '8024')).toBe('wrong-pin');
    expect(await signInWith(kit, 'staff-admin', '2468')).toBe('signed-in');
  });

  it("sets another admin's PIN only with the acting admin's own PIN, a wrong one counting towards the lock", async () => {
    const kit = staffKit();
    kit.db.prepare(`INSERT INTO staff (id, first_name, last_name, role) VALUES ('staff-deputy', 'Сәуле', 'Нұрова', 'admin')`).run();
    kit.desk.seedPin('staff-deputy', '7391');
    const sessionId = await asAdmin(kit);
    const setDeputy = async (pin: string, adminPin?: string) =>
      await kit.call('staffSetPin', { sessionId, staffId: 'staff-deputy', pin, ...(adminPin === undefined ? {} : { adminPin }) });

    expect(await setDeputy('8024')).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    // A weak new PIN is refused before the admin's PIN is tried: no attempt is spent on it.
    expect(value(await setDeputy('1111', '0000'))).toEqual({ outcome: 'weak', weakness: 'repeat' });
    expect(value(await setDeputy('8024', '0000'))).toEqual({ outcome: 'wrong-pin', attemptsLeft: 4 });
    expect(audit(kit, 'sign-in-failed').map((a) => [a.staff_id, JSON.parse(a.detail) as unknown])).toEqual([
      ['staff-admin', { why: 'wrong-pin', via: 'pin-set', channel: 'name', failures: 1 }],
    ]);
    expect(audit(kit, 'pin-set')).toEqual([]);
    expect(await signInWith(kit, 'staff-deputy', '8024')).toBe('wrong-pin');

    expect(value(await setDeputy('8024', '2468'))).toEqual({ outcome: 'set' });
    expect(audit(kit, 'pin-set').map((a) => [a.staff_id, a.subject_id])).toEqual([['staff-admin', 'staff-deputy']]);
    expect(await signInWith(kit, 'staff-deputy', '8024')).toBe('signed-in');
    // The good PIN cleared the acting admin's own count, as a sign-in does.
    expect(value(kit.call('staffAccounts', { sessionId })).staff.find((s) => s.member.id === 'staff-admin')).toMatchObject({ failedAttempts: 0 });
  });

  it("ends the session when wrong own PINs, typed to set another admin's PIN, lock the acting admin", async () => {
    const kit = staffKit();
    kit.db.prepare(`INSERT INTO staff (id, first_name, last_name, role) VALUES ('staff-deputy', 'Сәуле', 'Нұрова', 'admin')`).run();
    kit.desk.seedPin('staff-deputy', '7391');
    const sessionId = await asAdmin(kit);
    const guess = async () => value(await kit.call('staffSetPin', { sessionId, staffId: 'staff-deputy', pin: '8024', adminPin: '0000' }));
    for (let left = 4; left > 0; left--) expect(await guess()).toEqual({ outcome: 'wrong-pin', attemptsLeft: left });
    expect(await guess()).toEqual({ outcome: 'locked', until: '08:11' });
    expect(kit.call('staffKeepAlive', { sessionId })).toMatchObject({ ok: false, error: { code: 'STAFF_SESSION_ENDED' } });
    expect(audit(kit, 'account-locked').map((a) => a.staff_id)).toEqual(['staff-admin']);
    expect(audit(kit, 'sign-out').map((a) => [a.staff_id, JSON.parse(a.detail) as unknown])).toEqual([['staff-admin', { why: 'locked' }]]);
    expect(await signInWith(kit, 'staff-admin', '2468')).toBe('locked');
    expect(await signInWith(kit, 'staff-deputy', '7391')).toBe('signed-in');
    expect(audit(kit, 'pin-set')).toEqual([]);
  });

  it('refuses a PIN that is not four to eight digits at the contract', async () => {
    const kit = staffKit();
    const sessionId = await asAdmin(kit);
    for (const pin of ['123', '123456789', '12a4']) expect(() => kit.call('staffSetPin', { sessionId, staffId: 'staff-nurse', pin })).toThrow();
    expect(() => kit.call('staffSetPin', { sessionId, staffId: 'staff-nurse', pin: '8024', adminPin: '24a8' })).toThrow();
  });

  it('enrols a tapped card as a staff card that opens the sign-in, and withdraws it', async () => {
    const kit = staffKit();
    const sessionId = await asAdmin(kit);
    const enrol = (raw: string, staffId = 'staff-nurse') => value(kit.call('staffEnrolCard', { sessionId, staffId, card: { raw, source: 'keyboard-wedge' } }));

    expect(enrol('hello')).toEqual({ outcome: 'unreadable' });
    expect(enrol('103,12632')).toEqual({ outcome: 'unreadable' });
    expect(enrol(demoCards.motherOneChild)).toEqual({ outcome: 'companion-card' });
    expect(enrol(demoStaffCard.card)).toEqual({ outcome: 'taken', ownerName: 'Айгерім Омарова' });
    const enrolled = enrol('0007000002\r');
    expect(enrolled).toMatchObject({ outcome: 'enrolled', card: { canonical: '7000002' } });
    expect(await cardSignIn(kit, '0007000002', '1357')).toMatchObject({ outcome: 'signed-in', session: { staff: { id: 'staff-nurse' } } });

    if (enrolled.outcome !== 'enrolled') throw new Error('expected the card enrolled');
    value(kit.call('staffWithdrawCard', { sessionId, cardId: enrolled.card.id }));
    expect(await cardSignIn(kit, '0007000002', '1357')).toEqual({ outcome: 'unknown' });
    expect(kit.call('staffWithdrawCard', { sessionId, cardId: enrolled.card.id })).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(value(kit.call('staffAccounts', { sessionId })).staff.find((s) => s.member.id === 'staff-nurse')?.cards).toEqual([]);

    // A withdrawn card found again may go to someone else, as a new card (a withdrawn card id stays withdrawn on every
    // machine of the kindergarten); the trail keeps who had it.
    const again = enrol('0007000002', 'staff-duty');
    if (again.outcome !== 'enrolled') throw new Error(`not enrolled: ${again.outcome}`);
    expect(again.card.id).not.toBe(enrolled.card.id);
    expect(await cardSignIn(kit, '0007000002', '1234')).toMatchObject({ outcome: 'signed-in', session: { staff: { id: 'staff-duty' } } });
    expect(
      kit
        .read<Audit>(`SELECT action, staff_id, subject_id, detail FROM staff_audit WHERE action IN ('card-enrolled', 'card-withdrawn') ORDER BY occurred_ms, id`)
        .map((a) => [a.action, a.staff_id, a.subject_id, (JSON.parse(a.detail) as { memberId: string }).memberId]),
    ).toEqual([
      ['card-enrolled', 'staff-admin', enrolled.card.id, 'staff-nurse'],
      ['card-withdrawn', 'staff-admin', enrolled.card.id, 'staff-nurse'],
      ['card-enrolled', 'staff-admin', again.card.id, 'staff-duty'],
    ]);
  });

  it('refuses a card any of whose readings is a companion’s card or another staff card in use', async () => {
    const kit = staffKit();
    const sessionId = await asAdmin(kit);
    const enrol = (raw: string, staffId = 'staff-nurse') => value(kit.call('staffEnrolCard', { sessionId, staffId, card: { raw, source: 'keyboard-wedge' } }));
    // An unconfigured reader's 'AB12CD34' and '34:CD:12:AB' are one tap: the door tries the other reading when the
    // main one names no card, so neither may be a staff card while the other is Елена's.
    kit.db.prepare(`INSERT INTO credentials (id, companion_id, kind, value, version) VALUES ('cr-uid', 'cp0002', 'rfid', 'AB:12:CD:34', 1)`).run();
    expect(enrol('34:CD:12:AB')).toEqual({ outcome: 'companion-card' });
    expect(enrol('AB12CD34')).toEqual({ outcome: 'companion-card' });
    // A revoked companion card on another reading no longer opens anything.
    kit.db.prepare(`UPDATE credentials SET revoked_at = '2026-11-01T09:00:00.000+05:00' WHERE id = 'cr-uid'`).run();
    expect(enrol('34:CD:12:AB')).toMatchObject({ outcome: 'enrolled', card: { canonical: '34:CD:12:AB' } });
    // The same pair between two staff members.
    expect(enrol('AB12CD34', 'staff-duty')).toEqual({ outcome: 'companion-card' });
    expect(enrol('56EF7890', 'staff-duty')).toMatchObject({ outcome: 'enrolled', card: { canonical: '56:EF:78:90' } });
    expect(enrol('90:78:EF:56')).toEqual({ outcome: 'taken', ownerName: 'Айгерім Омарова' });
    expect(kit.read('SELECT value FROM staff_cards WHERE value IN (?, ?) ORDER BY value', '56:EF:78:90', '90:78:EF:56')).toEqual([{ value: '56:EF:78:90' }]);
  });

  it('unlocks a locked account at once', async () => {
    const kit = staffKit();
    for (let i = 0; i < 5; i++) await signInWith(kit, 'staff-duty', '0000');
    const sessionId = await asAdmin(kit);
    const duty = () => value(kit.call('staffAccounts', { sessionId })).staff.find((s) => s.member.id === 'staff-duty');
    expect(duty()).toMatchObject({ lockedUntil: '08:11' });
    value(kit.call('staffUnlock', { sessionId, staffId: 'staff-duty' }));
    expect(duty()).toMatchObject({ lockedUntil: null, failedAttempts: 0 });
    expect(await signInWith(kit, 'staff-duty', '1234')).toBe('signed-in');
    expect(audit(kit, 'account-unlocked').map((a) => [a.staff_id, a.subject_id, JSON.parse(a.detail) as unknown])).toEqual([
      ['staff-admin', 'staff-duty', { wasLocked: true, failures: 0, locks: 1 }],
    ]);
  });

  it('lets a member change their own PIN with the old one, counting a wrong old PIN towards the lock', async () => {
    const kit = staffKit();
    const sessionId = await kit.signIn('staff-nurse', '1357');
    const change = async (oldPin: string, newPin: string) => await kit.call('staffChangeOwnPin', { sessionId, oldPin, newPin });

    expect(value(await change('1357', '4444'))).toEqual({ outcome: 'weak', weakness: 'repeat' });
    expect(value(await change('0000', '8024'))).toEqual({ outcome: 'wrong-pin', attemptsLeft: 4 });
    expect(audit(kit, 'sign-in-failed').map((a) => JSON.parse(a.detail) as unknown)).toEqual([{ why: 'wrong-pin', via: 'pin-change', channel: 'name', failures: 1 }]);
    expect(value(await change('1357', '8024'))).toEqual({ outcome: 'changed' });
    expect(audit(kit, 'pin-changed').map((a) => [a.staff_id, a.subject_id])).toEqual([['staff-nurse', 'staff-nurse']]);
    expect(await signInWith(kit, 'staff-nurse', '1357')).toBe('wrong-pin');
    expect(await signInWith(kit, 'staff-nurse', '8024')).toBe('signed-in');
  });

  it('ends the session when wrong old PINs lock the account', async () => {
    const kit = staffKit();
    const sessionId = await kit.signIn('staff-nurse', '1357');
    for (let i = 0; i < 4; i++) value(await kit.call('staffChangeOwnPin', { sessionId, oldPin: '0000', newPin: '8024' }));
    expect(value(await kit.call('staffChangeOwnPin', { sessionId, oldPin: '0000', newPin: '8024' }))).toEqual({ outcome: 'locked', until: '08:11' });
    expect(kit.call('staffKeepAlive', { sessionId })).toMatchObject({ ok: false, error: { code: 'STAFF_SESSION_ENDED' } });
    expect(await signInWith(kit, 'staff-nurse', '1357')).toBe('locked');
  });
});
