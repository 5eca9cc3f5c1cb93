// One example per rule of docs/peers.md §6 "Per kind": two machines edit the same register while apart, and the rule
// decides the same whichever order the records are given in.
import { describe, expect, it } from 'vitest';
import { absenceFor, byAttendanceOrder, handledAlertIds, newestById, newestStanding, withdrawalsOf, withdrawnIds } from './merge-facts.js';
import { cardNumberConflicts, decideRegister, type RegisterDecision, type RegisterRecord } from '../ledger/merge-rules.js';
import { byHlc, headsOf } from '../ledger/register-heads.js';
import type { RosterChange } from '../../../shared/domain/roster-change.js';
import { RegisterMachine, registerBodies as b } from './testing/register-kit.js';

/** Decides both ways round and checks they agree. */
function decided(...records: RegisterRecord[]): RegisterDecision {
  const forward = decideRegister(records);
  expect(decideRegister([...records].reverse())).toEqual(forward);
  return forward;
}

/** Two machines apart after both heard `base`. */
function apart(base: RegisterRecord | null = null): [RegisterMachine, RegisterMachine] {
  const door = new RegisterMachine('door-1');
  const office = new RegisterMachine('office');
  if (base !== null) {
    door.hear([base]);
    office.hear([base]);
  }
  return [door, office];
}

describe('register heads', () => {
  it('an edit whose base is the winner replaces it, and a machine has seen its own earlier edits', () => {
    const [door, office] = apart();
    const first = office.write(b.setting('18:00'));
    door.hear([first]);
    const second = door.write(b.setting('19:00'), first);
    expect(headsOf([first, second])).toEqual([second]);
    const third = door.write(b.setting('20:00'), first);
    expect(headsOf([first, second, third])).toEqual([third]);
    // Even an earlier wall clock: the edit saw its base, so it replaces it.
    const late = office.write(b.setting('17:00'), third, 1_700_000_000_000);
    expect(decided(first, second, third, late)).toMatchObject({ winner: late, conflicts: [] });
  });

  it('a restating follow-up by the loser, with the winner as base, leaves one head', () => {
    const base = new RegisterMachine('founder').write(b.link(true, false, false));
    const [door, office] = apart(base);
    const ban = door.write(b.link(false, false, true), base);
    const edit = office.write(b.link(true, true, false), base);
    const decision = decided(base, ban, edit);
    expect(decision.conflicts).toEqual([{ rule: 'restrictive-wins', winnerId: ban.id, loserId: edit.id, loserDeviceId: 'office' }]);
    const followUp = office.write({ kind: 'roster-change', body: { change: { kind: 'link', link: { companionId: 'c1', childId: 'k1', mayBring: false, mayCollect: false, blocked: true } } } }, decision.winner);
    expect(headsOf([base, ban, edit, followUp])).toEqual([followUp]);
    // And a permission given later, knowing the ban, stands.
    const lifted = door.write(b.link(true, true, false), followUp);
    expect(decided(base, ban, edit, followUp, lifted)).toMatchObject({ winner: lifted, conflicts: [] });
  });
});

