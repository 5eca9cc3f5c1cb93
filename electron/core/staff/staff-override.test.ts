import { describe, expect, it } from 'vitest';
import { demoCards } from '../demo/demo-roster.js';
import { demoChildren, staffKit, value } from './testing/staff-kit.js';

describe('finding a child', () => {
  it('finds Әлихан from "алихан" and Інжу from "инжу" or "інжу", across all groups', async () => {
    const kit = staffKit();
    const sessionId = await kit.signIn();
    const search = (query: string) => value(kit.call('staffChildren', { sessionId, query })).children;
    expect(search('алихан').map((c) => c.id)).toContain(demoChildren.alikhan);
    const both = search('АЛИХАН жумабаев');
    expect(both.map((c) => [c.firstName, c.groupName])).toContainEqual(['Әлихан', 'Балапан']);
    expect(both.every((c) => c.firstName === 'Әлихан' && c.lastName.startsWith('Жұмабаев'))).toBe(true);
    for (const typed of ['инжу', 'інжу', 'ІНЖУ']) expect(search(typed).map((c) => c.id)).toContain(demoChildren.inzhu);
  });

  it("lists a group's children with today's state", async () => {
    const kit = staffKit();
    const sessionId = await kit.signIn();
    const groups = value(kit.call('staffGroups', { sessionId })).groups;
    expect(groups).toHaveLength(12);
    const children = value(kit.call('staffChildren', { sessionId, groupId: 'g01' })).children;
    expect(children).toHaveLength(25);
    expect(children.every((c) => c.state === 'expected' && c.groupId === 'g01')).toBe(true);
  });
});

describe('overrides', () => {
  it('record an attributed arrival through the chained log, with the reason and the companion, queued for the city', async () => {
    const kit = staffKit();
    const sessionId = await kit.signIn();
    const detail = value(kit.call('staffChildDetail', { sessionId, childId: demoChildren.alikhan }));
    expect(detail.nextAction).toBe('arrival');
    const grandmother = detail.companions.find((c) => c.firstName === 'Бибігүл');
    expect(grandmother).toBeDefined();

    const recorded = value(
      kit.call('staffOverride', { sessionId, childId: demoChildren.alikhan, kind: 'arrival', reason: 'forgot-card', companionId: grandmother?.id }),
    );
    expect(recorded).toMatchObject({ childFirstName: 'Әлихан', kind: 'arrival', at: '08:10' });

    expect(kit.read('SELECT child_id, kind, method, staff_id, companion_id, credential_id FROM attendance_events')).toEqual([
      { child_id: demoChildren.alikhan, kind: 'arrival', method: 'override', staff_id: 'staff-duty', companion_id: grandmother?.id, credential_id: null },
    ]);
    expect(kit.read('SELECT event_id, reason, note, companion_name FROM override_reasons')).toEqual([
      { event_id: recorded.eventId, reason: 'forgot-card', note: null, companion_name: null },
    ]);
    const queued = kit.read<{ record_id: string; record_type: string; body: string }>(
      'SELECT o.record_id, o.record_type, b.body FROM sync_outbox o JOIN sync_outbox_body b ON b.seq = o.seq ORDER BY o.seq',
    );
    expect(queued.map((r) => [r.record_id === recorded.eventId, r.record_type])).toEqual([
      [true, 'attendance'],
      [false, 'override-reason'],
    ]);
    expect(JSON.parse(queued[1]?.body ?? '{}')).toMatchObject({
      type: 'override-reason',
      id: queued[1]?.record_id,
      eventId: recorded.eventId,
      reason: 'forgot-card',
      note: null,
      companionId: grandmother?.id,
      companionName: null,
    });
    expect(kit.log.verify().intact).toBe(true);
    expect(kit.read(`SELECT action, staff_id, subject_id FROM staff_audit WHERE action = 'override'`)).toEqual([
      { action: 'override', staff_id: 'staff-duty', subject_id: recorded.eventId },
    ]);
  });

  it('are seen by the door: a card tap after an override arrival is a departure', async () => {
    const kit = staffKit();
    const sessionId = await kit.signIn();
    value(kit.call('staffOverride', { sessionId, childId: demoChildren.alisa, kind: 'arrival', reason: 'no-phone', companionName: 'Соседка Галина' }));
    kit.clock.advance(8 * 3_600_000);
    const tap = value(kit.checkin.identifyCard(demoCards.motherOneChild));
    expect(tap.kind === 'recorded' && tap.receipt.entries.map((e) => e.kind)).toEqual(['departure']);
    expect(value(kit.call('staffChildDetail', { sessionId: await kit.signIn(), childId: demoChildren.alisa })).child.state).toBe('left');
  });

  it("are listed with today's records beside the card taps, each naming who brought or collected the child", async () => {
    const kit = staffKit();
    const sessionId = await kit.signIn();
    value(kit.call('staffOverride', { sessionId, childId: demoChildren.alisa, kind: 'arrival', reason: 'no-phone', companionName: 'Соседка Галина' }));
    kit.clock.advance(8 * 3_600_000);
    value(kit.checkin.identifyCard(demoCards.motherOneChild));
    const events = value(kit.call('staffDayEvents', { sessionId: await kit.signIn() })).events;
    expect(events.map((e) => [e.kind, e.method, e.companion])).toEqual([
      ['departure', 'rfid', 'Елена Иванова'],
      ['arrival', 'override', 'Соседка Галина'],
    ]);
  });

  it('need a note for "other", and a companion linked to the child', async () => {
    const kit = staffKit();
    const sessionId = await kit.signIn();
    expect(() => kit.call('staffOverride', { sessionId, childId: demoChildren.alisa, kind: 'arrival', reason: 'other' })).toThrow(/note/);
    expect(kit.call('staffOverride', { sessionId, childId: demoChildren.alisa, kind: 'arrival', reason: 'forgot-card', companionId: 'cp0001' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    });
    expect(kit.read('SELECT id FROM attendance_events')).toEqual([]);
  });

  it('never name as collecting a child a companion the roster lets only bring them', async () => {
    const kit = staffKit();
    const sessionId = await kit.signIn();
    const nanny = value(kit.call('staffChildDetail', { sessionId, childId: demoChildren.yerasyl })).companions.find((c) => c.relation === 'nanny');
    if (!nanny) throw new Error('the demo nanny is not linked to Ерасыл');
    expect(nanny).toMatchObject({ mayBring: true, mayCollect: false });
    // She may bring him …
    expect(kit.call('staffOverride', { sessionId, childId: demoChildren.yerasyl, kind: 'arrival', reason: 'forgot-card', companionId: nanny.id })).toMatchObject({ ok: true });
    // … but is never recorded as taking him home, by an override or at closing time.
    expect(kit.call('staffOverride', { sessionId, childId: demoChildren.yerasyl, kind: 'departure', reason: 'forgot-card', companionId: nanny.id })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    });
    expect(kit.read<{ kind: string }>('SELECT kind FROM attendance_events')).toEqual([{ kind: 'arrival' }]);
  });

  it('are refused without a live session', () => {
    const kit = staffKit();
    expect(
      kit.call('staffOverride', { sessionId: '00000000-0000-4000-8000-000000000000', childId: demoChildren.alisa, kind: 'arrival', reason: 'forgot-card' }),
    ).toEqual({ ok: false, error: { code: 'STAFF_SESSION_ENDED' } });
  });
});