describe('a restatement against a later edit (catch-ups in pages)', () => {
  it("gives way to an edit made on top of what it restated, whichever HLC is newer", () => {
    const [door, office] = apart();
    const lost = door.write(b.setting('18:00'));
    const won = office.write(b.setting('18:30'));
    const later = office.write(b.setting('19:00'), won);
    // The door heard only `won` (one page), lost, and restated it; its clock is ahead of the office's.
    const restated = door.write(b.setting('18:30'), won, 1_795_403_999_000);
    expect(decided(lost, won, restated)).toMatchObject({ winner: restated, conflicts: [] });
    expect(headsOf([lost, won, later, restated])).toEqual([restated, later].sort(byHlc));
    expect(decided(lost, won, later, restated)).toMatchObject({ winner: later, value: later.body, conflicts: [] });
    // A lock restated gives way to an unlock made knowing that lock: lock-wins is for an unlock that did not see it.
    const lock = office.write(b.lock(1_795_405_000_000));
    const unlockHere = door.write(b.lock(null));
    const unlockThere = office.write(b.lock(null), lock);
    const restatedLock = door.write(b.lock(1_795_405_000_000), lock, 1_795_404_999_000);
    expect(decided(lock, unlockHere, restatedLock, unlockThere)).toMatchObject({ winner: unlockThere, conflicts: [] });
  });

  it('still decides by its kind against a head that never saw what it restates', () => {
    const [door, office] = apart();
    const lock = office.write(b.lock(1_795_405_000_000));
    const unlock = door.write(b.lock(null));
    const restatedLock = door.write(b.lock(1_795_405_000_000), lock);
    // A third machine unlocked apart from all of it: the lock wins over it, as over every unlock that did not see it.
    const apartUnlock = new RegisterMachine('door-2').write(b.lock(null), null, 1_795_403_999_000);
    expect(decided(lock, unlock, restatedLock, apartUnlock)).toMatchObject({ winner: restatedLock, conflicts: [{ rule: 'lock-wins', loserId: apartUnlock.id }] });
    // Two restatements of one record say the same: as before, the later HLC, and nothing to show a person.
    const second = new RegisterMachine('door-2').write(b.lock(1_795_405_000_000), lock, 1_795_403_999_000);
    expect(decided(lock, unlock, restatedLock, second)).toMatchObject({ conflicts: [{ rule: 'same-value' }] });
  });

  it('a follow-up that says more than its base (a merged link) is an edit, and merges restrictively', () => {
    const base = new RegisterMachine('founder').write(b.link(true, true, false));
    const [door, office] = apart(base);
    const noBring = door.write(b.link(false, true, false), base);
    const noCollect = office.write(b.link(true, false, false), base);
    const merged = decided(base, noBring, noCollect);
    const loser = merged.conflicts[0]?.loserDeviceId === 'door-1' ? door : office;
    const followUp = loser.write({ kind: 'roster-change', body: merged.value as { change: RosterChange } }, merged.winner, 1_795_403_999_000);
    // The winner's machine, not having heard the other, grants again on top of its own: the withdrawal it never saw holds.
    const winnerMachine = loser === door ? office : door;
    const regrant = winnerMachine.write(b.link(true, true, false), merged.winner);
    expect(decided(base, noBring, noCollect, followUp, regrant).value).toEqual(merged.value);
  });

  it('a revoked card stays revoked against an edit made on top of its restated revoke', () => {
    const enrol = new RegisterMachine('founder').write(b.card('enrol'));
    const [door, office] = apart(enrol);
    const edit = door.write(b.card('enrol', 'cr1', '0004512401'), enrol);
    const revoke = office.write(b.card('revoke'), enrol);
    const restated = door.write(b.card('revoke'), revoke, 1_795_403_999_000);
    const onTop = office.write(b.card('enrol'), revoke);
    expect(decided(enrol, edit, revoke, restated, onTop).winner).toBe(revoke);
  });
});

describe('merge rules, per kind', () => {
  it('companion-child links: a ban made apart wins over a permission, field by field', () => {
    const base = new RegisterMachine('founder').write(b.link(false, true, false));
    const [door, office] = apart(base);
    const ban = door.write(b.link(false, false, true), base);
    const permission = office.write(b.link(true, true, false), base);
    expect(decided(base, ban, permission)).toMatchObject({ winner: ban, value: ban.body, conflicts: [{ rule: 'restrictive-wins', loserId: permission.id }] });
    // Each side withdrew one right: neither keeps the other's.
    const both = new RegisterMachine('founder').write(b.link(true, true, false));
    const noBring = door.write(b.link(false, true, false), both);
    const noCollect = office.write(b.link(true, false, false), both);
    const merged = decided(both, noBring, noCollect);
    expect(merged.value).toEqual({ change: { kind: 'link', link: { companionId: 'c1', childId: 'k1', mayBring: false, mayCollect: false, blocked: false } } });
    expect(merged.conflicts).toHaveLength(1);
    // A removal wins over a permission; a ban wins over a removal.
    const removed = new RegisterMachine('door-2').write(b.linkRemoved(), base);
    expect(decided(base, removed, permission)).toMatchObject({ winner: removed, conflicts: [{ rule: 'restrictive-wins', loserId: permission.id }] });
    expect(decided(base, removed, ban).value).toEqual({ change: { kind: 'link', link: { companionId: 'c1', childId: 'k1', mayBring: false, mayCollect: false, blocked: true } } });
  });

  it('cards: a revoke wins over a concurrent edit, and for good', () => {
    const enrol = new RegisterMachine('founder').write(b.card('enrol'));
    const [door, office] = apart(enrol);
    const revoke = door.write(b.card('revoke'), enrol);
    const restated = office.write(b.card('enrol', 'cr1', '0004512401'), enrol);
    expect(decided(enrol, revoke, restated)).toMatchObject({ winner: revoke, conflicts: [{ rule: 'revocation-wins', loserId: restated.id, loserDeviceId: 'office' }] });
    // Even a record that names the revoke as its base does not bring the card back.
    const again = office.write(b.card('enrol'), revoke);
    expect(decided(enrol, revoke, again).winner).toBe(revoke);
    // Staff cards alike.
    const card = new RegisterMachine('founder').write(b.staffCard(false));
    const [d2, o2] = apart(card);
    const revokedCard = d2.write(b.staffCard(true), card);
    expect(decided(card, revokedCard, o2.write(b.staffCard(false), card)).winner).toBe(revokedCard);
    // A revoke the joiner wrote before it joined lost to the group's; an edit on top of the group's keeps the card
    // revoked in the group's name, never the pre-join record's, even when that one is earlier (found by the property test).
    const joiner = new RegisterMachine('joiner', 1_795_403_000_000, true);
    const preJoin = joiner.write(b.staffCard(true));
    const groups = new RegisterMachine('office').write(b.staffCard(true));
    expect(decided(preJoin, groups)).toMatchObject({ winner: groups, conflicts: [{ rule: 'group-first', loserId: preJoin.id }] });
    const onTop = new RegisterMachine('door-2').write(b.staffCard(false), groups);
    expect(decided(preJoin, groups, onTop).winner).toBe(groups);
  });

  it('one card number enrolled for two people: the earlier keeps it, unless it was enrolled before its machine joined', () => {
    const [door, office] = apart();
    const first = door.write(b.card('enrol', 'cr1'), null, 1_795_403_600_000);
    const second = office.write(b.card('enrol', 'cr2'), null, 1_795_403_700_000);
    const cards = [
      { cardId: 'cr2', number: 'rfid:0004512400', enrolment: second },
      { cardId: 'cr1', number: 'rfid:0004512400', enrolment: first },
      { cardId: 'cr3', number: 'rfid:0004512401', enrolment: second },
    ];
    expect(cardNumberConflicts(cards)).toEqual([{ number: 'rfid:0004512400', keeper: cards[1], losers: [{ card: cards[0], rule: 'earliest-enrolment' }] }]);
    const joiner = new RegisterMachine('joiner', 1_795_400_000_000, true).write(b.card('enrol', 'cr4'));
    const withJoiner = [...cards, { cardId: 'cr4', number: 'rfid:0004512400', enrolment: joiner }];
    expect(cardNumberConflicts(withJoiner)[0]).toMatchObject({ keeper: { cardId: 'cr1' }, losers: [{ card: { cardId: 'cr4' }, rule: 'group-first' }, { card: { cardId: 'cr2' } }] });
  });

  it('a child: leaving wins over an edit that did not see it; a rejoin that saw the leave stands', () => {
    const child = new RegisterMachine('founder').write(b.child('g1'));
    const [door, office] = apart(child);
    const left = door.write(b.childLeft(), child);
    const moved = office.write(b.child('g2'), child);
    expect(decided(child, left, moved)).toMatchObject({ winner: left, conflicts: [{ rule: 'leaving-wins', loserId: moved.id }] });
    office.hear([left]);
    const rejoined = office.write(b.child('g2'), left);
    expect(decided(child, left, rejoined)).toMatchObject({ winner: rejoined, conflicts: [] });
  });

  it('a companion removed and a group closed win over a concurrent edit', () => {
    const companion = new RegisterMachine('founder').write(b.companion('Бибігүл'));
    const [door, office] = apart(companion);
    const removed = office.write(b.companionRemoved(), companion);
    expect(decided(companion, door.write(b.companion('Бибігуль'), companion), removed)).toMatchObject({ winner: removed, conflicts: [{ rule: 'removal-wins' }] });
    const group = new RegisterMachine('founder').write(b.group('Балапан'));
    const closed = door.write(b.groupClosed(), group);
    expect(decided(group, closed, office.write(b.group('Балапандар'), group))).toMatchObject({ winner: closed, conflicts: [{ rule: 'removal-wins' }] });
  });

  it('staff accounts: a demotion and a rename made apart both stand; a deactivation wins', () => {
    const account = new RegisterMachine('founder').write(b.staffAccount('Жанна', 'admin', true));
    const [door, office] = apart(account);
    const demoted = door.write(b.staffAccount('Жанна', 'staff', true), account);
    const renamed = office.write(b.staffAccount('Жанар', 'admin', true), account);
    const decision = decided(account, demoted, renamed);
    expect(decision.value).toEqual({ staffId: 's1', firstName: 'Жанар', lastName: 'Иванова', role: 'staff', active: true, origin: 'local' });
    expect(decision.conflicts).toEqual([{ rule: 'demotion-wins', winnerId: renamed.id, loserId: demoted.id, loserDeviceId: 'door-1' }]);
    // The door deactivated first by the clock: the office's later name stands beside the deactivation.
    const deactivated = new RegisterMachine('door-2', 1_795_403_522_000).write(b.staffAccount('Жанна', 'admin', false), account);
    expect(decided(account, deactivated, renamed)).toMatchObject({ value: { active: false, firstName: 'Жанар' }, conflicts: [{ rule: 'deactivation-wins' }] });
  });

  it('two PINs: the later HLC wins, then the device id', () => {
    const [door, office] = apart();
    const early = door.write(b.pin(1), null, 1_795_403_600_000);
    const late = office.write(b.pin(2), null, 1_795_403_600_001);
    expect(decided(early, late)).toMatchObject({ winner: late, conflicts: [{ rule: 'later-wins', loserId: early.id }] });
    const tie = new RegisterMachine('door-2').write(b.pin(3), null, 1_795_403_600_001);
    expect(decided(late, tie).winner).toBe(late); // 'office' > 'door-2'
  });

  it('two settings: the later wins, except that a machine that joined with its own gives way to the group', () => {
    const [door, office] = apart();
    const a = door.write(b.setting('18:00'), null, 1_795_403_600_000);
    const c = office.write(b.setting('19:00'), null, 1_795_403_600_500);
    expect(decided(a, c)).toMatchObject({ winner: c, value: { key: 'closingTime', value: '19:00' }, conflicts: [{ rule: 'later-wins' }] });
    const joiner = new RegisterMachine('joiner', 1_795_409_999_000, true);
    const own = joiner.write(b.setting('20:00'));
    expect(decided(a, c, own)).toMatchObject({ winner: c, conflicts: [{ rule: 'later-wins', loserId: a.id }, { rule: 'group-first', loserId: own.id, loserDeviceId: 'joiner' }] });
    // After joining, its edits count like anyone's.
    joiner.join();
    const after = joiner.write(b.setting('20:30'), c);
    expect(decided(a, c, own, after)).toMatchObject({ winner: after });
    // A transfer date alike; a clearing (kind null) is an edit like any.
    const t1 = door.write(b.transfer('day-off'), null, 1_795_403_700_000);
    const t2 = office.write(b.transfer(null), null, 1_795_403_700_001);
    expect(decided(t1, t2).winner).toBe(t2);
  });

  it('two paper days for one group and date: the first keeps the day', () => {
    const [door, office] = apart();
    const first = office.write(b.paperDay('s1'), null, 1_795_403_600_000);
    const second = door.write(b.paperDay('s2'), null, 1_795_403_600_100);
    expect(decided(first, second)).toMatchObject({ winner: first, conflicts: [{ rule: 'first-wins', loserId: second.id, loserDeviceId: 'door-1' }] });
  });

  it('a lock wins over a concurrent unlock; an unlock that saw the lock clears it', () => {
    const [door, office] = apart();
    const lock = door.write(b.lock(1_795_404_000_000));
    const earlier = new RegisterMachine('founder').write(b.lock(1_795_403_000_000));
    const unlock = office.write(b.lock(null), earlier);
    expect(decided(earlier, lock, unlock)).toMatchObject({ winner: lock, conflicts: [{ rule: 'lock-wins' }] });
    office.hear([lock]);
    const cleared = office.write(b.lock(null), lock);
    expect(decided(earlier, lock, unlock, cleared)).toMatchObject({ winner: cleared, conflicts: [] });
    // Two locks: the one that ends later holds.
    const longer = office.write(b.lock(1_795_405_000_000), earlier);
    expect(decided(earlier, lock, longer).winner).toBe(longer);
  });

  it('members: a revocation wins over any member record, the highest cut among revocations', () => {
    const [door, office] = apart();
    const member = office.write(b.member('Door 9'));
    door.hear([member]);
    const renamed = door.write(b.member('Door 9 (hall)'), member);
    const cut3 = office.write(b.memberRevoked(3), member);
    const cut7 = door.write(b.memberRevoked(7), member);
    expect(decided(member, renamed, cut3, cut7)).toMatchObject({ winner: cut7, value: { revoked: true, acceptUpToSeq: 7, member: { name: 'Door 9 (hall)' } } });
    expect(decided(member, renamed).value).toMatchObject({ revoked: false, acceptUpToSeq: null });
  });

  it('refuses to decide records of two registers together', () => {
    const m = new RegisterMachine('door-1');
    expect(() => decideRegister([m.write(b.setting('18:00')), m.write(b.setting('1', 'staffIdleSeconds'))])).toThrow(/not of register/);
  });
});