describe('corrections', () => {
  it('withdraw a tap recorded by mistake: the record stays, the door and the staff screen ignore it', async () => {
    const kit = staffKit();
    value(kit.checkin.identifyCard(demoCards.motherOneChild));
    const [tap] = kit.read<{ id: string }>('SELECT id FROM attendance_events');
    const admin = await kit.signIn('staff-admin', '2468');
    expect(value(kit.call('staffChildDetail', { sessionId: admin, childId: demoChildren.alisa })).child.state).toBe('present');

    const { correctionId } = value(kit.call('staffCorrect', { sessionId: admin, target: { type: 'attendance', id: tap?.id }, reason: 'Tapped for the wrong child' }));
    expect(value(kit.call('staffChildDetail', { sessionId: admin, childId: demoChildren.alisa })).child.state).toBe('expected');
    expect(kit.log.lastEventOn(demoChildren.alisa, '2026-11-23')).toBeNull();
    expect(kit.read('SELECT id FROM attendance_events')).toHaveLength(1);
    expect(kit.read('SELECT id, target_type, target_id, staff_id FROM corrections')).toEqual([
      { id: correctionId, target_type: 'attendance', target_id: tap?.id, staff_id: 'staff-admin' },
    ]);
    const events = value(kit.call('staffDayEvents', { sessionId: admin })).events;
    expect(events.map((e) => [e.childFirstName, e.method, e.cancelled])).toEqual([['Алиса', 'rfid', true]]);

    // The next tap is an arrival again, since the withdrawn one no longer counts.
    kit.clock.advance(60_000);
    const again = value(kit.checkin.identifyCard(demoCards.motherOneChild));
    expect(again.kind === 'recorded' && again.receipt.entries[0]?.kind).toBe('arrival');
  });

  it('are offered on the day list only where the signed-in member may withdraw them', async () => {
    const kit = staffKit();
    value(kit.checkin.identifyCard(demoCards.motherOneChild)); // a card's record: nobody's own
    const duty = await kit.signIn();
    value(kit.call('staffOverride', { sessionId: duty, childId: demoChildren.yerasyl, kind: 'arrival', reason: 'forgot-card' }));
    const nurse = await kit.signIn('staff-nurse', '1357');
    const admin = await kit.signIn('staff-admin', '2468');
    const offered = (sessionId: string) => value(kit.call('staffDayEvents', { sessionId })).events.map((e) => [e.childFirstName, e.withdrawable]);
    expect(offered(duty)).toEqual([['Ерасыл', true], ['Алиса', false]]);
    expect(offered(nurse)).toEqual([['Ерасыл', false], ['Алиса', false]]);
    expect(offered(admin)).toEqual([['Ерасыл', true], ['Алиса', true]]);
  });

  it('by staff reach only their own records of today; admins any; never twice', async () => {
    const kit = staffKit();
    const duty = await kit.signIn();
    const nurse = await kit.signIn('staff-nurse', '1357');
    const own = value(kit.call('staffOverride', { sessionId: duty, childId: demoChildren.alisa, kind: 'arrival', reason: 'forgot-card' }));
    expect(kit.call('staffCorrect', { sessionId: nurse, target: { type: 'attendance', id: own.eventId }, reason: 'not mine' })).toMatchObject({
      ok: false,
      error: { code: 'STAFF_FORBIDDEN' },
    });
    expect(kit.call('staffCorrect', { sessionId: duty, target: { type: 'attendance', id: own.eventId }, reason: 'wrong child' }).ok).toBe(true);
    const admin = await kit.signIn('staff-admin', '2468');
    expect(kit.call('staffCorrect', { sessionId: admin, target: { type: 'attendance', id: own.eventId }, reason: 'again' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    });
  });
});