describe('fact readings', () => {
  it('orders attendance by occurred_ms, then device id, then device seq', () => {
    const at = 1_795_403_600_000;
    const events = [
      { id: 'e1', occurredMs: at, deviceId: 'door-2', deviceSeq: 1, kind: 'arrival' },
      { id: 'e2', occurredMs: at, deviceId: 'door-1', deviceSeq: 9, kind: 'departure' },
      { id: 'e3', occurredMs: at - 1, deviceId: 'door-3', deviceSeq: 4, kind: 'arrival' },
    ];
    expect([...events].sort(byAttendanceOrder).map((e) => e.id)).toEqual(['e3', 'e2', 'e1']);
    expect(newestStanding(events, new Set())?.id).toBe('e1');
    expect(newestStanding([...events].reverse(), new Set(['e1']))?.id).toBe('e2');
    expect(newestStanding(events, new Set(['e1', 'e2', 'e3']))).toBeNull();
  });

  it('gives a day the reason of the covering absence with the greatest id, withdrawn ones aside', () => {
    const absences = [
      { id: '0196f3a2-0000-7000-8000-000000000002', firstDate: '2026-11-16', lastDate: '2026-11-20' },
      { id: '0196f3a2-0000-7000-8000-000000000009', firstDate: '2026-11-18', lastDate: '2026-11-18' },
    ];
    expect(absenceFor(absences, '2026-11-18', new Set())?.id).toBe(absences[1]?.id);
    expect(absenceFor([...absences].reverse(), '2026-11-17', new Set())?.id).toBe(absences[0]?.id);
    expect(absenceFor(absences, '2026-11-18', new Set([absences[1]?.id ?? '']))?.id).toBe(absences[0]?.id);
    expect(absenceFor(absences, '2026-11-21', new Set())).toBeNull();
  });

  it('withdraws a record named by any correction, and lists its withdrawals first by id', () => {
    const corrections = [
      { id: 'c-2', targetId: 'e1', deviceId: 'door-2' },
      { id: 'c-1', targetId: 'e1', deviceId: 'office' },
      { id: 'c-3', targetId: 'a1', deviceId: 'office' },
    ];
    expect(withdrawnIds(corrections)).toEqual(new Set(['e1', 'a1']));
    expect(withdrawalsOf(corrections, 'e1').map((c) => c.deviceId)).toEqual(['office', 'door-2']);
    expect(newestById([{ id: 'k-1' }, { id: 'k-3' }, { id: 'k-2' }])?.id).toBe('k-3');
  });

  it('takes an alert as handled once any machine says so', () => {
    expect(handledAlertIds([{ alertId: 'a1' }, { alertId: 'a1' }, { alertId: 'a2' }])).toEqual(new Set(['a1', 'a2']));
    expect(handledAlertIds([])).toEqual(new Set());
  });
});
